package uk.gov.tfwh.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * Whatever free text the warehouse holds, every export of every format is made (issue 17, finding
 * 10: one revision note over 32,767 characters failed the XLSX briefing summary for everyone): text
 * at and over a spreadsheet cell's limit, a megabyte of it, control characters, characters of other
 * planes and bidirectional controls, as authority names and revision notes.
 */
class AnyTextExportsTest {
  @TempDir Path dir;

  static List<String> texts() {
    return List.of(
        "a".repeat(32_767),
        "b".repeat(32_768),
        "=c".repeat(500_000),
        "\u0000\u0007\u001b[31mred\u007f\u0085",
        "\uD83D\uDE00 \uD835\uDD18 \uD800\uDF48 \u202Eevil\u202C",
        "e\u0301\u0301\u0301 \u200B\uFEFF");
  }

  @ParameterizedTest(name = "text of {index}")
  @MethodSource("texts")
  void everyExportIsMadeWhateverTheText(String text) throws IOException {
    Map<String, String> names = new LinkedHashMap<>();
    for (String code :
        List.of(SnapshotFixture.BIRMINGHAM, SnapshotFixture.KENT, SnapshotFixture.BRISTOL)) {
      names.put(code, text + " " + code);
    }
    String id = "20260104T000000000Z-text";
    try (ExportWarehouse warehouse = ExportWarehouse.withText(dir, id, names, text)) {
      for (TableRequest request :
          List.of(
              TableRequest.leagueTable(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
              TableRequest.payments(Phase.ONE, null),
              TableRequest.briefingSummary(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)))) {
        for (ExportFormat format : ExportFormat.values()) {
          ExportFile file = warehouse.exports.table(request, format, SnapshotSelector.byId(id));
          assertThat(file.content()).as(request.kind() + " " + format).isNotEmpty();
          if (format == ExportFormat.XLSX) {
            assertEveryCellFits(file.content(), text);
          }
          if (format == ExportFormat.CSV) {
            assertThat(new String(file.content(), StandardCharsets.UTF_8))
                .as("the CSV keeps the text whole")
                .contains(text.length() > 100 ? text.substring(0, 100) : "");
          }
        }
      }
      ExportFile pdf =
          warehouse.exports.briefingPdf(
              Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2), SnapshotSelector.byId(id));
      try (PDDocument document = Loader.loadPDF(pdf.content())) {
        assertThat(document.getNumberOfPages()).isPositive();
      }
    }
  }

  private static void assertEveryCellFits(byte[] xlsx, String text) throws IOException {
    boolean cut = false;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
              String value = cell.getStringCellValue();
              assertThat(value.length()).isLessThanOrEqualTo(32_767);
              if (value.contains("characters in all; the CSV has the full text]")) {
                cut = true;
              }
            }
          }
        }
      }
    }
    assertThat(cut)
        .as("an over-long text is cut with a word saying so")
        .isEqualTo(text.length() > 32_767 - 20);
  }
}
