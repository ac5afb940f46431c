package uk.gov.tfwh.programme.payment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * An authority's accepted cumulative summary at a quarter end: the figures payments are computed
 * from. Results a phase does not have (progress to work in phase 2, sustained progress in phase 1)
 * are zero.
 */
public record CumulativeFigures(
    Quarter quarter,
    long familiesAttached,
    long crimeAsbEducation,
    long continuousEmployment,
    long progressToWork,
    long sustainedProgress)
    implements Serializable {

  public CumulativeFigures {
    requireNonNull(quarter, "quarter");
    requireNotNegative("familiesAttached", familiesAttached);
    requireNotNegative("crimeAsbEducation", crimeAsbEducation);
    requireNotNegative("continuousEmployment", continuousEmployment);
    requireNotNegative("progressToWork", progressToWork);
    requireNotNegative("sustainedProgress", sustainedProgress);
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, not " + value);
    }
  }
}
