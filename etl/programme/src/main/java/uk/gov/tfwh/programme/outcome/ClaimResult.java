package uk.gov.tfwh.programme.outcome;

import java.util.List;
import uk.gov.tfwh.programme.period.Phase;

/**
 * A result a payment-by-results claim can be made for, and which results each phase pays: the
 * programme's vocabulary, used by the return's rules, the load, the payments and the sample
 * generator alike.
 */
public enum ClaimResult {
  CRIME_ASB_EDUCATION("crime/ASB/education"),
  CONTINUOUS_EMPLOYMENT("continuous employment"),
  PROGRESS_TO_WORK("progress to work"),
  SUSTAINED_PROGRESS("sustained progress");

  private final String label;

  ClaimResult(String label) {
    this.label = label;
  }

  /** The result as messages name it, e.g. "crime/ASB/education". */
  public String label() {
    return label;
  }

  /**
   * True for the results that turn a family around (phase 1) or are a successful family outcome
   * (phase 2), which are paid once per family; progress to work is not one of them.
   */
  public boolean isFamilyOutcome() {
    return this != PROGRESS_TO_WORK;
  }

  /** The results a phase's claims can be made for, in the contract's order. */
  public static List<ClaimResult> of(Phase phase) {
    return switch (phase) {
      case ONE -> List.of(CRIME_ASB_EDUCATION, CONTINUOUS_EMPLOYMENT, PROGRESS_TO_WORK);
      case TWO -> List.of(SUSTAINED_PROGRESS, CONTINUOUS_EMPLOYMENT);
    };
  }
}
