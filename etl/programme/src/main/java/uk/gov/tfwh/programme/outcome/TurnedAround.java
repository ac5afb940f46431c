package uk.gov.tfwh.programme.outcome;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.programme.period.Phase;

/**
 * The one definition of the programme's headline count: families <em>turned around</em> (phase 1)
 * or <em>successful family outcomes</em> (phase 2). Every figure in the warehouse, the API and the
 * dashboards that shows this count is built with this class.
 *
 * <ul>
 *   <li>Phase 1: crime/ASB/education results + continuous employment results. Published releases
 *       add up exactly this way (77,270 + 8,033 = 85,303); progress to work is not a turned-around
 *       result.
 *   <li>Phase 2: significant and sustained progress + continuous employment.
 * </ul>
 *
 * The two results of a phase are disjoint in the contract (a family is counted under one of them),
 * so adding them does not count a family twice.
 */
public final class TurnedAround {
  private TurnedAround() {}

  /**
   * The count for a phase from cumulative (or per-quarter) result figures.
   *
   * @param crimeAsbEducation required in phase 1, ignored in phase 2 (where the contract leaves it
   *     empty)
   * @param sustainedProgress required in phase 2, ignored in phase 1
   * @throws IllegalArgumentException if the phase's own result figure is missing or any figure used
   *     is negative
   */
  public static long of(
      Phase phase, Long crimeAsbEducation, long continuousEmployment, Long sustainedProgress) {
    requireNonNull(phase, "phase");
    Long phaseResult = phase == Phase.ONE ? crimeAsbEducation : sustainedProgress;
    String name = phase == Phase.ONE ? "crime/ASB/education" : "sustained progress";
    if (phaseResult == null) {
      throw new IllegalArgumentException(
          "phase " + phase.number() + " needs the " + name + " figure, which is missing");
    }
    requireNotNegative(name, phaseResult);
    requireNotNegative("continuous employment", continuousEmployment);
    return Math.addExact(phaseResult, continuousEmployment);
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " figure must not be negative, not " + value);
    }
  }
}
