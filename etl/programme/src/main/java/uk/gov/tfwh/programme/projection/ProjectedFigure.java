package uk.gov.tfwh.programme.projection;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import uk.gov.tfwh.programme.period.Quarter;

/** One quarter of a projected path: where the recent pace would take the cumulative figure. */
public record ProjectedFigure(Quarter quarter, long turnedAround) implements Serializable {
  public ProjectedFigure {
    requireNonNull(quarter, "quarter");
  }
}
