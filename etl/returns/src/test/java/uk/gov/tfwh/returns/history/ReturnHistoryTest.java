package uk.gov.tfwh.returns.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static uk.gov.tfwh.returns.history.HistoryFixtures.summary;
import static uk.gov.tfwh.returns.history.HistoryFixtures.version;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.returns.history.ReturnHistory.Status;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnSummary;

class ReturnHistoryTest {
  private static final String Q2 = "2015Q2";

  @Test
  void theLaterSubmissionOfAQuarterIsCurrentAndTheEarlierStaysAsHistory() {
    ReturnVersion first =
        version("first", 1, summary(Q2, 600, 3, "2015-06-30T16:30:00+01:00", null));
    ReturnVersion second =
        version("second", 1, summary(Q2, 610, 3, "2015-07-02T09:00:00+01:00", "typo in attached"));
    ReturnHistory.Result result = ReturnHistory.decide(List.of(second, first));
    assertThat(result.decisions())
        .extracting(
            ReturnHistory.Decision::returnId,
            ReturnHistory.Decision::status,
            ReturnHistory.Decision::supersedes,
            ReturnHistory.Decision::supersededBy)
        .containsExactly(
            tuple("first", Status.SUPERSEDED, null, "second"),
            tuple("second", Status.CURRENT, "first", null));
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void aVersionDatedInTheFarFutureDoesNotLockItsQuarterAgainstALaterCorrection() {
    ReturnSummary future = summary(Q2, 600, 3, "2262-04-11T23:47:16Z", null);
    ReturnVersion locking =
        new ReturnVersion(
            "future",
            "future.summary.csv",
            1,
            java.time.Instant.parse("2015-07-03T09:00:00Z"),
            future,
            ReturnVersion.fingerprint(future, List.of()));
    ReturnSummary fix = summary(Q2, 610, 3, "2015-07-10T09:00:00Z", "corrected");
    ReturnVersion correction =
        new ReturnVersion(
            "fix",
            "fix.summary.csv",
            2,
            java.time.Instant.parse("2015-07-10T10:00:00Z"),
            fix,
            ReturnVersion.fingerprint(fix, List.of()));

    var result = ReturnHistory.decide(List.of(correction, locking));

    assertThat(result.decision("fix").status()).isEqualTo(ReturnHistory.Status.CURRENT);
    assertThat(result.decision("future").status()).isEqualTo(ReturnHistory.Status.SUPERSEDED);
  }

  @Test
  void aLaterArrivalSignedBeforeTheAcceptedVersionWasReceivedIsStillStale() {
    ReturnSummary accepted = summary(Q2, 600, 3, "2262-04-11T23:47:16Z", null);
    ReturnVersion current =
        new ReturnVersion(
            "a",
            "a.summary.csv",
            1,
            java.time.Instant.parse("2015-07-03T09:00:00Z"),
            accepted,
            ReturnVersion.fingerprint(accepted, List.of()));
    ReturnSummary old = summary(Q2, 590, 3, "2015-07-01T09:00:00Z", null);
    ReturnVersion oldCopy =
        new ReturnVersion(
            "b",
            "b.summary.csv",
            2,
            java.time.Instant.parse("2015-07-10T10:00:00Z"),
            old,
            ReturnVersion.fingerprint(old, List.of()));

    var result = ReturnHistory.decide(List.of(current, oldCopy));

    assertThat(result.decision("b").status()).isEqualTo(ReturnHistory.Status.STALE);
    assertThat(result.findings()).extracting(f -> f.ruleId()).contains("TFQR-H01");
  }

  @Test
  void anOlderSubmissionArrivingInTheSameLoadIsHistoryNotStale() {
    ReturnVersion newer = version("newer", 3, summary(Q2, 610, 3, "2015-07-02T09:00:00Z", "x"));
    ReturnVersion older = version("older", 3, summary(Q2, 600, 3, "2015-06-30T09:00:00Z", null));
    ReturnHistory.Result result = ReturnHistory.decide(List.of(newer, older));
    assertThat(result.decision("older").status()).isEqualTo(Status.SUPERSEDED);
    assertThat(result.decision("newer").status()).isEqualTo(Status.CURRENT);
  }

  @Test
  void theSameSubmittedAtWithOtherFiguresInALaterLoadIsStale() {
    ReturnVersion accepted = version("a", 1, summary(Q2, 610, 3, "2015-07-02T09:00:00Z", null));
    ReturnVersion clash = version("b", 2, summary(Q2, 611, 3, "2015-07-02T10:00:00+01:00", null));
    ReturnHistory.Result result = ReturnHistory.decide(List.of(accepted, clash));
    assertThat(result.decision("b").status()).isEqualTo(Status.STALE);
    Finding finding = result.findings().get(0);
    assertThat(finding.ruleId()).isEqualTo("TFQR-H01");
    assertThat(finding.column()).isEqualTo("submitted_at");
    assertThat(finding.message()).contains("the same as that of return a");
  }

  @Test
  void versionsOfOneLoadSignedAtTheSameMomentAreTakenInReturnIdOrderWhateverTheirListOrder() {
    ReturnVersion first = version("r1", 4, summary(Q2, 600, 3, "2015-07-02T09:00:00Z", null));
    ReturnVersion second = version("r2", 4, summary(Q2, 610, 3, "2015-07-02T10:00:00+01:00", "x"));
    ReturnVersion third = version("r3", 4, summary(Q2, 620, 3, "2015-07-02T09:00:00Z", "y"));
    for (List<ReturnVersion> listed :
        List.of(List.of(first, second, third), List.of(third, second, first))) {
      ReturnHistory.Result result = ReturnHistory.decide(listed);
      // the same credible moment: only the first in arrival order is accepted, the rest are stale
      assertThat(result.decisions())
          .extracting(ReturnHistory.Decision::returnId, ReturnHistory.Decision::status)
          .containsExactly(
              tuple("r1", Status.CURRENT), tuple("r2", Status.STALE), tuple("r3", Status.STALE));
    }
  }

  @Test
  void aStaleVersionDoesNotDisturbTheCurrentOne() {
    ReturnVersion a = version("a", 1, summary(Q2, 600, 3, "2015-07-01T09:00:00Z", null));
    ReturnVersion b = version("b", 2, summary(Q2, 610, 3, "2015-07-05T09:00:00Z", "fix"));
    ReturnVersion stale = version("c", 3, summary(Q2, 605, 3, "2015-07-03T09:00:00Z", "x"));
    ReturnHistory.Result result = ReturnHistory.decide(List.of(stale, b, a));
    assertThat(result.decisions())
        .extracting(ReturnHistory.Decision::returnId, ReturnHistory.Decision::status)
        .containsExactly(
            tuple("a", Status.SUPERSEDED), tuple("b", Status.CURRENT), tuple("c", Status.STALE));
  }

  @Test
  void aRevisionWithoutANoteWarnsAndNamesWhatFell() {
    ReturnVersion a = version("a", 1, summary(Q2, 610, 3, "2015-07-01T09:00:00Z", null));
    ReturnVersion b = version("b", 2, summary(Q2, 600, 3, "2015-07-05T09:00:00Z", " "));
    ReturnHistory.Result result = ReturnHistory.decide(List.of(a, b));
    assertThat(result.findings())
        .extracting(Finding::ruleId, Finding::file, Finding::column)
        .containsExactly(tuple("TFQR-W02", "b.summary.csv", "revision_note"));
    assertThat(result.findings().get(0).message())
        .contains("revises return a", "families_attached fell from 610 to 600");
  }

  @Test
  void aFallWithARevisionNoteIsExplained() {
    ReturnVersion q1 = version("q1", 1, summary("2015Q1", 610, 3, "2015-03-31T09:00:00Z", null));
    ReturnVersion q2 =
        version("q2", 1, summary(Q2, 600, 2, "2015-06-30T09:00:00Z", "duplicates removed"));
    assertThat(ReturnHistory.decide(List.of(q1, q2)).findings()).isEmpty();
  }

  @Test
  void fallsAreMeasuredAgainstThePreviousQuarterOnRecordAcrossAGap() {
    ReturnVersion q4 = version("q4", 1, summary("2014Q4", 610, 3, "2014-12-31T09:00:00Z", null));
    ReturnVersion q2 = version("q2", 1, summary(Q2, 610, 1, "2015-06-30T09:00:00Z", null));
    ReturnHistory.Result result = ReturnHistory.decide(List.of(q2, q4));
    assertThat(result.findings())
        .extracting(Finding::ruleId, Finding::column)
        .containsExactly(tuple("TFQR-W02", "results_sustained_progress"));
    assertThat(result.findings().get(0).message()).contains("fell from 3 in 2014Q4");
  }

  private static List<ReturnVersion> series(long... attached) {
    List<ReturnVersion> versions = new ArrayList<>();
    String[] quarters = {"2014Q3", "2014Q4", "2015Q1", "2015Q2", "2015Q3", "2015Q4", "2016Q1"};
    for (int i = 0; i < attached.length; i++) {
      ReturnSummary s =
          summary(
              quarters[i],
              attached[i],
              0,
              "2016-06-30T09:00:00Z".replace("06-30", "0" + (i + 1) + "-01"),
              null);
      versions.add(version(quarters[i], 1, s));
    }
    return versions;
  }

  @Test
  void aSteadyRiseOfAnySizeIsQuiet() {
    assertThat(ReturnHistory.decide(series(0, 500, 1000, 1500, 2000)).findings()).isEmpty();
  }

  @Test
  void aJumpNeedsTwoEarlierRisesAsItsBaseline() {
    assertThat(ReturnHistory.decide(series(0, 10, 500)).findings()).isEmpty();
    assertThat(ReturnHistory.decide(series(0, 10, 20, 500)).findings())
        .extracting(Finding::ruleId, Finding::file)
        .containsExactly(tuple("TFQR-W04", "2015Q2.summary.csv"));
  }

  @Test
  void aJumpBelowTheMinimumNumberOfFamiliesIsQuiet() {
    assertThat(
            ReturnHistory.decide(series(0, 1, 2, 3, 3 + ReturnHistory.JUMP_MIN_FAMILIES - 1))
                .findings())
        .isEmpty();
    assertThat(
            ReturnHistory.decide(series(0, 1, 2, 3, 3 + ReturnHistory.JUMP_MIN_FAMILIES))
                .findings())
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-W04");
  }

  @Test
  void aHistoryIsOfOneAuthorityAndPhase() {
    ReturnSummary kent = summary(Q2, 610, 3, "2015-07-01T09:00:00Z", null);
    ReturnSummary other =
        new ReturnSummary(
            2,
            "E08000025",
            "E08000025",
            kent.phase(),
            kent.quarter(),
            1,
            1,
            null,
            0,
            null,
            0L,
            kent.submittedAt(),
            "a",
            "b",
            null);
    assertThatThrownBy(
            () -> ReturnHistory.decide(List.of(version("a", 1, kent), version("b", 1, other))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("E08000025");
    assertThatThrownBy(
            () -> ReturnHistory.decide(List.of(version("a", 1, kent), version("a", 2, kent))))
        .hasMessageContaining("appears twice");
  }

  @Test
  void theFingerprintIgnoresRowsButNotContent() {
    ReturnSummary a = summary(Q2, 610, 3, "2015-07-01T09:00:00Z", null);
    ReturnSummary b = summary(Q2, 610, 3, "2015-07-01T09:00:00Z", "note");
    assertThat(ReturnVersion.fingerprint(a, List.of()))
        .isEqualTo(ReturnVersion.fingerprint(a, List.of()))
        .isNotEqualTo(ReturnVersion.fingerprint(b, List.of()));
  }
}
