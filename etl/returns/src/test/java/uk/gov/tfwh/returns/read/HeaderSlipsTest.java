package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/**
 * A careless sender's header: a title above it, a column name written with spaces or capitals or
 * one letter off. Each is still refused by its rule, and told what to change in one finding, not a
 * list of every column of the template.
 */
class HeaderSlipsTest {
  private static final String ROW =
      "TFQR-1,E10000016,2,2015-06-30,1240,610,,2,,3,2015-06-30T16:30:00+01:00,"
          + "tf.returns@example.gov.uk,A. Director,";

  @TempDir Path dir;

  private List<String> messages(String stem, String text) {
    ReturnWriter.write(dir.resolve(stem + ".summary.csv"), text);
    ReturnOutcome outcome = ReturnWriter.read(dir, stem);
    assertThat(outcome.accepted()).as(stem).isFalse();
    return outcome.findings().stream().map(Finding::message).toList();
  }

  @Test
  void aTitleAboveTheHeaderIsOneFindingThatSaysSo() {
    assertThat(
            onlyMessage(
                "title",
                "Troubled Families quarterly return,,,,,,,,,,,,,\r\n"
                    + ReturnWriter.SUMMARY_HEADER
                    + "\r\n"
                    + ROW))
        .contains(
            "row 1 ('Troubled Families quarterly return') is above the header, which is row 2:"
                + " nothing but empty rows may come before the header; delete that row")
        .contains("[rule TFQR-S03]");
    // A title and its date, then a blank row, then the header.
    assertThat(
            onlyMessage(
                "titles",
                "Kent County Council\r\nQuarter ending,30 June 2015\r\n\r\n"
                    + ReturnWriter.SUMMARY_HEADER
                    + "\r\n"
                    + ROW))
        .contains(
            "rows 1 to 2 ('Kent County Council', 'Quarter ending', '30 June 2015') are above the"
                + " header, which is row 4: nothing but empty rows may come before the header;"
                + " delete those rows");
  }

  private String onlyMessage(String stem, String text) {
    List<String> messages = messages(stem, text);
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  /** A spreadsheet that opens the CSV shows an empty line as a row: findings count it too. */
  @Test
  void rowsAreNumberedAsASpreadsheetShowsThemEmptyLinesIncluded() {
    assertThat(
            messages(
                "empty",
                "\r\n"
                    + ReturnWriter.SUMMARY_HEADER
                    + "\r\n\r\n"
                    + ROW.replace(",1240,", ",lots,")))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("row 4, column families_identified: "));
  }

  @Test
  void aHeaderRepeatedOrARowInQuotesIsNamed() {
    assertThat(
            messages(
                "again",
                ReturnWriter.SUMMARY_HEADER
                    + "\r\n"
                    + ROW
                    + "\r\n"
                    + ReturnWriter.SUMMARY_HEADER.toUpperCase(Locale.ROOT)))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains(
                        "the summary must have exactly one data row (found 2): rows 2 and 3 (row 3"
                            + " repeats the header row, as when two files are pasted into one)"));
    assertThat(messages("quoted", ReturnWriter.SUMMARY_HEADER + "\r\n\"" + ROW + "\""))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains(
                        "row 2: the row has 1 value but the header has 14 columns (its one value"
                            + " holds the whole row: remove the quotes around the row)"));
  }

  @Test
  void aClaimsHeaderPastedAgainIsOneRejectedRowThatSaysSo() {
    String claim =
        "fam-000000000001-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH";
    new ReturnWriter(dir).claim(claim).write("joined");
    ReturnWriter.write(
        dir.resolve("joined.claims.csv"),
        ReturnWriter.CLAIMS_HEADER
            + "\r\n"
            + claim
            + "\r\n"
            + ReturnWriter.CLAIMS_HEADER
            + "\r\n"
            + claim.replace("0001-", "0002-"));

    ReturnOutcome outcome = ReturnWriter.read(dir, "joined");

    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.claims()).hasSize(2);
    assertThat(outcome.claimRowsRead()).isEqualTo(3);
    assertThat(outcome.claimRowsRejected()).isEqualTo(1);
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains(
                        "row 3, column family_ref: this row repeats the header row, as when two"
                            + " files are pasted into one: delete it")
                    .contains("[rule TFQR-C01]"));
  }

  /** A header of one huge cell: every finding names it cut, not whole. */
  @Test
  void aHugeHeaderCellIsNamedCutInEveryFinding() {
    List<String> messages = messages("huge", "x".repeat(200_000) + "\r\n" + ROW);
    assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m.length()).isLessThan(1_000));
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("column '" + "x".repeat(60) + "...'"));
  }

  @Test
  void aRowThatIsNoHeaderWithNoneAfterItKeepsItsFindings() {
    // One cell and nothing like a header after it: the first row is judged as the header it is.
    List<String> messages = messages("nothing", "just a note\r\nanother note");
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("column 'just a note' (column 1) is not in the"))
        .anySatisfy(m -> assertThat(m).contains("required column template is missing"));
    assertThat(messages).noneSatisfy(m -> assertThat(m).contains("above the header"));
  }

  @Test
  void aColumnNameWrittenAnotherWayIsToldTheTemplatesName() {
    List<String> messages =
        messages(
            "names",
            ReturnWriter.SUMMARY_HEADER
                    .replace("families_identified", "Families Identified")
                    .replace("period_end", "period-end")
                    .replace("families_attached", "familes_attached")
                + "\r\n"
                + ROW);
    assertThat(messages)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "column 'Families Identified' (column 5) is not in the summary sheet of"
                            + " the TFQR-1 template (name it families_identified, with underscores"
                            + " between its words)"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "required column families_identified is missing from the header (column"
                            + " 5, 'Families Identified', is likely it)"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "column 'period-end' (column 4) is not in the summary sheet of the TFQR-1"
                            + " template (name it period_end, with underscores between its"
                            + " words)"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "column 'familes_attached' (column 6) is not in the summary sheet of the"
                            + " TFQR-1 template (did you mean families_attached?)"));
  }

  @Test
  void aNameIsNotToldAColumnTheHeaderAlreadyHas() {
    // families_identified is there: the extra "Families Identified" is only an unknown column.
    List<String> messages =
        messages("twice", ReturnWriter.SUMMARY_HEADER + ",Families Identified\r\n" + ROW + ",1240");
    assertThat(messages)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains(
                        "column 'Families Identified' (column 15) is not in the summary sheet of"
                            + " the TFQR-1 template.")
                    .doesNotContain("name it"));
  }

  @Test
  void aPhaseOrTemplateWrittenInWordsIsToldTheValue() {
    assertThat(
            messages(
                "phase", ReturnWriter.SUMMARY_HEADER + "\r\n" + ROW.replace(",2,", ",Phase 2,")))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("phase is 'Phase 2', not 1 or 2 (write the number alone: 2)"));
    assertThat(
            messages(
                "template", ReturnWriter.SUMMARY_HEADER + "\r\n" + ROW.replace("TFQR-1", "tfqr1")))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "template is 'tfqr1', not TFQR-1 (written TFQR-1, in capitals with its"
                            + " hyphen)"));
  }
}
