package uk.gov.tfwh.programme.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuarterWrittenLooselyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2013Q3     | 2013-09-30",
        "2013q3     | 2013-09-30",
        "2013 Q3    | 2013-09-30",
        "2013-Q3    | 2013-09-30",
        "2013_q1    | 2013-03-31",
        "2013/Q4    | 2013-12-31",
        "Q3 2013    | 2013-09-30",
        "q2-2015    | 2015-06-30",
        "Q1/2020    | 2020-03-31",
        "' Q4 2019 '| 2019-12-31"
      })
  void aQuarterNamedAsPeopleWriteItIsRead(String text, String end) {
    assertThat(QuarterWrittenLoosely.read(text))
        .map(Quarter::end)
        .hasValueSatisfying(e -> assertThat(e).hasToString(end));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Q5 2013",
        "2013Q0",
        "Q3",
        "2013",
        "Q3 13",
        "2013/14 Q3",
        "Q3 2013/14",
        "2013-09-30",
        "third quarter 2013",
        "2013Q33"
      })
  void nothingElseIsTakenForAQuarter(String text) {
    assertThat(QuarterWrittenLoosely.read(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2013-07-01 | 2013Q3 | July to September 2013",
        "2013-09-30 | 2013Q3 | July to September 2013",
        "2015-03-30 | 2015Q1 | January to March 2015",
        "2019-12-31 | 2019Q4 | October to December 2019"
      })
  void aDayIsInOneQuarterWhoseMonthsCanBeSaid(String day, String label, String months) {
    Quarter quarter = Quarter.containing(LocalDate.parse(day));
    assertThat(quarter.label()).isEqualTo(label);
    assertThat(quarter.months()).isEqualTo(months);
  }
}
