package uk.gov.tfwh.programme.payment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * An authority's accepted cumulative summary at a quarter end: the figures payments are computed
 * from. Results a phase does not have (progress to work in phase 2, sustained progress in phase 1)
 * read as zero.
 *
 * @param results the cumulative figure of each result
 */
public record CumulativeFigures(Quarter quarter, long familiesAttached, ByResult<Long> results)
    implements Serializable {

  public CumulativeFigures {
    requireNonNull(quarter, "quarter");
    requireNonNull(results, "results");
    if (familiesAttached < 0) {
      throw new IllegalArgumentException(
          "familiesAttached must not be negative, not " + familiesAttached);
    }
  }
}
