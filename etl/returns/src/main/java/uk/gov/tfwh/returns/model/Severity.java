package uk.gov.tfwh.returns.model;

/** What a broken rule does to the data (contract TFQR-1, "Outcomes of validation"). */
public enum Severity {
  /** The whole return is refused; nothing from it loads and the previous accepted return stands. */
  RETURN_REJECTED,
  /** One claim row is refused; the rest of the return loads. */
  ROW_REJECTED,
  /** Loaded, and shown to the national team and the authority. */
  WARNING,
  /** Loaded; a fact worth recording (such as a former authority code that was mapped). */
  NOTE
}
