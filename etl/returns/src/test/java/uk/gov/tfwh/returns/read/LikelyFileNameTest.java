package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LikelyFileNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // what copies make of a name: a browser's second download, Windows, macOS
        "kent-2015Q2.summary (1).csv | if it is a return's summary, name it kent-2015Q2.summary.csv",
        "kent-2015Q2.claims (12).csv | if it is a return's claims, name it kent-2015Q2.claims.csv",
        "kent.summary - Copy.csv     | if it is a return's summary, name it kent.summary.csv",
        "kent.summary - Copy (2).csv | if it is a return's summary, name it kent.summary.csv",
        "kent.claims copy.csv        | if it is a return's claims, name it kent.claims.csv",
        "kent.claims copy 3.csv      | if it is a return's claims, name it kent.claims.csv",
        "kent.summary 2.csv          | if it is a return's summary, name it kent.summary.csv",
        // an extension added after the contract's
        "kent.summary.csv.txt        | if it is a return's summary, name it kent.summary.csv",
        "kent.claims.csv.csv         | if it is a return's claims, name it kent.claims.csv",
        "kent.summary.csv (1).csv    | if it is a return's summary, name it kent.summary.csv",
        // the part written another way; the stem keeps its case
        "Kent_2015Q2_summary.csv     | if it is a return's summary, name it Kent_2015Q2.summary.csv",
        "kent-claims.csv             | if it is a return's claims, name it kent.claims.csv",
        "kent claims.csv             | if it is a return's claims, name it kent.claims.csv",
        "kent.claim.csv              | if it is a return's claims, name it kent.claims.csv",
        "kent.Summaries.csv          | if it is a return's summary, name it kent.summary.csv",
        "kent_summary (1).csv        | if it is a return's summary, name it kent.summary.csv",
        // text that is not named or not separated as CSV
        "kent.summary.txt            | if it is a return's summary, save it as CSV UTF-8 (comma"
            + " separated) named kent.summary.csv",
        "kent.claims.tsv             | if it is a return's claims, save it as CSV UTF-8 (comma"
            + " separated) named kent.claims.csv",
        // other spreadsheet formats
        "kent.xls                    | a return workbook is read only as an Excel Workbook: save it"
            + " as .xlsx, named kent.xlsx, and send that",
        "kent.XLSM                   | a return workbook is read only as an Excel Workbook: save it"
            + " as .xlsx, named kent.xlsx, and send that",
        "kent.ods                    | a return workbook is read only as an Excel Workbook: save it"
            + " as .xlsx, named kent.xlsx, and send that",
        // a CSV that names no part, or a part without the stem that pairs it
        "kent-2015Q2.csv             | a CSV return is two files named after it:"
            + " kent-2015Q2.summary.csv and kent-2015Q2.claims.csv",
        "kent (1).csv                | a CSV return is two files named after it: kent.summary.csv"
            + " and kent.claims.csv",
        "summary.csv                 | a return's files begin with a name of the sender's choosing,"
            + " the same for its summary and its claims, such as E08000025-2015Q1-p1.summary.csv"
            + " and E08000025-2015Q1-p1.claims.csv",
        "Claims (1).csv              | a return's files begin with a name of the sender's choosing,"
            + " the same for its summary and its claims, such as E08000025-2015Q1-p1.summary.csv"
            + " and E08000025-2015Q1-p1.claims.csv",
        "kent.zip                    | a zipped file is not opened: send the return's own files,"
            + " taken out of it",
      })
  void aNameThatIsNoPartIsToldWhatItWasLikelyMeantToBe(String name, String hint) {
    assertThat(LikelyFileName.hint(name)).contains(hint);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the contract's own names need no hint
        "kent.summary.csv",
        "kent.SUMMARY.CSV",
        "kent (1).xlsx",
        "kent.xlsx.xlsx",
        // nothing about these says what they were meant to be
        "kent.pdf",
        "kent.docx",
        "README",
        "kent.",
        ".csv",
        // a CSV saved from a workbook's name is not the workbook
        "kent.summary.csv.pdf",
        // four digits are a year, not a copy's number
        "kent 2015.txt",
      })
  void aNameWithNothingToSayGetsNoHint(String name) {
    assertThat(LikelyFileName.hint(name)).isEmpty();
  }

  private static final String NOT_PART_OF_A_RETURN =
      "the file is not part of a return: a return is <stem>.summary.csv with an optional"
          + " <stem>.claims.csv, or <stem>.xlsx";

  @ParameterizedTest
  @ValueSource(strings = {"kent.summary (1).csv", "kent.xls", "summary.csv"})
  void theLandingsRefusalCarriesTheHint(String name) {
    assertThat(LandingFolder.notPartOfAReturn(name))
        .isEqualTo(NOT_PART_OF_A_RETURN + "; " + LikelyFileName.hint(name).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..kent.summary (1).csv", "kent\u202e.summary (1).csv", "a/b.xls"})
  void anUnsafeNameIsNotRepeatedInAHint(String name) {
    assertThat(LandingFolder.notPartOfAReturn(name)).isEqualTo(NOT_PART_OF_A_RETURN);
  }
}
