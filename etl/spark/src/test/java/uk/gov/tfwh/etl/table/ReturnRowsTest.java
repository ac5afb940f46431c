package uk.gov.tfwh.etl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
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

/** Which quarters of fact_return a load may keep from the previous release without their rows. */
class ReturnRowsTest {
  private static final ReadReturn LEEDS_2013Q1 = accepted("leeds-q1", "E08000035", 2013, 1);
  private static final ReadReturn BRADFORD_2013Q1 = accepted("brad-q1", "E08000032", 2013, 1);
  private static final ReadReturn LEEDS_2013Q2 = accepted("leeds-q2", "E08000035", 2013, 2);

  @Test
  void aQuarterWithTheSameVersionsIsUnchangedWhateverTheirOrder() {
    assertThat(
            ReturnRows.unchangedQuarters(
                List.of(LEEDS_2013Q1, BRADFORD_2013Q1, LEEDS_2013Q2),
                List.of(LEEDS_2013Q2, BRADFORD_2013Q1, LEEDS_2013Q1)))
        .containsExactly("2013-03-31", "2013-06-30");
  }

  @Test
  void aNewQuarterLeavesTheEarlierOnesUnchangedAndIsNotItself() {
    assertThat(
            ReturnRows.unchangedQuarters(
                List.of(LEEDS_2013Q1, BRADFORD_2013Q1),
                List.of(LEEDS_2013Q1, BRADFORD_2013Q1, LEEDS_2013Q2)))
        .containsExactly("2013-03-31");
  }

  @Test
  void aRevisionChangesItsQuarterEvenThoughTheOtherVersionsStay() {
    ReadReturn revised = accepted("leeds-q1-revised", "E08000035", 2013, 1);
    assertThat(
            ReturnRows.unchangedQuarters(
                List.of(LEEDS_2013Q1, BRADFORD_2013Q1, LEEDS_2013Q2),
                List.of(LEEDS_2013Q1, BRADFORD_2013Q1, revised, LEEDS_2013Q2)))
        .containsExactly("2013-06-30");
  }

  @Test
  void aVersionGoneFromTheLandingFolderChangesItsQuarter() {
    assertThat(
            ReturnRows.unchangedQuarters(
                List.of(LEEDS_2013Q1, BRADFORD_2013Q1, LEEDS_2013Q2),
                List.of(LEEDS_2013Q1, LEEDS_2013Q2)))
        .containsExactly("2013-06-30");
    assertThat(ReturnRows.unchangedQuarters(List.of(LEEDS_2013Q2), List.of())).isEmpty();
  }

  @Test
  void aRejectedReturnHasNoRowAndChangesNoQuarter() {
    ReadReturn rejected =
        new ReadReturn(
            "broken",
            source("broken"),
            1,
            OffsetDateTime.parse("2013-10-01T09:00:00Z").toInstant(),
            "snapshot",
            null,
            null,
            0,
            0,
            ClaimKeys.of(List.of()),
            List.of(),
            ReturnIdentity.UNKNOWN);
    assertThat(ReturnRows.unchangedQuarters(List.of(LEEDS_2013Q1), List.of(LEEDS_2013Q1, rejected)))
        .containsExactly("2013-03-31");
  }

  private static ReadReturn accepted(String id, String authority, int year, int quarter) {
    ReturnSummary summary =
        new ReturnSummary(
            2,
            authority,
            authority,
            Phase.ONE,
            Quarter.of(year, quarter),
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
        source(id),
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

  private static ReturnSource source(String id) {
    return new ReturnSource(
        id, ReturnFormat.CSV, List.of(new SourceFile(id + ".summary.csv", 1, "s")));
  }
}
