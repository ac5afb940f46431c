package uk.gov.tfwh.returns.fuzz;

import java.util.List;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.Severity;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * What every outcome of the reader must be, whatever the input: accepted, or rejected with a
 * message naming the rule; every finding from the rule catalogue, with a file, a plain message and
 * no raw control characters (hostile text must not forge report lines); and not produced by the
 * reader's last-resort handler, which only exists so one unforeseen defect cannot stop a batch: if
 * the fuzzer reaches it, that is a defect to fix.
 */
final class OutcomeContract {
  /** How {@code ReturnReader}'s last-resort handler words its finding. */
  static final String LAST_RESORT = "the return could not be read (";

  private OutcomeContract() {}

  /**
   * Whether the finding is the last-resort handler's: rule TFQR-F02 about the whole file, whose
   * problem starts with {@link #LAST_RESORT}. Matching the shape, not just the words, matters: the
   * fuzzer learns the words from the comparison and echoes them in column names and cell text.
   */
  static boolean isLastResort(Finding finding) {
    return finding.ruleId().equals(Rule.F02.id())
        && finding.sheet() == null
        && finding.row() == null
        && finding.message().startsWith("file " + finding.file() + ": " + LAST_RESORT);
  }

  static void check(ReturnOutcome outcome, String input) {
    if (outcome == null) {
      throw new AssertionError("no outcome for " + input);
    }
    List<Finding> findings = outcome.findings();
    if (!outcome.accepted()
        && findings.stream().noneMatch(f -> f.severity() == Severity.RETURN_REJECTED)) {
      throw new AssertionError("rejected without a return-level finding: " + findings);
    }
    if (outcome.accepted()
        && findings.stream().anyMatch(f -> f.severity() == Severity.RETURN_REJECTED)) {
      throw new AssertionError("accepted despite a return-level finding: " + findings);
    }
    if (outcome.claimRowsRead() != outcome.claims().size() + outcome.claimRowsRejected()) {
      throw new AssertionError("claim rows do not add up: " + outcome);
    }
    for (Finding finding : findings) {
      Rule rule = Rule.ofId(finding.ruleId());
      if (rule.severity() != finding.severity()) {
        throw new AssertionError("severity differs from the catalogue: " + finding);
      }
      if (finding.file().isBlank() || finding.message().isBlank()) {
        throw new AssertionError("a finding without a file or message: " + finding);
      }
      if (isLastResort(finding)) {
        throw new AssertionError("the reader's last-resort handler was reached: " + finding);
      }
      finding
          .message()
          .codePoints()
          .filter(Character::isISOControl)
          .findFirst()
          .ifPresent(
              c -> {
                throw new AssertionError(
                    String.format("raw control character U+%04X in message: %s", c, finding));
              });
    }
  }
}
