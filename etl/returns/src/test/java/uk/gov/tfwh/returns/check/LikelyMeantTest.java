package uk.gov.tfwh.returns.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.returns.sheet.CellValue;

class LikelyMeantTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "30/06/2015   | ' (written day first: as YYYY-MM-DD it is 2015-06-30)'",
        "7.4.2015     | ' (written day first: as YYYY-MM-DD it is 2015-04-07)'",
        "07-04-2015   | ' (written day first: as YYYY-MM-DD it is 2015-04-07)'",
        "2015/06/30   | ' (as YYYY-MM-DD it is 2015-06-30)'",
        "2015-6-3     | ' (as YYYY-MM-DD it is 2015-06-03)'",
        "30-Jun-2015  | ' (as YYYY-MM-DD it is 2015-06-30)'",
        "1 Sept 2015  | ' (as YYYY-MM-DD it is 2015-09-01)'",
        "31 december 2019 | ' (as YYYY-MM-DD it is 2019-12-31)'",
        "2015-06-30 00:00:00 | ' (written with a time: as YYYY-MM-DD it is 2015-06-30)'",
        "2015-06-30T00:00 | ' (written with a time: as YYYY-MM-DD it is 2015-06-30)'",
        "2015-06-30 00:00:00.000 | ' (written with a time: as YYYY-MM-DD it is 2015-06-30)'",
        "30/06/2015 00:00 | ' (written with a time, day first: as YYYY-MM-DD it is 2015-06-30)'",
        "2015/6/30 00:00 | ' (written with a time: as YYYY-MM-DD it is 2015-06-30)'",
        "2015-06-31   | ' (no such day: June 2015 has 30 days)'",
        "2015-02-29   | ' (no such day: February 2015 has 28 days)'",
        "2015-13-01   | ' (there is no month 13)'",
        "2015-00-10   | ' (there is no month 0)'",
        "42185        | ' (a spreadsheet''s day number, which is 2015-06-30: format the column as"
            + " dates, or type the date as YYYY-MM-DD)'",
        "40179        | ' (a spreadsheet''s day number, which is 2010-01-01: format the column as"
            + " dates, or type the date as YYYY-MM-DD)'",
        "06/30/2015   | ' (written month first: as YYYY-MM-DD it is 2015-06-30)'",
        "12/31/2019   | ' (written month first: as YYYY-MM-DD it is 2019-12-31)'",
        "30/06/15     | ' (written day first with a two-digit year: as YYYY-MM-DD it is 2015-06-30)'",
        "6/30/15      | ' (written month first with a two-digit year: as YYYY-MM-DD it is"
            + " 2015-06-30)'",
        "30-Jun-15    | ' (written with a two-digit year: as YYYY-MM-DD it is 2015-06-30)'",
        "1 Sept 19    | ' (written with a two-digit year: as YYYY-MM-DD it is 2019-09-01)'",
        "30/06/15 00:00 | ' (written with a time, day first with a two-digit year: as YYYY-MM-DD it"
            + " is 2015-06-30)'",
      })
  void aRefusedDateIsToldWhatItLikelyMeant(String text, String hint) {
    assertThat(LikelyMeant.date(new CellValue.Text(text))).isEqualTo(hint);
  }

  /** Nothing is guessed where nothing is likely, nor where the guess is no day of the calendar. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "soon",
        "31/02/2015",
        "30 Foo 2015",
        "2016-02-29",
        "40178",
        "47484",
        "123456",
        "Q2 2015",
        "2015-06-30 16:30",
        "2015-06-31 00:00",
        "31/02/2015 00:00:00",
        "13/13/2015",
        "02/31/2015",
        "30/06/45",
        "30/06/09",
        "30-Jun-99",
        "30/06/2015 16:30"
      })
  void nothingIsGuessedWhereNothingIsLikely(String text) {
    assertThat(LikelyMeant.date(new CellValue.Text(text))).isEmpty();
  }

  /** A period_end written as a quarter or a month: the quarter's last day, with its months. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2013Q3        | ' (a quarter is written as its last day: 2013Q3, July to September 2013,"
            + " ends 2013-09-30)'",
        "Q1 2015       | ' (a quarter is written as its last day: 2015Q1, January to March 2015,"
            + " ends 2015-03-31)'",
        "2019-q4       | ' (a quarter is written as its last day: 2019Q4, October to December 2019,"
            + " ends 2019-12-31)'",
        "Sep-13        | ' (a month, September 2013: the quarter that holds it, July to September"
            + " 2013, ends 2013-09-30)'",
        "September 2013 | ' (a month, September 2013: the quarter that holds it, July to September"
            + " 2013, ends 2013-09-30)'",
        "2013-08       | ' (a month, August 2013: the quarter that holds it, July to September"
            + " 2013, ends 2013-09-30)'",
        "03/2015       | ' (a month, March 2015: the quarter that holds it, January to March 2015,"
            + " ends 2015-03-31)'",
        "30/09/2013    | ' (written day first: as YYYY-MM-DD it is 2013-09-30)'",
      })
  void aPeriodEndWrittenAsAQuarterOrAMonthIsToldTheLastDayToWrite(String text, String hint) {
    assertThat(LikelyMeant.periodEnd(new CellValue.Text(text))).isEqualTo(hint);
  }

  /** A financial year's quarter names other months; a month 13 or a far year is no month. */
  @ParameterizedTest
  @ValueSource(strings = {"2013/14 Q3", "Q3 2013/14", "Q3", "2013", "2013-13", "Sep-45", "summer"})
  void aPeriodEndIsNotGuessedFromWhatNamesNoCalendarQuarter(String text) {
    assertThat(LikelyMeant.periodEnd(new CellValue.Text(text))).isEmpty();
  }

  /** A date and time without its offset: the same moment in UK time, as the contract writes it. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2015-06-30 16:30     | 'if that is UK time, write 2015-06-30T16:30:00+01:00'",
        "2015-06-30T16:30:05  | 'if that is UK time, write 2015-06-30T16:30:05+01:00'",
        "30/06/2015 16:30     | 'if that is UK time, write 2015-06-30T16:30:00+01:00'",
        "2015-12-30 09:05     | 'if that is UK time, write 2015-12-30T09:05:00+00:00'",
        "2015-10-25 01:30     | 'if that is UK time, write 2015-10-25T01:30:00+01:00'",
        "2015-06-30 16:30:00+01:00 | 'as ISO 8601 it is written 2015-06-30T16:30:00+01:00'",
        "2015-06-30T16:30:00+0100  | 'as ISO 8601 it is written 2015-06-30T16:30:00+01:00'",
        "2015-06-30 16:30 BST      | 'as ISO 8601 it is written 2015-06-30T16:30+01:00'",
        "2015-12-30T9:05:00 gmt    | 'as ISO 8601 it is written 2015-12-30T09:05:00+00:00'",
        "2015-06-30 16:30:00Z      | 'as ISO 8601 it is written 2015-06-30T16:30:00Z'",
        "2015-06-30   | 'a date without its time of day: give the moment it was signed off, such as"
            + " 2015-06-30T16:30:00+01:00'",
        "30/12/2015   | 'a date without its time of day: give the moment it was signed off, such as"
            + " 2015-12-30T16:30:00+00:00'",
      })
  void aTimeWithoutItsOffsetIsGivenItsUkOffset(String text, String hint) {
    assertThat(LikelyMeant.timestamp(new CellValue.Text(text))).contains(hint);
  }

  @org.junit.jupiter.api.Test
  void aSpreadsheetsDateTimeIsGivenItsUkOffset() {
    assertThat(
            LikelyMeant.timestamp(
                new CellValue.DateTime(java.time.LocalDateTime.of(2015, 6, 30, 16, 30, 0))))
        .contains("if that is UK time, write 2015-06-30T16:30:00+01:00");
  }

  /** No such UK time (the clocks went forward), no such day, no time, or no date: nothing. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2015-03-29 01:30",
        "2015-06-31 16:30",
        "2015-06-30 25:00",
        "16:30",
        "2015-06-31 16:30:00+01:00",
        "2015-06-30 25:30 BST",
        "2015-06-30T16:30:00+01:00",
        "yesterday at 4"
      })
  void noTimeIsGuessedWhereNoneIsLikely(String text) {
    assertThat(LikelyMeant.timestamp(new CellValue.Text(text))).isEmpty();
  }

  /** A count written with its grouping or a zero fraction is told the whole number. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"3,150\"        | without the thousands separators: 3150",
        "\"1,234,567\"    | without the thousands separators: 1234567",
        "\"1 240\"        | without the spaces: 1240",
        "3150.0         | as a whole number: 3150",
        "42.000         | as a whole number: 42",
      })
  void aCountWrittenForReadingIsToldTheWholeNumber(String text, String hint) {
    assertThat(LikelyMeant.count(new CellValue.Text(text))).contains(hint);
  }

  /** A fraction, a sign, a misplaced separator or a word: never rounded or guessed. */
  @ParameterizedTest
  @ValueSource(strings = {"1500.5", "-4", "31,50", "3,1500", "1,5", "12 34", "many", "3150"})
  void aCountIsNeverGuessed(String text) {
    assertThat(LikelyMeant.count(new CellValue.Text(text))).isEmpty();
  }

  /** Characters nobody can see are named once each, in order, and the text shown without them. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "3150\u00a0          | it holds \\u00A0 NO-BREAK SPACE, which cannot be seen; without it:"
            + " '3150'",
        "\ufeffE08000025     | it holds \\uFEFF ZERO WIDTH NO-BREAK SPACE, which cannot be seen;"
            + " without it: 'E08000025'",
        "A\u200bB\u200bC\u2007 | it holds \\u200B ZERO WIDTH SPACE and \\u2007 FIGURE SPACE, which"
            + " cannot be seen; without them: 'ABC'",
        "fam-\t0001          | it holds \\u0009 CHARACTER TABULATION, which cannot be seen; without"
            + " it: 'fam-0001'",
        "\u00a0              | it holds \\u00A0 NO-BREAK SPACE, which cannot be seen, and nothing"
            + " else",
      })
  void whatCannotBeSeenIsNamedAndTheTextShownWithoutIt(String text, String hint) {
    assertThat(LikelyMeant.unseen(text)).contains(hint);
  }

  @ParameterizedTest
  @ValueSource(strings = {"E08000025", "A. Director", "café ‘quoted’ – dash", ""})
  void aTextThatCanAllBeSeenHasNoHint(String text) {
    assertThat(LikelyMeant.unseen(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aNumberCellInADateColumnIsTakenAsASpreadsheetsDayNumberOnlyWhenWholeAndInRange() {
    assertThat(LikelyMeant.date(new CellValue.Numeric(new BigDecimal("42185"))))
        .contains("which is 2015-06-30");
    assertThat(LikelyMeant.date(new CellValue.Numeric(new BigDecimal("42185.0"))))
        .contains("which is 2015-06-30");
    assertThat(LikelyMeant.date(new CellValue.Numeric(new BigDecimal("42185.5")))).isEmpty();
    assertThat(LikelyMeant.date(new CellValue.Numeric(new BigDecimal("610")))).isEmpty();
    assertThat(LikelyMeant.date(new CellValue.FormulaError("#N/A"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "sustained_progress, SUSTAINED_PROGRESS",
    "Sustained progress, SUSTAINED_PROGRESS",
    "' sustained-progress ', SUSTAINED_PROGRESS",
    "continuous  employment, CONTINUOUS_EMPLOYMENT",
    "Crime & ASB, CRIME_ASB",
    "crime/asb, CRIME_ASB",
  })
  void aCodeInOtherLettersOrWithSpacesIsNamed(String text, String meant) {
    assertThat(
            LikelyMeant.name(
                text, List.of("SUSTAINED_PROGRESS", "CONTINUOUS_EMPLOYMENT", "CRIME_ASB")))
        .contains(meant);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SUSTAINEDPROGRESS", "progress", "", "SUSTAINED_PROGRESS_2"})
  void aCodeThatIsNotOneWrittenOtherwiseIsNotNamed(String text) {
    assertThat(LikelyMeant.name(text, List.of("SUSTAINED_PROGRESS", "CONTINUOUS_EMPLOYMENT")))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "families identified | name it families_identified, with underscores between its words",
        "families-attached   | name it families_attached, with underscores between its words",
        "familes_identified  | did you mean families_identified?",
        "period_edn          | did you mean period_end?",
        "period end          | name it period_end, with underscores between its words",
      })
  void aColumnNameWrittenAnotherWayIsToldTheTemplatesName(String name, String hint) {
    assertThat(
            LikelyMeant.column(
                name, List.of("families_identified", "families_attached", "period_end")))
        .map(LikelyMeant.LikelyColumn::hint)
        .contains(hint);
  }

  /** Only a column the header lacks, and only one: two alike are not chosen between. */
  @ParameterizedTest
  @ValueSource(strings = {"notes", "families identified", "phasg", "results"})
  void aColumnIsNotGuessedWhereNoneOrTwoAreLikely(String name) {
    assertThat(LikelyMeant.column(name, List.of("families_attached", "phase", "phasf"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"Phase 1 | 1", "P2 | 2", "phase two | 2", "one | 1", "PHASE_1 | 1", "p-2 | 2"})
  void aPhaseWrittenWithItsNameIsToldTheNumber(String text, String number) {
    assertThat(LikelyMeant.phase(new CellValue.Text(text)))
        .contains("write the number alone: " + number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "phase 3", "first", "1.5", "phase 12"})
  void aPhaseIsNotGuessed(String text) {
    assertThat(LikelyMeant.phase(new CellValue.Text(text))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tfqr1", "TFQR 1", "tfqr_1", "TFQR1"})
  void theTemplateWrittenAnotherWayIsToldItsName(String text) {
    assertThat(LikelyMeant.template(new CellValue.Text(text)))
        .contains("written TFQR-1, in capitals with its hyphen");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TFQR-0", "TFQR-2", "tfqr", "template 1"})
  void anotherTemplateIsNotTakenForIt(String text) {
    assertThat(LikelyMeant.template(new CellValue.Text(text))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "1.23457E+15 | a number in a spreadsheet's scientific notation: the reference's digits"
            + " were lost when the file was saved from a spreadsheet; export the references again"
            + " with the column formatted as Text",
        "fam-0001 | it has 8 characters",
        "f | it has 1 character",
        "\"fam-000000000001 9f3a\" | it holds a space, which a reference may not",
        "fam_000000000001_9f3a | it holds '_', which a reference may not",
      })
  void aFamilyRefIsToldWhatIsWrongWithIt(String ref, String why) {
    assertThat(LikelyMeant.familyRef(ref)).contains(why);
  }
}
