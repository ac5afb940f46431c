package uk.gov.tfwh.returns.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static uk.gov.tfwh.returns.history.HistoryFixtures.claim;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnSummary;

class NationalClaimCheckTest {
  private static final String KENT = "E10000016";
  private static final String LEEDS = "E08000035";

  private static List<Object> verdicts(List<NationalClaimCheck.Decision> decisions) {
    return decisions.stream()
        .map(
            d ->
                (Object)
                    (d.claim().returnId()
                        + ":"
                        + d.claim().row()
                        + ":"
                        + (d.accepted() ? "accepted" : "rejected")
                        + d.findings().stream()
                            .map(f -> " " + f.ruleId())
                            .reduce("", String::concat)))
        .toList();
  }

  @Test
  void aSecondOutcomeByAnotherAuthorityIsRejectedAndReportedAsAPossibleMove() {
    var decisions =
        NationalClaimCheck.check(
            List.of(
                claim(
                    LEEDS,
                    "2016Q1",
                    "2016-03-31T16:00:00Z",
                    ClaimResult.SUSTAINED_PROGRESS,
                    "leeds",
                    5),
                claim(
                    KENT,
                    "2015Q4",
                    "2015-12-31T16:00:00Z",
                    ClaimResult.CONTINUOUS_EMPLOYMENT,
                    "kent",
                    2)));
    assertThat(verdicts(decisions))
        .containsExactly("kent:2:accepted", "leeds:5:rejected TFQR-C08 TFQR-W03");
    Finding c08 = decisions.get(1).findings().get(0);
    assertThat(c08.file()).isEqualTo("leeds.claims.csv");
    assertThat(c08.sheet()).isEqualTo("claims");
    assertThat(c08.row()).isEqualTo(5);
    assertThat(c08.column()).isEqualTo("family_ref");
    // Shown to Leeds: Kent's claim is not Leeds's to see (which authority, return, file, row).
    for (Finding finding : decisions.get(1).findings()) {
      assertThat(finding.message())
          .as(finding.ruleId())
          .contains("CONTINUOUS_EMPLOYMENT", "another authority")
          .doesNotContain(KENT, "2015Q4", "kent", "row 2");
    }
  }

  @Test
  void anEarlierClaimOfTheSameAuthorityIsNamedInFull() {
    var decisions =
        NationalClaimCheck.check(
            List.of(
                claim(
                    KENT,
                    "2015Q4",
                    "2015-12-31T16:00:00Z",
                    ClaimResult.SUSTAINED_PROGRESS,
                    "q4",
                    2),
                claim(
                    KENT,
                    "2016Q1",
                    "2016-03-31T16:00:00Z",
                    ClaimResult.SUSTAINED_PROGRESS,
                    "q1",
                    7)));
    assertThat(verdicts(decisions)).containsExactly("q4:2:accepted", "q1:7:rejected TFQR-C08");
    assertThat(decisions.get(1).findings().get(0).message())
        .contains("SUSTAINED_PROGRESS claimed by " + KENT, "2015Q4", "q4.claims.csv, row 2");
  }

  @Test
  void aClaimReceivedLaterLosesToAnEarlierOneWhateverDateItsSenderWrote() {
    ClaimOccurrence kent =
        claim(KENT, "2015Q4", "2016-01-05T16:00:00Z", ClaimResult.SUSTAINED_PROGRESS, "kent", 2);
    ClaimOccurrence backdated =
        claim(LEEDS, "2015Q4", "2015-12-31T09:00:00Z", ClaimResult.SUSTAINED_PROGRESS, "leeds", 4);
    ClaimOccurrence receivedFirst =
        new ClaimOccurrence(
            kent.familyRef(),
            kent.authorityCode(),
            kent.phase(),
            kent.quarter(),
            new Arrival(0, java.time.Instant.parse("2016-01-06T00:00:00Z"), kent.submittedAt()),
            kent.result(),
            kent.returnId(),
            kent.file(),
            kent.row());
    ClaimOccurrence receivedLater =
        new ClaimOccurrence(
            backdated.familyRef(),
            backdated.authorityCode(),
            backdated.phase(),
            backdated.quarter(),
            new Arrival(
                1, java.time.Instant.parse("2016-02-01T00:00:00Z"), backdated.submittedAt()),
            backdated.result(),
            backdated.returnId(),
            backdated.file(),
            backdated.row());

    assertThat(verdicts(NationalClaimCheck.check(List.of(receivedLater, receivedFirst))))
        .containsExactly("kent:2:accepted", "leeds:4:rejected TFQR-C08 TFQR-W03");
  }

  @Test
  void tiesAreBrokenByReturnIdThenRow() {
    String at = "2015-12-31T16:00:00Z";
    var decisions =
        NationalClaimCheck.check(
            List.of(
                claim(KENT, "2015Q4", at, ClaimResult.SUSTAINED_PROGRESS, "b", 2),
                claim(KENT, "2015Q4", at, ClaimResult.SUSTAINED_PROGRESS, "a", 9),
                claim(KENT, "2015Q4", at, ClaimResult.SUSTAINED_PROGRESS, "a", 3)));
    assertThat(verdicts(decisions))
        .containsExactly("a:3:accepted", "a:9:rejected TFQR-C08", "b:2:rejected TFQR-C08");
  }

