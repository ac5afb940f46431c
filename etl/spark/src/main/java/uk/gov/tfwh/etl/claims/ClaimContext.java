package uk.gov.tfwh.etl.claims;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.OffsetDateTime;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/** What the national claim check needs to know about the current return a claim came from. */
public record ClaimContext(
    String authorityCode, Phase phase, Quarter quarter, OffsetDateTime submittedAt, String file)
    implements Serializable {
  public ClaimContext {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(phase, "phase");
    requireNonNull(quarter, "quarter");
    requireNonNull(submittedAt, "submittedAt");
    requireNonNull(file, "file");
  }
}
