package uk.gov.tfwh.api.submission;

/** Where a submission stands (docs/submissions.md). */
public enum SubmissionState {
  /** Refused by the rules or the service; kept in quarantine for the record, never loaded. */
  REJECTED,
  /**
   * Accepted by the rules, held until the authority's SRO signs it off; not in the landing folder.
   */
  AWAITING_SIGN_OFF,
  /** Signed off: in the landing folder for the next load. */
  SUBMITTED
}