  @Test
  void theTwoPhasesPayTheirOutcomesSeparately() {
    var decisions =
        NationalClaimCheck.check(
            List.of(
                claim(
                    KENT,
                    "2014Q4",
                    "2014-12-31T16:00:00Z",
                    ClaimResult.CRIME_ASB_EDUCATION,
                    "p1",
                    2),
                claim(
                    KENT,
                    "2015Q4",
                    "2015-12-31T16:00:00Z",
                    ClaimResult.SUSTAINED_PROGRESS,
                    "p2",
                    2)));
    assertThat(verdicts(decisions)).containsExactly("p1:2:accepted", "p2:2:accepted");
  }

  @Test
  void progressToWorkOnceAndNeverAfterContinuousEmploymentButEmploymentMayFollowIt() {
    var decisions =
        NationalClaimCheck.check(
            List.of(
                claim(
                    KENT, "2013Q1", "2013-03-31T16:00:00Z", ClaimResult.PROGRESS_TO_WORK, "q1", 2),
                claim(
                    KENT, "2013Q2", "2013-06-30T16:00:00Z", ClaimResult.PROGRESS_TO_WORK, "q2", 2),
                claim(
                    KENT,
                    "2013Q3",
                    "2013-09-30T16:00:00Z",
                    ClaimResult.CONTINUOUS_EMPLOYMENT,
                    "q3",
                    2),
                claim(
                    KENT,
                    "2013Q4",
                    "2013-12-31T16:00:00Z",
                    ClaimResult.PROGRESS_TO_WORK,
                    "q4",
                    2)));
    assertThat(verdicts(decisions))
        .containsExactly(
            "q1:2:accepted", "q2:2:rejected TFQR-C09", "q3:2:accepted", "q4:2:rejected TFQR-C09");
    assertThat(decisions.get(3).findings().get(0).message()).contains("continuous employment");
  }

  @Test
  void aRejectedClaimDoesNotBlockLaterOnes() {
    var decisions =
        NationalClaimCheck.check(
            List.of(
                claim(
                    KENT,
                    "2013Q1",
                    "2013-03-31T16:00:00Z",
                    ClaimResult.CONTINUOUS_EMPLOYMENT,
                    "a",
                    2),
                claim(KENT, "2013Q2", "2013-06-30T16:00:00Z", ClaimResult.PROGRESS_TO_WORK, "b", 2),
                claim(
                    LEEDS,
                    "2013Q3",
                    "2013-09-30T16:00:00Z",
                    ClaimResult.CRIME_ASB_EDUCATION,
                    "c",
                    2)));
    // b is rejected; c is judged against a only (a C08), and warned of Kent's earlier claim
    assertThat(verdicts(decisions))
        .containsExactly("a:2:accepted", "b:2:rejected TFQR-C09", "c:2:rejected TFQR-C08 TFQR-W03");
  }

  @Test
  void oneFamilyAtATime() {
    var kent = claim(KENT, "2013Q1", "2013-03-31T16:00:00Z", ClaimResult.PROGRESS_TO_WORK, "a", 2);
    var other =
        new ClaimOccurrence(
            "fam-999999999999-9f3a",
            KENT,
            Phase.ONE,
            Quarter.parse("2013Q1"),
            OffsetDateTime.parse("2013-03-31T16:00:00Z"),
            ClaimResult.PROGRESS_TO_WORK,
            "a",
            "a.claims.csv",
            3);
    assertThatThrownBy(() -> NationalClaimCheck.check(List.of(kent, other)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NationalClaimCheck.check(List.of())).isEmpty();
  }

  private static ReturnSummary phase1(long crime, long employment, long progress) {
    return new ReturnSummary(
        2,
        KENT,
        KENT,
        Phase.ONE,
        Quarter.parse("2013Q3"),
        2000,
        1500,
        crime,
        employment,
        progress,
        null,
        OffsetDateTime.parse("2013-09-30T16:30:00+01:00"),
        "a",
        "b",
        null);
  }

  @Test
  void phase1SummariesAreReconciledOnlyOnceTheAuthorityClaims() {
    assertThat(ClaimReconciliation.check(phase1(400, 30, 20), "k.csv", Map.of())).isEmpty();
    List<Finding> warnings =
        ClaimReconciliation.check(
            phase1(400, 30, 20),
            "k.csv",
            Map.of(ClaimResult.CRIME_ASB_EDUCATION, 400L, ClaimResult.CONTINUOUS_EMPLOYMENT, 30L));
    assertThat(warnings)
        .extracting(Finding::ruleId, Finding::column, Finding::severity)
        .containsExactly(
            tuple(
                "TFQR-W01",
                "results_progress_to_work",
                uk.gov.tfwh.returns.model.Severity.WARNING));
    assertThat(warnings.get(0).message())
        .contains("number 0", "is 20", "file k.csv, sheet summary, row 2");
  }
}
