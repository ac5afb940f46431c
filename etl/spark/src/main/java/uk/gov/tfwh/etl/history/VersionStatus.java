package uk.gov.tfwh.etl.history;

/** What became of one return that was read, after the rules over the whole history. */
public enum VersionStatus {
  /** Accepted, and the version in force for its quarter. */
  CURRENT,
  /** Accepted, later replaced by a resubmission; kept as history. */
  SUPERSEDED,
  /** Refused by the return's own rules. */
  REJECTED,
  /** Refused as a stale resubmission (TFQR-H01). */
  STALE,
  /** Ignored as an identical copy of an accepted version (TFQR-N02); not loaded. */
  IDENTICAL_COPY;

  /** Whether the version is in {@code fact_return}. */
  public boolean loaded() {
    return this == CURRENT || this == SUPERSEDED;
  }
}
