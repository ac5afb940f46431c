package uk.gov.tfwh.returns.history;

import java.time.OffsetDateTime;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.model.ReturnSummary;

/** Summaries and claim occurrences built directly, for the history rules. */
final class HistoryFixtures {
  private HistoryFixtures() {}

  /** A phase 2 Kent summary with the given attached and sustained-progress figures. */
  static ReturnSummary summary(
      String quarter, long attached, long sustained, String submittedAt, String note) {
    return new ReturnSummary(
        2,
        "E10000016",
        "E10000016",
        Phase.TWO,
        Quarter.parse(quarter),
        2000,
        attached,
        null,
        0,
        null,
        sustained,
        OffsetDateTime.parse(submittedAt),
        "a@b.uk",
        "A. Director",
        note);
  }

  static ReturnVersion version(String id, long batch, ReturnSummary summary) {
    return new ReturnVersion(
        id,
        id + ".summary.csv",
        batch,
        summary,
        ReturnVersion.fingerprint(summary, java.util.List.of()));
  }

  /** A claim of family fam-000000000001-9f3a, made in a return submitted at the given time. */
  static ClaimOccurrence claim(
      String authority,
      String quarter,
      String submittedAt,
      ClaimResult result,
      String returnId,
      int row) {
    Phase phase = Quarter.parse(quarter).isAfter(Phase.ONE.lastQuarter()) ? Phase.TWO : Phase.ONE;
    if (result == ClaimResult.SUSTAINED_PROGRESS) {
      phase = Phase.TWO;
    }
    return new ClaimOccurrence(
        "fam-000000000001-9f3a",
        authority,
        phase,
        Quarter.parse(quarter),
        OffsetDateTime.parse(submittedAt),
        result,
        returnId,
        returnId + ".claims.csv",
        row);
  }
}
