package uk.gov.tfwh.returns.model;

/**
 * A result a claim can be made for. Which results a phase allows is a rule of the catalogue ({@code
 * uk.gov.tfwh.returns.check.PhaseRules}).
 */
public enum ClaimResult {
  CRIME_ASB_EDUCATION,
  CONTINUOUS_EMPLOYMENT,
  PROGRESS_TO_WORK,
  SUSTAINED_PROGRESS;

  /**
   * True for the results that turn a family around (phase 1) or are a successful family outcome
   * (phase 2), which are paid once per family; progress to work is not one of them.
   */
  public boolean isFamilyOutcome() {
    return this != PROGRESS_TO_WORK;
  }
}
