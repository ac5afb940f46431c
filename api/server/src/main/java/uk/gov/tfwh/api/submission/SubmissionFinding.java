package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.Severity;

/**
 * One finding as the submitter sees it: the rule, where (the file as they named it, the sheet, the
 * 1-based row with the header as row 1, the column) and what to change. The service's own checks
 * (the return is for another authority) have no rule id: they are not rules of the return.
 */
public record SubmissionFinding(
    String ruleId,
    Severity severity,
    String file,
    String sheet,
    Integer row,
    String column,
    String message) {
  public SubmissionFinding {
    requireNonNull(severity, "severity");
    requireNonNull(file, "file");
    requireNonNull(message, "message");
  }

  static SubmissionFinding of(Finding finding, String shownFile) {
    return new SubmissionFinding(
        finding.ruleId(),
        finding.severity(),
        shownFile,
        finding.sheet(),
        finding.row(),
        finding.column(),
        finding.message());
  }

  public boolean rejectsReturn() {
    return severity == Severity.RETURN_REJECTED;
  }

  /** GOV.UK wording for the kind of finding. */
  public String severityLabel() {
    return switch (severity) {
      case RETURN_REJECTED -> "Return rejected";
      case ROW_REJECTED -> "Row rejected";
      case WARNING -> "Warning";
      case NOTE -> "Note";
    };
  }
}
