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
   * The count for a phase from cumulative (or per-quarter) result figures: the sum of the phase's
   * family-outcome results ({@link ClaimResult#of}, {@link ClaimResult#isFamilyOutcome}). Figures
   * of results the phase does not have are ignored.
   *
   * @throws IllegalArgumentException if a figure the count needs is missing
   * @throws ArithmeticException if the sum overflows a long
   */
  public static long of(Phase phase, ByResult<Long> figures) {
    requireNonNull(phase, "phase");
    requireNonNull(figures, "figures");
    long count = 0;
    for (ClaimResult result : ClaimResult.of(phase)) {
      if (!result.isFamilyOutcome()) {
        continue;
      }
      if (!figures.has(result)) {
        throw new IllegalArgumentException(
            "phase "
                + phase.number()
                + " needs the "
                + result.label()
                + " figure, which is missing");
      }
      count = Math.addExact(count, figures.get(result));
    }
    return count;
  }
}
