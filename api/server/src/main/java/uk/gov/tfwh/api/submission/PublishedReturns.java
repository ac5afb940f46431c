package uk.gov.tfwh.api.submission;

import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/** Whether the public figures already hold an authority's return for a quarter. */
@FunctionalInterface
public interface PublishedReturns {
  boolean published(String authority, Phase phase, Quarter quarter);
}
