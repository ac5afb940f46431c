package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.util.List;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * What the checks made of an upload.
 *
 * @param source the return found among the uploaded files, or null when there was none
 * @param summary the accepted summary, or null when the return is rejected
 * @param findings every finding, with the uploaded file names
 */
record CheckedReturn(ReturnSource source, ReturnSummary summary, List<SubmissionFinding> findings) {
  CheckedReturn {
    requireNonNull(findings, "findings");
    findings = List.copyOf(findings);
  }

  boolean accepted() {
    return summary != null && findings.stream().noneMatch(SubmissionFinding::rejectsReturn);
  }
}
