package uk.gov.tfwh.generator.plan;

import java.time.LocalDate;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * The national trajectories the sample follows, one value per quarter of each phase at scale 1.
 * They pass through the published national series of {@code reference/programme-facts.md} (the
 * quarter holding each "data as at" date) and are interpolated between, rising at most about 1.6
 * times from one quarter's rise to the next so that a steady authority never looks like a jump
 * before a deadline (TFQR-W04) except where the published series itself jumps (results from 2013Q1
 * to 2013Q2).
 */
public final class NationalCalibration {
  /** Phase 1 returns cover the quarters ending 2012-06-30 to 2015-03-31. */
  public static final Quarter PHASE_ONE_FIRST = Quarter.endingOn(LocalDate.of(2012, 6, 30));

  public static final Quarter PHASE_ONE_LAST = Quarter.endingOn(LocalDate.of(2015, 3, 31));

  /** Early starters send phase 2 returns from 2014-09-30, the rest from 2015-06-30. */
  public static final Quarter PHASE_TWO_EARLY_FIRST = Quarter.endingOn(LocalDate.of(2014, 9, 30));

  public static final Quarter PHASE_TWO_FIRST = Quarter.endingOn(LocalDate.of(2015, 6, 30));
  public static final Quarter PHASE_TWO_LAST = Quarter.endingOn(LocalDate.of(2020, 3, 31));

  // Phase 1, quarters 2012Q2 .. 2015Q1. Published: 2012Q4, 2013Q1, 2013Q2, 2013Q3, 2014Q1,
  // 2014Q3, 2014Q4, 2015Q1 (the final figure, published as at May 2015).
  public static final Curve P1_IDENTIFIED =
      Curve.through(
          22_000, 45_000, 62_500, 66_470, 80_000, 92_694, 103_000, 112_500, 116_500, 117_910,
          117_910, 117_910);
  public static final Curve P1_ATTACHED =
      Curve.through(
          6_000, 14_000, 23_000, 35_618, 50_000, 62_527, 80_000, 97_000, 108_500, 117_267, 117_910,
          117_910);
  public static final Curve P1_CRIME_ASB_EDUCATION =
      Curve.through(
          0, 280, 1_580, 1_595, 13_200, 20_710, 27_700, 35_280, 55_900, 77_270, 95_163, 104_354);
  public static final Curve P1_CONTINUOUS_EMPLOYMENT =
      Curve.through(0, 20, 95, 110, 800, 1_430, 2_800, 4_200, 6_100, 8_033, 10_508, 12_300);
  public static final Curve P1_PROGRESS_TO_WORK =
      Curve.through(0, 50, 300, 400, 1_200, 2_025, 3_300, 4_700, 6_000, 7_347, 8_500, 9_400);

  /** Final national phase 1 figures at scale 1 (the published final turned around, 116,654). */
  public static final double P1_FINAL_TURNED_AROUND_SHARE = 116_654.0 / 117_910.0;

  public static final double P1_FINAL_EMPLOYMENT_SHARE = 12_300.0 / 116_654.0;
  public static final double P1_FINAL_PROGRESS_TO_WORK_SHARE = 9_400.0 / 117_910.0;

  // Phase 2, quarters 2014Q3 .. 2020Q1 (early starters report from the first, the rest from
  // 2015Q2). Published: about 185,000 attached and 53,000 outcomes by early 2017 (2016Q4);
  // 380,426 attached, 171,890 sustained progress and 20,366 employment by March 2019.
  public static final Curve P2_ATTACHED =
      Curve.through(
          4_000, 10_000, 18_000, 29_500, 45_500, 67_500, 94_000, 123_500, 154_000, 185_000, 214_000,
          242_000, 267_000, 290_000, 311_000, 330_000, 347_000, 362_000, 380_426, 390_000, 396_000,
          399_000, 400_000);
  public static final Curve P2_SUSTAINED_PROGRESS =
      Curve.through(
          0, 200, 800, 2_200, 4_800, 8_800, 14_400, 22_000, 32_400, 47_400, 62_900, 78_900, 94_900,
          110_400, 125_400, 139_400, 151_900, 162_900, 171_890, 179_900, 186_900, 191_900, 195_000);

  /** Employment outcomes run at about 11.85% of sustained progress throughout (published). */
  public static final double P2_EMPLOYMENT_PER_PROGRESS = 20_366.0 / 171_890.0;

  public static final double P2_FINAL_PROGRESS_SHARE = 195_000.0 / 400_000.0;

  /** Families identified run ahead of those attached: 25% early, 6% by the end. */
  public static double phaseTwoIdentifiedFactor(double progress) {
    return 1.25 - 0.19 * progress;
  }

  private NationalCalibration() {}
}
