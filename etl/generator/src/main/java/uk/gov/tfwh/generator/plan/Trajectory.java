package uk.gov.tfwh.generator.plan;

import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * An authority's cumulative figures quarter by quarter: the national curve shifted by the
 * authority's lag (which fades out over the last three quarters, so every authority lands on its
 * own end figures), scaled to its end figures, then made consistent: no figure falls, attached
 * never exceeds identified and outcomes never exceed attached.
 */
public final class Trajectory {
  private static final double LAG_FADE_QUARTERS = 3.0;

  private Trajectory() {}

  /**
   * Phase 1 figures, 2012Q2 to 2015Q1.
   *
   * @param base the authority's phase 1 target times the scale
   */
  public static List<PlannedFigures> phaseOne(AuthorityProfile profile, double base) {
    return phaseOne(profile, base, NationalFit.none(Phase.ONE));
  }

  /**
   * Phase 1 figures with the national fit's corrections applied before they are made consistent.
   *
   * @param fit multipliers by figure and quarter that bring the national sums onto the curves
   */
  public static List<PlannedFigures> phaseOne(
      AuthorityProfile profile, double base, NationalFit fit) {
    long attachedEnd = Math.round(base * profile.attachedOne());
    long turnedAroundEnd = Math.round(base * profile.turnedAroundOne());
    attachedEnd = Math.max(attachedEnd, turnedAroundEnd);
    long identifiedEnd = Math.max(attachedEnd, Math.round(base * profile.identifiedOne()));
    long employmentEnd = Math.round(turnedAroundEnd * profile.employmentShareOne());
    long crimeEnd = turnedAroundEnd - employmentEnd;
    long progressEnd = Math.round(base * profile.progressToWorkOne());
    int quarters = NationalCalibration.P1_ATTACHED.quarters();
    long[] identified = new long[quarters];
    long[] attached = new long[quarters];
    long[] crime = new long[quarters];
    long[] employment = new long[quarters];
    long[] progress = new long[quarters];
    for (int k = 0; k < quarters; k++) {
      double x = position(k, quarters, profile.lagOne());
      identified[k] =
          fit.apply(0, k, identifiedEnd, identifiedEnd * NationalCalibration.P1_IDENTIFIED.at(x));
      attached[k] =
          fit.apply(1, k, attachedEnd, attachedEnd * NationalCalibration.P1_ATTACHED.at(x));
      crime[k] =
          fit.apply(2, k, crimeEnd, crimeEnd * NationalCalibration.P1_CRIME_ASB_EDUCATION.at(x));
      employment[k] =
          fit.apply(
              3,
              k,
              employmentEnd,
              employmentEnd * NationalCalibration.P1_CONTINUOUS_EMPLOYMENT.at(x));
      progress[k] =
          fit.apply(4, k, progressEnd, progressEnd * NationalCalibration.P1_PROGRESS_TO_WORK.at(x));
    }
    consistent(identified, attached, crime, employment, progress);
    List<PlannedFigures> figures = new ArrayList<>();
    Quarter quarter = NationalCalibration.PHASE_ONE_FIRST;
    for (int k = 0; k < quarters; k++) {
      figures.add(
          new PlannedFigures(
              quarter, identified[k], attached[k], crime[k], employment[k], progress[k], 0));
      quarter = quarter.next();
    }
    return figures;
  }

  /**
   * Phase 2 figures, from 2014Q3 for an early starter or 2015Q2 otherwise, to 2020Q1. A late
   * starter's first return carries everything since it began.
   *
   * @param base the authority's phase 2 expected number times the scale
   */
  public static List<PlannedFigures> phaseTwo(AuthorityProfile profile, double base) {
    return phaseTwo(profile, base, NationalFit.none(Phase.TWO));
  }

  /**
   * Phase 2 figures with the national fit's corrections applied before they are made consistent;
   * every quarter from 2014Q3, including those before a late starter's first return.
   */
  public static List<PlannedFigures> phaseTwoAllQuarters(
      AuthorityProfile profile, double base, NationalFit fit) {
    return phaseTwo(profile, base, fit, true);
  }

