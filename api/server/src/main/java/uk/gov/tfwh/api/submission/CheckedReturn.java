package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.util.List;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * What the checks made of an upload.
 *
 * @param source the return found among the uploaded files, or null when there was none
 * @param summary the accepted summary, or null when the return is rejected
 * @param findings every finding, with the uploaded file names
 * @param identity what could be read of whose return it is and for which quarter, even when it is
 *     rejected (so a rejected return still counts against its quarter)
 */
record CheckedReturn(
    ReturnSource source,
    ReturnSummary summary,
    List<SubmissionFinding> findings,
    ReturnIdentity identity) {
  CheckedReturn {
    requireNonNull(findings, "findings");
    requireNonNull(identity, "identity");
    findings = List.copyOf(findings);
  }

  CheckedReturn(ReturnSource source, ReturnSummary summary, List<SubmissionFinding> findings) {
    this(source, summary, findings, ReturnIdentity.UNKNOWN);
  }

  boolean accepted() {
    return summary != null && findings.stream().noneMatch(SubmissionFinding::rejectsReturn);
  }
}
