package uk.gov.tfwh.programme.projection;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * Where an authority's cumulative figure would be at the end of its phase if it kept the pace of
 * its last four reported quarters. An extrapolation to show the trend, not a forecast.
 *
 * @param baseQuarter the earliest reported quarter within the four before the latest, from which
 *     the pace is measured; the latest quarter itself when there is none
 * @param averageQuarterlyIncrease families per quarter, to two decimals (never negative)
 * @param path one figure per quarter after the latest up to the phase's last quarter; empty when
 *     the latest quarter is the last
 * @param projectedTurnedAround the figure at the phase's last quarter (the latest when the path is
 *     empty); never below the latest figure and not limited by the target
 */
public record Projection(
    Phase phase,
    int target,
    Quarter latestQuarter,
    long latestTurnedAround,
    Quarter baseQuarter,
    BigDecimal averageQuarterlyIncrease,
    List<ProjectedFigure> path,
    long projectedTurnedAround,
    BigDecimal projectedPercentOfTarget)
    implements Serializable {

  public Projection {
    requireNonNull(phase, "phase");
    requireNonNull(latestQuarter, "latestQuarter");
    requireNonNull(baseQuarter, "baseQuarter");
    requireNonNull(averageQuarterlyIncrease, "averageQuarterlyIncrease");
    requireNonNull(projectedPercentOfTarget, "projectedPercentOfTarget");
    path = List.copyOf(path);
  }
}