  public static List<PlannedFigures> phaseTwo(
      AuthorityProfile profile, double base, NationalFit fit) {
    return phaseTwo(profile, base, fit, false);
  }

  private static List<PlannedFigures> phaseTwo(
      AuthorityProfile profile, double base, NationalFit fit, boolean allQuarters) {
    long attachedEnd = Math.round(base * profile.attachedTwo());
    long progressEnd = Math.round(base * profile.progressTwo());
    long employmentEnd = Math.round(progressEnd * profile.employmentPerProgressTwo());
    attachedEnd = Math.max(attachedEnd, progressEnd + employmentEnd);
    long identifiedEnd = Math.max(attachedEnd, Math.round(base * profile.identifiedTwo()));
    int quarters = NationalCalibration.P2_ATTACHED.quarters();
    long[] identified = new long[quarters];
    long[] attached = new long[quarters];
    long[] progress = new long[quarters];
    long[] employment = new long[quarters];
    for (int k = 0; k < quarters; k++) {
      double x = position(k, quarters, profile.lagTwo());
      double attachedShare = NationalCalibration.P2_ATTACHED.at(x);
      attached[k] = fit.apply(1, k, attachedEnd, attachedEnd * attachedShare);
      double factor =
          NationalCalibration.phaseTwoIdentifiedFactor(x / (quarters - 1))
              / NationalCalibration.phaseTwoIdentifiedFactor(1.0);
      identified[k] = fit.apply(0, k, identifiedEnd, identifiedEnd * attachedShare * factor);
      double progressShare = NationalCalibration.P2_SUSTAINED_PROGRESS.at(x);
      progress[k] = fit.apply(2, k, progressEnd, progressEnd * progressShare);
      employment[k] = fit.apply(3, k, employmentEnd, employmentEnd * progressShare);
    }
    consistent(identified, attached, progress, employment, null);
    List<PlannedFigures> figures = new ArrayList<>();
    Quarter quarter = NationalCalibration.PHASE_TWO_EARLY_FIRST;
    for (int k = 0; k < quarters; k++) {
      if (allQuarters
          || profile.earlyStarter()
          || !quarter.isBefore(NationalCalibration.PHASE_TWO_FIRST)) {
        figures.add(
            new PlannedFigures(
                quarter, identified[k], attached[k], 0, employment[k], 0, progress[k]));
      }
      quarter = quarter.next();
    }
    if (!Phase.TWO.covers(figures.get(0).quarter())) {
      throw new IllegalStateException("phase 2 starts at " + Phase.TWO.firstQuarter());
    }
    return figures;
  }

  private static double position(int k, int quarters, double lag) {
    double fade = Math.min(1.0, (quarters - 1 - k) / LAG_FADE_QUARTERS);
    return k - lag * fade;
  }

  /**
   * Works back from the end figures, which stay as drawn: each earlier figure is cut to the one
   * after it, outcomes to attached, and identified raised to attached. Every cut only lowers an
   * earlier figure, so no series falls.
   */
  private static void consistent(
      long[] identified, long[] attached, long[] outcomeA, long[] outcomeB, long[] progress) {
    int last = attached.length - 1;
    for (int k = last; k >= 0; k--) {
      if (k < last) {
        attached[k] = Math.min(attached[k], attached[k + 1]);
        outcomeB[k] = Math.min(outcomeB[k], outcomeB[k + 1]);
        outcomeA[k] = Math.min(outcomeA[k], outcomeA[k + 1]);
        identified[k] = Math.min(identified[k], identified[k + 1]);
        if (progress != null) {
          progress[k] = Math.min(progress[k], progress[k + 1]);
        }
      }
      outcomeB[k] = Math.min(outcomeB[k], attached[k]);
      outcomeA[k] = Math.min(outcomeA[k], attached[k] - outcomeB[k]);
      identified[k] = Math.max(identified[k], attached[k]);
    }
  }
}
