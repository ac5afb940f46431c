package uk.gov.tfwh.generator.fault;

/**
 * Every kind of broken return and claim row the generator can mix in, with the TFQR rule the loader
 * must report for it (ids as in {@code etl/returns/RULE-IDS.md}). The first group are the broken
 * examples of the contract's {@code EXPECTED.md}; the rest are further rules of the catalogue that
 * a single batch can break. (TFQR-H01, a stale resubmission, needs a later batch, so it cannot
 * appear in one generated landing folder.)
 */
public enum FaultKind {
  // Broken returns, as in EXPECTED.md.
  UNKNOWN_AUTHORITY("TFQR-S06", Level.RETURN, "bad-unknown-authority"),
  PERIOD_NOT_QUARTER_END("TFQR-S07", Level.RETURN, "bad-period-not-quarter-end"),
  PHASE_PERIOD_MISMATCH("TFQR-S08", Level.RETURN, "bad-phase-period-mismatch"),
  ATTACHED_ABOVE_IDENTIFIED("TFQR-S09", Level.RETURN, "bad-arithmetic"),
  OUTCOMES_ABOVE_ATTACHED("TFQR-S10", Level.RETURN, "bad-arithmetic"),
  WRONG_TEMPLATE("TFQR-S01", Level.RETURN, "bad-template-and-column"),
  UNKNOWN_COLUMN("TFQR-S02", Level.RETURN, "bad-template-and-column"),
  TWO_SUMMARY_ROWS("TFQR-S04", Level.RETURN, "bad-two-summary-rows"),
  NOT_A_NUMBER("TFQR-S05", Level.RETURN, "bad-not-a-number"),
  NOT_UTF8("TFQR-F01", Level.RETURN, "bad-not-utf8"),
  NOT_A_WORKBOOK("TFQR-F02", Level.RETURN, "bad-not-a-workbook"),
  // Broken claim rows, as in EXPECTED.md (bad-claims-leeds-2016Q1).
  BAD_FAMILY_REF("TFQR-C01", Level.ROW, "bad-claims-leeds-2016Q1"),
  ATTACHED_AFTER_ACHIEVED("TFQR-C02", Level.ROW, "bad-claims-leeds-2016Q1"),
  RESULT_NOT_IN_PHASE("TFQR-C03", Level.ROW, "bad-claims-leeds-2016Q1"),
  ACHIEVED_AFTER_QUARTER("TFQR-C04", Level.ROW, "bad-claims-leeds-2016Q1"),
  UNKNOWN_PROBLEM("TFQR-C05", Level.ROW, "bad-claims-leeds-2016Q1"),
  TOO_FEW_PROBLEMS("TFQR-C06", Level.ROW, "bad-claims-leeds-2016Q1"),
  DUPLICATE_IN_RETURN("TFQR-C07", Level.ROW, "bad-claims-leeds-2016Q1"),
  // Further rules of the catalogue.
  MISSING_COLUMN("TFQR-S03", Level.RETURN, null),
  OTHER_PHASE_RESULT("TFQR-S11", Level.RETURN, null),
  BAD_SUBMITTED_AT("TFQR-S12", Level.RETURN, null),
  RAGGED_ROW("TFQR-F05", Level.RETURN, null),
  CLAIMS_WITHOUT_SUMMARY("TFQR-F04", Level.RETURN, null),
  ALREADY_PAID("TFQR-C08", Level.ROW, null);

  /** Whether the fault refuses a whole (extra) return or one claim row of a valid return. */
  public enum Level {
    RETURN,
    ROW
  }

  private final String rule;
  private final Level level;
  private final String example;

  FaultKind(String rule, Level level, String example) {
    this.rule = rule;
    this.level = level;
    this.example = example;
  }

  public String rule() {
    return rule;
  }

  public Level level() {
    return level;
  }

  /** The contract example (EXPECTED.md) this kind reproduces, or null for a further rule. */
  public String example() {
    return example;
  }

  /** The manifest's name for the kind, such as {@code unknown-authority}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
