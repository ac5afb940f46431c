package uk.gov.tfwh.api.progress;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An authority's progress as the API serves it and its reported quarters typed, both from one run
 * of the query, for the pages: they show the API's figures without reading its table's cells.
 */
public record ProgressSeries(AuthorityProgress progress, List<ProgressQuarter> quarters) {
  public ProgressSeries {
    requireNonNull(progress, "progress");
    quarters = List.copyOf(quarters);
  }
}
