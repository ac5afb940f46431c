package uk.gov.tfwh.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.tfwh.exports.SheetReader.Sheet;
import uk.gov.tfwh.exports.briefing.BriefingSummarySheet;
import uk.gov.tfwh.exports.table.ColumnGuide;
import uk.gov.tfwh.exports.table.ExportWorkbook;
import uk.gov.tfwh.exports.table.NotesSheet;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * Every table export in every format read back and compared, cell by cell, with the warehouse's
 * query result for the same snapshot (what the API serves), plus the spreadsheet furniture: typed
 * cells, frozen header, filters, widths, the Notes sheet and the briefing summary.
 */
class TableExportsTest {
  @TempDir static Path dir;
  private static ExportWarehouse warehouse;

  @BeforeAll
  static void open() {
    warehouse = ExportWarehouse.fixture(dir);
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  /** Each export with the catalogue query and arguments that hold its figures. */
  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of(
            TableRequest.leagueTable(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
            Query.LEAGUE_TABLE,
            Map.of("phase", 1, "period", SnapshotFixture.Q2)),
        Arguments.of(
            TableRequest.regionTotals(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
            Query.REGION_TOTALS,
            Map.of("phase", 1, "period", SnapshotFixture.Q2)),
        Arguments.of(TableRequest.payments(Phase.ONE, null), Query.PAYMENTS, Map.of("phase", 1)),
        Arguments.of(
            TableRequest.payments(Phase.ONE, SnapshotFixture.KENT),
            Query.PAYMENTS,
            Map.of("phase", 1, "authority", SnapshotFixture.KENT)),
        Arguments.of(
            TableRequest.authorityProgress(SnapshotFixture.GATESHEAD, Phase.ONE),
            Query.AUTHORITY_PROGRESS,
            Map.of("phase", 1, "authority", SnapshotFixture.GATESHEAD)));
  }

  private static QueryResult query(String snapshot, Query query, Map<String, Object> args) {
    return warehouse.queries.run(SnapshotSelector.byId(snapshot), query, args);
  }

  private static List<String> headings(QueryResult result) {
    return result.columns().stream().map(c -> ColumnGuide.column(c).heading()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void xlsxHoldsTheQueryResultAsTypedCells(
      TableRequest request, Query query, Map<String, Object> args) {
    for (String snapshot : List.of(ExportWarehouse.PUBLISHED, ExportWarehouse.PRE_RELEASE)) {
      QueryResult expected = query(snapshot, query, args);
      assertThat(expected.size()).isPositive();
      ExportFile file =
          warehouse.exports.table(request, ExportFormat.XLSX, SnapshotSelector.byId(snapshot));

      Map<String, Sheet> sheets = SheetReader.xlsx(file.content());
      Sheet main = sheets.values().iterator().next();
      assertThat(main.header()).isEqualTo(headings(expected));
      assertThat(main.rows()).isEqualTo(SheetReader.expected(expected));
      assertNotes(sheets.get(NotesSheet.NAME), snapshot, expected);
      assertThat(file.snapshotId()).isEqualTo(snapshot);
      assertThat(file.fileName())
          .startsWith(request.fileStem())
          .endsWith(
              snapshot.equals(ExportWarehouse.PUBLISHED)
                  ? snapshot + ".xlsx"
                  : snapshot + "-PRE-RELEASE.xlsx");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void odsHoldsTheQueryResultAsTypedCells(
      TableRequest request, Query query, Map<String, Object> args) {
    for (String snapshot : List.of(ExportWarehouse.PUBLISHED, ExportWarehouse.PRE_RELEASE)) {
      QueryResult expected = query(snapshot, query, args);
      ExportFile file =
          warehouse.exports.table(request, ExportFormat.ODS, SnapshotSelector.byId(snapshot));

      Map<String, Sheet> sheets = SheetReader.ods(file.content());
      Sheet main = sheets.values().iterator().next();
      assertThat(main.header()).isEqualTo(headings(expected));
      assertThat(main.rows()).isEqualTo(SheetReader.expected(expected));
      assertNotes(sheets.get(NotesSheet.NAME), snapshot, expected);
      assertThat(file.mediaType()).isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void csvIsUtf8WithABomAndHoldsTheQueryResult(
      TableRequest request, Query query, Map<String, Object> args) {
    QueryResult expected = query(ExportWarehouse.PUBLISHED, query, args);
    ExportFile file =
        warehouse.exports.table(request, ExportFormat.CSV, SnapshotSelector.published());

    List<List<String>> records = SheetReader.csv(file.content());
    assertThat(records.get(0)).isEqualTo(headings(expected));
    assertThat(records.subList(1, records.size())).isEqualTo(SheetReader.expectedCsv(expected));
    assertThat(file.mediaType()).isEqualTo("text/csv; charset=UTF-8");
  }

  /** The Notes sheet names the snapshot and its status, and defines the table's columns. */
  private static void assertNotes(Sheet notes, String snapshot, QueryResult table) {
    assertNotes(notes, snapshot);
    Map<Object, Object> items = new HashMap<>();
    notes.rows().forEach(r -> items.put(r.get(0), r.get(1)));
    for (var column : table.columns()) {
      var exported = ColumnGuide.column(column);
      if (!exported.definition().isEmpty()) {
        assertThat(items.get(exported.heading())).isEqualTo(exported.definition());
      }
    }
  }

  private static void assertNotes(Sheet notes, String snapshot) {
    assertThat(notes).isNotNull();
    Map<Object, Object> items = new HashMap<>();
    notes.rows().forEach(r -> items.put(r.get(0), r.get(1)));
    assertThat(items.get("Source snapshot")).isEqualTo(snapshot);
    assertThat(items.get("Publication status"))
        .isEqualTo(
            snapshot.equals(ExportWarehouse.PUBLISHED)
                ? "Published"
                : "Pre-release (not yet published)");
  }

  /**
   * Issue 19, item 12: the time series as a workbook, every authority and quarter of both phases on
   * one sheet, with the definition of every column on its Notes sheet.
   */
  @Test
  void theTimeSeriesWorkbookHoldsEveryAuthorityAndQuarterWithItsColumnsDefined() {
    QueryResult expected = query(ExportWarehouse.PUBLISHED, Query.TIME_SERIES, Map.of());
    for (ExportFormat format : List.of(ExportFormat.XLSX, ExportFormat.ODS)) {
      ExportFile file =
          warehouse.exports.table(
              TableRequest.timeSeries(null), format, SnapshotSelector.published());
      assertThat(file.fileName()).startsWith("time-series-both-phases-");
      Map<String, Sheet> sheets =
          format == ExportFormat.XLSX
              ? SheetReader.xlsx(file.content())
              : SheetReader.ods(file.content());
      Sheet series = sheets.get("Time series");
      assertThat(series.rows()).as(format.name()).hasSize(expected.size()).isNotEmpty();
      assertThat(series.header()).contains("Percent of target", "Quarter", "Financial year");
      assertThat(sheets.get(NotesSheet.NAME).rows())
          .extracting(row -> String.valueOf(row.get(0)))
          .contains("Percent of target", "Financial year");
    }
    ExportFile phaseTwo =
        warehouse.exports.table(
            TableRequest.timeSeries(Phase.TWO), ExportFormat.CSV, SnapshotSelector.published());
    assertThat(phaseTwo.fileName()).startsWith("time-series-phase2-");
  }

  /** Pre-release figures are marked inside the file: its title, every data sheet, each printout. */
  @Test
  void aPreReleaseWorkbookIsMarkedOnEverySheetAndAPublishedOneOnNone() throws IOException {
    for (SnapshotSelector selector :
        List.of(SnapshotSelector.current(), SnapshotSelector.published())) {
      boolean preRelease = selector.equals(SnapshotSelector.current());
      ExportFile xlsx =
          warehouse.exports.table(
              TableRequest.leagueTable(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
              ExportFormat.XLSX,
              selector);
      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
        assertThat(
                workbook.getProperties().getCoreProperties().getTitle().startsWith("PRE-RELEASE"))
            .isEqualTo(preRelease);
        XSSFSheet data = workbook.getSheetAt(0);
        assertThat(data.getSheetName())
            .isEqualTo(preRelease ? "League table PRE-RELEASE" : "League table");
        assertThat(data.getHeader().getCenter().contains("PRE-RELEASE")).isEqualTo(preRelease);
      }
      ExportFile ods =
          warehouse.exports.table(
              TableRequest.leagueTable(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
              ExportFormat.ODS,
              selector);
      assertThat(SheetReader.ods(ods.content()).keySet())
          .contains(preRelease ? "League table PRE-RELEASE" : "League table");
    }
  }

  @Test
  void xlsxHasAFrozenFilteredHeaderWidthsAndDateAndNumberFormats() throws IOException {
    ExportFile file =
        warehouse.exports.table(
            TableRequest.leagueTable(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
            ExportFormat.XLSX,
            SnapshotSelector.published());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
      assertThat(workbook.getProperties().getCoreProperties().getTitle())
          .isEqualTo("League table, phase 1 2013Q3");
      XSSFSheet sheet = workbook.getSheet("League table");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:Q8");
      assertThat(sheet.getColumnWidth(1)).isEqualTo((28 + 2) * 256);
      Row first = sheet.getRow(1);
      assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      assertThat(first.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0.0");
      assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
      assertThat(workbook.getSheetName(1)).isEqualTo(NotesSheet.NAME);
    }
    ExportFile payments =
        warehouse.exports.table(
            TableRequest.payments(Phase.ONE, null),
            ExportFormat.XLSX,
            SnapshotSelector.published());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(payments.content()))) {
      Row first = workbook.getSheetAt(0).getRow(1);
      int period = -1;
      Row header = workbook.getSheetAt(0).getRow(0);
      for (int c = 0; c < header.getLastCellNum(); c++) {
        if (header.getCell(c).getStringCellValue().equals("Quarter end")) {
          period = c;
        }
      }
      assertThat(first.getCell(period).getCellStyle().getDataFormatString())
          .isEqualTo("yyyy-mm-dd");
    }
  }

  @Test
  void theBriefingSummarySheetHoldsTheBriefingsFiguresInBothFormats() {
    QueryResult national =
        query(
            ExportWarehouse.PRE_RELEASE,
            Query.NATIONAL_TOTALS,
            Map.of("phase", 1, "period", SnapshotFixture.Q2));
    QueryResult league =
        query(
            ExportWarehouse.PRE_RELEASE,
            Query.LEAGUE_TABLE,
            Map.of("phase", 1, "period", SnapshotFixture.Q2));
    for (ExportFormat format : List.of(ExportFormat.XLSX, ExportFormat.ODS)) {
      ExportFile file =
          warehouse.exports.table(
              TableRequest.briefingSummary(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2)),
              format,
              SnapshotSelector.current());
      Map<String, Sheet> sheets =
          format == ExportFormat.XLSX
              ? SheetReader.xlsx(file.content())
              : SheetReader.ods(file.content());
      // The current snapshot is pre-release: the sheet's name says so.
      Sheet summary = sheets.get(BriefingSummarySheet.NAME + " " + ExportWorkbook.PRE_RELEASE);
      List<Object> headline = summary.rows().get(0);
      assertThat(headline.subList(0, 8))
          .as(format.name())
          .containsExactly(
              "Headline",
              null,
              "E92000001",
              "England",
              SnapshotFixture.Q2,
              dec(national.value(0, "turned_around", Long.class)),
              dec(national.value(0, "target_families", Long.class)),
              national.value(0, "percent_of_target", BigDecimal.class).stripTrailingZeros());
      List<List<Object>> top =
          summary.rows().stream().filter(r -> "Top ten".equals(r.get(0))).toList();
      assertThat(top).hasSize(league.size());
      for (int r = 0; r < league.size(); r++) {
        assertThat(top.get(r).get(2)).isEqualTo(league.value(r, "authority_code", String.class));
        assertThat(top.get(r).get(5)).isEqualTo(dec(league.value(r, "turned_around", Long.class)));
      }
      assertNotes(sheets.get(NotesSheet.NAME), ExportWarehouse.PRE_RELEASE);
      assertThat(sheets.get(NotesSheet.NAME).rows())
          .anySatisfy(
              r ->
                  assertThat(r)
                      .containsExactly("Turned around", ColumnGuide.definition("turned_around")));
    }
  }

  @Test
  void badRequestsNameTheArgument() {
    assertThatThrownBy(() -> TableRequest.leagueTable(Phase.ONE, null))
        .hasMessageContaining("period");
    assertThatThrownBy(() -> TableRequest.authorityProgress("Birmingham", Phase.ONE))
        .hasMessageContaining("authority");
    assertThatThrownBy(() -> TableRequest.payments(null, null)).hasMessageContaining("phase");
    assertThatThrownBy(() -> ExportFormat.of("pdf")).hasMessageContaining("format");
  }

  private static BigDecimal dec(long value) {
    return BigDecimal.valueOf(value).stripTrailingZeros();
  }
}
