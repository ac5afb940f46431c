package uk.gov.tfwh.api.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.api.problem.BadParameterException;

class LikelyQuarterTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // a quarter named another way
        "Q1 2015     | written 2015Q1",
        "q3-2013     | written 2013Q3",
        "2015-Q2     | written 2015Q2",
        "2015 q4     | written 2015Q4",
        // its last day written another way: year first, day first (UK), month first
        "2015-3-31   | written 2015-03-31 it is 2015Q1",
        "2015/06/30  | written 2015-06-30 it is 2015Q2",
        "31/03/2015  | written 2015-03-31 it is 2015Q1",
        "30.9.2013   | written 2013-09-30 it is 2013Q3",
        "12/31/2014  | written 2014-12-31 it is 2014Q4",
        // a day that is not a quarter's last
        "2015-03-30  | 2015-03-30 is not the last day of a quarter: it is in 2015Q1, which ends"
            + " 2015-03-31",
        "2015-04-01  | 2015-04-01 is not the last day of a quarter: it is in 2015Q2, which ends"
            + " 2015-06-30",
        "15/08/2014  | 2014-08-15 is not the last day of a quarter: it is in 2014Q3, which ends"
            + " 2014-09-30",
      })
  void aPeriodWrittenAnotherWayIsToldTheFormToWrite(String period, String hint) {
    assertThat(LikelyQuarter.hint(period)).contains(hint);
    assertThatThrownBy(() -> PeriodParameters.quarter(period))
        .isInstanceOf(BadParameterException.class)
        .hasMessage(
            "period must be a quarter such as 2013Q3 or its last day such as 2013-09-30, not '"
                + period
                + "' ("
                + hint
                + ")");
  }

  /** Nothing is guessed where nothing is likely, or where day and month could be either. */
  @ParameterizedTest
  @ValueSource(
      strings = {"summer", "2015", "Q5 2015", "2015-13-31", "2015-02-30", "05/06/2015", ""})
  void nothingIsGuessedWhereNothingIsLikely(String period) {
    assertThat(LikelyQuarter.hint(period)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2015Q1", "2015q1", "2015-03-31", " 2015-03-31 "})
  void theFormsTheApiTakesAreTaken(String period) {
    assertThat(PeriodParameters.quarter(period).label()).isEqualTo("2015Q1");
  }
}
