package uk.gov.tfwh.generator.plan;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import uk.gov.tfwh.programme.period.Phase;

/**
 * Multipliers, by figure and quarter, that bring the national sums of the authorities' lagged
 * trajectories back onto the national curves. Shifting every authority by its own lag keeps their
 * shapes different, but where the national curve bends sharply (turned around was flat from
 * December 2012 to March 2013, then jumped) the lagged sum strays far from the published figure;
 * the fit scales each quarter's figures so the sum follows the curve again. The last quarter is
 * never scaled: it holds each authority's drawn end figures (most exactly at target).
 *
 * <p>PlannedFigures by index: phase 1 identified, attached, crime/ASB/education, continuous
 * employment, progress to work; phase 2 identified, attached, sustained progress, continuous
 * employment.
 */
public final class NationalFit {
  private final double[][] multipliers;

  private NationalFit(double[][] multipliers) {
    this.multipliers = multipliers;
  }

  /** No correction. */
  public static NationalFit none(Phase phase) {
    int figures = phase == Phase.ONE ? 5 : 4;
    int quarters =
        phase == Phase.ONE
            ? NationalCalibration.P1_ATTACHED.quarters()
            : NationalCalibration.P2_ATTACHED.quarters();
    double[][] ones = new double[figures][quarters];
    for (double[] row : ones) {
      Arrays.fill(row, 1.0);
    }
    return new NationalFit(ones);
  }

  /**
   * Fits by a few rounds of scaling: each round computes every authority's series with the current
   * multipliers and corrects them by target / national sum.
   *
   * @param series an authority's figures (every quarter of the phase) under a fit
   * @param authorities how many authorities
   * @param targets the national target for a figure index and quarter
   */
  public static NationalFit fit(
      Phase phase,
      int authorities,
      BiFunction<Integer, NationalFit, List<PlannedFigures>> series,
      BiFunction<Integer, Integer, Double> targets) {
    NationalFit fit = none(phase);
    for (int round = 0; round < 8; round++) {
      double[][] sums = new double[fit.multipliers.length][fit.multipliers[0].length];
      for (int a = 0; a < authorities; a++) {
        List<PlannedFigures> figures = series.apply(a, fit);
        for (int k = 0; k < figures.size(); k++) {
          for (int f = 0; f < sums.length; f++) {
            sums[f][k] += value(phase, figures.get(k), f);
          }
        }
      }
      double[][] next = new double[sums.length][];
      for (int f = 0; f < sums.length; f++) {
        next[f] = fit.multipliers[f].clone();
        for (int k = 0; k < sums[f].length - 1; k++) {
          double target = targets.apply(f, k);
          if (sums[f][k] > 0 && target > 0) {
            next[f][k] *= target / sums[f][k];
          }
        }
      }
      fit = new NationalFit(next);
    }
    return fit;
  }

  /** A figure of the phase by index. */
  public static long value(Phase phase, PlannedFigures figures, int index) {
    if (phase == Phase.ONE) {
      return switch (index) {
        case 0 -> figures.identified();
        case 1 -> figures.attached();
        case 2 -> figures.crimeAsbEducation();
        case 3 -> figures.continuousEmployment();
        default -> figures.progressToWork();
      };
    }
    return switch (index) {
      case 0 -> figures.identified();
      case 1 -> figures.attached();
      case 2 -> figures.sustainedProgress();
      default -> figures.continuousEmployment();
    };
  }

  /**
   * A figure at a quarter: the lagged value scaled by the multiplier, never above the end figure.
   */
  long apply(int figure, int quarter, long end, double lagged) {
    return Math.min(end, Math.round(lagged * multipliers[figure][quarter]));
  }
}
