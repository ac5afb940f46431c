package uk.gov.tfwh.etl.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.SourceFile;

/** Which quarters of fact_payment and agg_authority_quarter a load may keep without their rows. */
class FigureQuartersTest {
  private static final ReadReturn Q1 = accepted("q1", 1);
  private static final ReadReturn Q2 = accepted("q2", 2);
  private static final ReadReturn Q3 = accepted("q3", 3);
  private static final ReadReturn Q4 = accepted("q4", 4);
  private static final List<ReadReturn> BEFORE = List.of(Q1, Q2, Q3);
  private static final List<ReadReturn> WITH_Q4 = List.of(Q1, Q2, Q3, Q4);
  private static final Set<String> FIRST_THREE = Set.of("2013-03-31", "2013-06-30", "2013-09-30");

  @Test
  void aNewQuarterKeepsEveryQuarterBeforeIt() {
    assertThat(FigureQuarters.unchanged(BEFORE, WITH_Q4, FIRST_THREE, FIRST_THREE))
        .containsExactly("2013-03-31", "2013-06-30", "2013-09-30");
  }

  @Test
  void aRevisedQuarterKeepsOnlyTheQuartersBeforeIt() {
    Set<String> revisedQ2 = Set.of("2013-03-31", "2013-09-30");
    assertThat(FigureQuarters.unchanged(BEFORE, WITH_Q4, revisedQ2, FIRST_THREE))
        .containsExactly("2013-03-31");
  }

  @Test
  void claimsRefusedAnewInAnEarlierQuarterKeepOnlyTheQuartersBeforeIt() {
    // A revision elsewhere can free or refuse a family's claim in a quarter no return changed.
    Set<String> claimsOfQ1Changed = Set.of("2013-06-30", "2013-09-30");
    assertThat(FigureQuarters.unchanged(BEFORE, WITH_Q4, FIRST_THREE, claimsOfQ1Changed)).isEmpty();
  }

  @Test
  void aQuarterGoneFromTheLandingFolderKeepsOnlyTheQuartersBeforeIt() {
    assertThat(
            FigureQuarters.unchanged(
                BEFORE, List.of(Q1, Q3), Set.of("2013-03-31", "2013-09-30"), FIRST_THREE))
        .containsExactly("2013-03-31");
  }

  @Test
  void nothingIsKeptWithoutAPreviousLoad() {
    assertThat(FigureQuarters.unchanged(List.of(), WITH_Q4, Set.of(), Set.of())).isEmpty();
  }

  private static ReadReturn accepted(String id, int quarter) {
    ReturnSummary summary =
        new ReturnSummary(
            2,
            "E08000035",
            "E08000035",
            Phase.ONE,
            Quarter.of(2013, quarter),
            100,
            80,
            0L,
            0,
            0L,
            null,
            OffsetDateTime.parse("2013-10-01T09:00:00Z"),
            "tf@example.gov.uk",
            "A. Director",
            "");
    return new ReadReturn(
        id,
        new ReturnSource(
            id, ReturnFormat.CSV, List.of(new SourceFile(id + ".summary.csv", 1, "s"))),
        0,
        summary.submittedAt().toInstant(),
        "snapshot",
        summary,
        "fingerprint",
        0,
        0,
        ClaimKeys.of(List.of()),
        List.of(),
        ReturnIdentity.UNKNOWN);
  }
}
