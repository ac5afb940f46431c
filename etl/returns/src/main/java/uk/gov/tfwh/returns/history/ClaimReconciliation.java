package uk.gov.tfwh.returns.history;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.returns.check.PhaseRules;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * TFQR-W01: an authority's accepted claims to date for each result should equal the cumulative
 * figure of its summary. A mismatch is a warning, never a rejection.
 *
 * <p>Phase 2 results are paid on claims, so every phase 2 summary is reconciled. Phase 1 claims
 * were optional (authorities self-declared counts and were paid on them), so a phase 1 summary is
 * reconciled only once the authority has made at least one accepted phase 1 claim.
 */
public final class ClaimReconciliation {
  private ClaimReconciliation() {}

  /**
   * Reconciles one accepted summary.
   *
   * @param file the summary file or workbook, for messages
   * @param acceptedClaimsToDate the authority's claims accepted nationally ({@link
   *     NationalClaimCheck}) in this phase, in returns for this quarter or earlier, counted by
   *     result; absent results count 0
   */
  public static List<Finding> check(
      ReturnSummary summary, String file, Map<ClaimResult, Long> acceptedClaimsToDate) {
    requireNonNull(summary, "summary");
    requireNonNull(file, "file");
    long total = acceptedClaimsToDate.values().stream().mapToLong(Long::longValue).sum();
    List<Finding> findings = new ArrayList<>();
    if (summary.phase() == Phase.ONE && total == 0) {
      return findings;
    }
    for (ClaimResult result : PhaseRules.results(summary.phase())) {
      long claimed = acceptedClaimsToDate.getOrDefault(result, 0L);
      long reported = summary.cumulative(result).orElse(0L);
      if (claimed != reported) {
        String column = PhaseRules.column(result);
        findings.add(
            Rule.W01.at(
                Location.ofCell(file, Location.SUMMARY, summary.row(), column),
                "accepted "
                    + result
                    + " claims to "
                    + summary.quarter()
                    + " number "
                    + claimed
                    + " but "
                    + column
                    + " is "
                    + reported));
      }
    }
    return findings;
  }
}
