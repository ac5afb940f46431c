package uk.gov.tfwh.etl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.etl.ReadReturns;
import uk.gov.tfwh.etl.read.ReadReturn;

/** Which quarters of fact_return a load may keep from the previous release without their rows. */
class ReturnRowsTest {
  private static final ReadReturn LEEDS_2013Q1 = ReadReturns.accepted("leeds-q1", "E08000035", 1);
  private static final ReadReturn BRADFORD_2013Q1 = ReadReturns.accepted("brad-q1", "E08000032", 1);
  private static final ReadReturn LEEDS_2013Q2 = ReadReturns.accepted("leeds-q2", "E08000035", 2);

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
    ReadReturn revised = ReadReturns.accepted("leeds-q1-revised", "E08000035", 1);
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
    ReadReturn rejected = ReadReturns.rejected("broken");
    assertThat(ReturnRows.unchangedQuarters(List.of(LEEDS_2013Q1), List.of(LEEDS_2013Q1, rejected)))
        .containsExactly("2013-03-31");
  }
}
