package uk.gov.tfwh.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The contract's hostile example ({@code hostile-text-2013Q3.summary.csv}: a submitter "+cmd@..."
 * and a sign-off "=HYPERLINK(...)") and one name for each other risky first character, put in a
 * snapshot as authority names and revision notes, stay inert in every export: no formula cell, no
 * text cell or CSV field starting with = + - @ tab or CR, and no link in the PDF.
 */
class HostileTextTest {
  private static final String SNAPSHOT = "20260103T000000000Z-hostile";
  @TempDir static Path dir;
  private static ExportWarehouse warehouse;

  @BeforeAll
  static void open() {
    warehouse = ExportWarehouse.hostile(dir, SNAPSHOT);
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  private static List<TableRequest> requests() {
    return List.of(
        TableRequest.leagueTable(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
        TableRequest.regionTotals(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
        TableRequest.payments(Phase.ONE, null),
        TableRequest.briefingSummary(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)));
  }

  private static ExportFile export(TableRequest request, ExportFormat format) {
    return warehouse.exports.table(request, format, SnapshotSelector.current());
  }

  @Test
  void theExampleReallyIsHostile() {
    List<String> values = ExportWarehouse.hostileValues();
    assertThat(values.get(0)).startsWith("+");
    assertThat(values.get(1)).startsWith("=HYPERLINK(");
    assertThat(ExportWarehouse.hostileNames().values())
        .extracting(s -> s.charAt(0))
        .contains('=', '+', '-', '@', '\t', '\r');
  }

  @Test
  void xlsxHasNoFormulaAndNoTextThatCouldStartOne() throws IOException {
    List<String> texts = new ArrayList<>();
    for (TableRequest request : requests()) {
      byte[] bytes = export(request, ExportFormat.XLSX).content();
      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
        for (Sheet sheet : workbook) {
          for (Row row : sheet) {
            for (Cell cell : row) {
              assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
              if (cell.getCellType() == CellType.STRING) {
                String text = cell.getStringCellValue();
                texts.add(text);
                assertInert(text);
                if (text.startsWith("'")) {
                  assertThat(cell.getCellStyle().getQuotePrefixed()).as(text).isTrue();
                }
              }
            }
          }
        }
      }
    }
    assertCarriesEveryHostileValue(texts);
  }

  @Test
  void odsHasNoFormulaAndNoTextThatCouldStartOne() {
    List<String> texts = new ArrayList<>();
    for (TableRequest request : requests()) {
      // The reader fails on any cell with a formula.
      Map<String, SheetReader.Sheet> sheets =
          SheetReader.ods(export(request, ExportFormat.ODS).content());
      for (SheetReader.Sheet sheet : sheets.values()) {
        for (List<Object> row : sheet.rows()) {
          for (Object value : row) {
            if (value instanceof String text) {
              texts.add(text);
              assertInert(text);
            }
          }
        }
      }
    }
    // ODF has no carriage return in text: the writer makes it a line break, read back as LF.
    assertCarriesEveryHostileValue(texts.stream().map(t -> t.replace('\n', '\r')).toList());
  }

  @Test
  void csvHasNoFieldThatCouldStartAFormula() {
    List<String> texts = new ArrayList<>();
    for (TableRequest request : requests()) {
      for (List<String> record : SheetReader.csv(export(request, ExportFormat.CSV).content())) {
        for (String field : record) {
          texts.add(field);
          // A number (a negative change) is a number to a spreadsheet, not a formula.
          if (!field.matches("-?[0-9]+(\\.[0-9]+)?")) {
            assertInert(field);
          }
        }
      }
    }
    assertCarriesEveryHostileValue(texts);
  }

  @Test
  void thePdfShowsTheTextAsTextWithNoLinks() throws IOException {
    ExportFile file =
        warehouse.exports.briefingPdf(
            Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2), SnapshotSelector.current());
    try (PDDocument pdf = Loader.loadPDF(file.content())) {
      for (PDPage page : pdf.getPages()) {
        assertThat(page.getAnnotations()).isEmpty();
      }
      assertThat(pdf.getDocumentCatalog().getOpenAction()).isNull();
      assertThat(pdf.getDocumentCatalog().getNames()).isNull();
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains(ExportWarehouse.hostileValues().get(0));
      assertThat(text).contains("=HYPERLINK(\"http://example.invalid/x\",\"click\")");
    }
  }

  /**
   * An authority profile of an authority with a hostile name, in a snapshot whose revision notes
   * are a formula, is a valid PDF that shows them as text, with no link or action made from them.
   */
  @Test
  void aProfileShowsHostileNamesAndNotesAsTextWithNoLinks() throws IOException {
    for (Map.Entry<String, String> hostile : ExportWarehouse.hostileNames().entrySet()) {
      ExportFile file =
          warehouse.exports.authorityProfilePdf(
              hostile.getKey(),
              Phase.ONE,
              Quarter.endingOn(SnapshotFixture.Q2),
              SnapshotSelector.current());
      try (PDDocument pdf = Loader.loadPDF(file.content())) {
        for (PDPage page : pdf.getPages()) {
          assertThat(page.getAnnotations()).as(hostile.getKey()).isEmpty();
        }
        assertThat(pdf.getDocumentCatalog().getOpenAction()).isNull();
        assertThat(pdf.getDocumentCatalog().getNames()).isNull();
        String text = new PDFTextStripper().getText(pdf);
        // Control characters are drawn as spaces; the rest of the name is there, as text.
        assertThat(text).as(hostile.getKey()).contains(hostile.getValue().strip());
      }
    }
  }

  /** Text a spreadsheet would not run: nothing risky first, except after the apostrophe. */
  private static void assertInert(String text) {
    if (!text.isEmpty()) {
      assertThat("=+-@\t\r".indexOf(text.charAt(0)))
          .as("first character of [%s]", text)
          .isNegative();
    }
  }

  /** Each hostile value did reach the export (as literal text after an apostrophe). */
  private static void assertCarriesEveryHostileValue(List<String> texts) {
    for (String hostile : ExportWarehouse.hostileNames().values()) {
      assertThat(texts).as("exported texts").contains("'" + hostile);
    }
  }
}
