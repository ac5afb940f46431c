package uk.gov.tfwh.programme.projection;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.gov.tfwh.programme.league.LeagueRanking;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * Projects an authority's cumulative turned-around figure to the end of its phase by a straight
 * line at its recent pace. The method is deliberately simple so anyone can check it by hand:
 *
 * <ol>
 *   <li>the pace is the rise from the earliest reported quarter within the {@value
 *       #WINDOW_QUARTERS} quarters before the latest to the latest, divided by the quarters between
 *       them (missing quarters are spanned, not guessed);
 *   <li>a fall counts as no pace: the projection is never below the latest figure;
 *   <li>the line runs from the latest figure to the phase's last quarter, each quarter's figure
 *       rounded half-up to a whole family;
 *   <li>it is not limited by the target, so an authority on course to overshoot shows it.
 * </ol>
 *
 * With a single reported quarter (or none in the window) there is no pace, and the projection is
 * flat. This is an extrapolation of the trend, not a forecast: it knows nothing of deadlines,
 * caseloads or the S-shape real progress followed.
 */
public final class ProgressProjection {
  /** How many quarters of history set the pace. */
  public static final int WINDOW_QUARTERS = 4;

  private ProgressProjection() {}

  /**
   * @param reported the authority's current cumulative figures in the phase, in any order, at most
   *     one per quarter, at least one
   */
  public static Projection project(Phase phase, int target, List<ReportedFigure> reported) {
    requireNonNull(phase, "phase");
    requireNonNull(reported, "reported");
    if (target <= 0) {
      throw new IllegalArgumentException("target must be positive, not " + target);
    }
    if (reported.isEmpty()) {
      throw new IllegalArgumentException("nothing reported: there is no figure to project from");
    }
    List<ReportedFigure> ordered = inOrder(phase, reported);
    ReportedFigure latest = ordered.get(ordered.size() - 1);
    ReportedFigure base = latest;
    for (ReportedFigure figure : ordered) {
      int before = figure.quarter().quartersUntil(latest.quarter());
      if (before > 0 && before <= WINDOW_QUARTERS) {
        base = figure;
        break;
      }
    }
    long rise = Math.max(0, latest.turnedAround() - base.turnedAround());
    int span = base.quarter().quartersUntil(latest.quarter());
    BigDecimal pace =
        span == 0
            ? BigDecimal.ZERO.setScale(2)
            : BigDecimal.valueOf(rise).divide(BigDecimal.valueOf(span), 2, RoundingMode.HALF_UP);

    List<ProjectedFigure> path = new ArrayList<>();
    long projected = latest.turnedAround();
    int step = 1;
    for (Quarter quarter = latest.quarter().next();
        !quarter.isAfter(phase.lastQuarter());
        quarter = quarter.next(), step++) {
      projected = latest.turnedAround() + (span == 0 ? 0 : wholeFamilies(rise * step, span));
      path.add(new ProjectedFigure(quarter, projected));
    }
    return new Projection(
        phase,
        target,
        latest.quarter(),
        latest.turnedAround(),
        base.quarter(),
        pace,
        path,
        projected,
        LeagueRanking.percentOfTarget(projected, target));
  }

  /**
   * numerator / denominator rounded half-up, from the exact fraction (no rounded pace compounds).
   */
  private static long wholeFamilies(long numerator, int denominator) {
    return new BigDecimal(BigInteger.valueOf(numerator))
        .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  private static List<ReportedFigure> inOrder(Phase phase, List<ReportedFigure> reported) {
    List<ReportedFigure> ordered = new ArrayList<>(reported);
    ordered.sort(Comparator.comparing(ReportedFigure::quarter));
    for (int i = 0; i < ordered.size(); i++) {
      Quarter quarter = ordered.get(i).quarter();
      if (!phase.covers(quarter)) {
        throw new IllegalArgumentException(
            quarter + " is outside phase " + phase.number() + "; it cannot be projected in it");
      }
      if (i > 0 && quarter.equals(ordered.get(i - 1).quarter())) {
        throw new IllegalArgumentException("two figures for " + quarter + "; pass the current one");
      }
    }
    return ordered;
  }
}
