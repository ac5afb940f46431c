package uk.gov.tfwh.programme.projection;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import uk.gov.tfwh.programme.period.Quarter;

/** An authority's cumulative turned-around (or successful-outcome) figure at a quarter end. */
public record ReportedFigure(Quarter quarter, long turnedAround) implements Serializable {
  public ReportedFigure {
    requireNonNull(quarter, "quarter");
    if (turnedAround < 0) {
      throw new IllegalArgumentException("turned around must not be negative, not " + turnedAround);
    }
  }
}
