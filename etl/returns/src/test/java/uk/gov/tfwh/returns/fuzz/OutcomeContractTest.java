package uk.gov.tfwh.returns.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;

/** The fuzz contract tells the reader's last-resort finding from text that only echoes it. */
class OutcomeContractTest {
  @Test
  void theLastResortFindingIsRecognisedByItsShape() {
    assertThat(
            OutcomeContract.isLastResort(
                Rule.F02.at(
                    Location.ofFile("x.summary.csv"),
                    OutcomeContract.LAST_RESORT + "NullPointerException: null)")))
        .isTrue();
  }

  @Test
  void aColumnNameHoldingTheSameWordsIsNotTheLastResort() {
    String column = "results" + OutcomeContract.LAST_RESORT + "x";
    assertThat(
            OutcomeContract.isLastResort(
                Rule.S02.at(
                    Location.ofCell("x.summary.csv", "summary", 1, column),
                    "column '" + column + "' is not in the template")))
        .isFalse();
    assertThat(
            OutcomeContract.isLastResort(
                Rule.F02.at(
                    Location.ofSheet("x.xlsx", "summary"),
                    OutcomeContract.LAST_RESORT + "echoed text)")))
        .isFalse();
  }
}
