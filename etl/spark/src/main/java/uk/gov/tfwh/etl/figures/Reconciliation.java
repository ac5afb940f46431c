package uk.gov.tfwh.etl.figures;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.returns.history.ClaimReconciliation;
import uk.gov.tfwh.returns.model.Finding;

/**
 * TFQR-W01 for every current return: the authority's claims accepted nationally in returns up to
 * and including that quarter, against the summary's cumulative figures.
 */
public final class Reconciliation {
  private Reconciliation() {}

  /**
   * @param acceptedByReturn claims accepted nationally, by return id and result
   * @return findings by return id
   */
  public static Map<String, List<Finding>> check(
      CurrentReturns current, Map<String, Map<ClaimResult, Long>> acceptedByReturn) {
    Map<String, List<Finding>> findings = new HashMap<>();
    for (List<ReadReturn> series : current.series()) {
      Map<ClaimResult, Long> toDate = new EnumMap<>(ClaimResult.class);
      for (ReadReturn read : series) {
        acceptedByReturn
            .getOrDefault(read.returnId(), Map.of())
            .forEach((result, count) -> toDate.merge(result, count, Long::sum));
        List<Finding> found =
            ClaimReconciliation.check(read.acceptedSummary(), read.summaryFile(), toDate);
        if (!found.isEmpty()) {
          findings.put(read.returnId(), found);
        }
      }
    }
    return findings;
  }
}
