package uk.gov.tfwh.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import uk.gov.tfwh.exports.format.FormulaSafeText;
import uk.gov.tfwh.warehouse.query.QueryResult;

/**
 * Reads exports back with independent readers (POI, ODF Toolkit, Commons CSV) into plain values, so
 * a test can compare them with the warehouse's query result: whole numbers and decimals as
 * BigDecimal, dates as LocalDate, timestamps as LocalDateTime (UTC), text, booleans, null. Every
 * read also checks that no cell holds a formula.
 */
final class SheetReader {
  /** A sheet: its header row and the rows below it. */
  record Sheet(String name, List<String> header, List<List<Object>> rows) {}

  private SheetReader() {}

  static Map<String, Sheet> xlsx(byte[] bytes) {
    Map<String, Sheet> sheets = new LinkedHashMap<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
        XSSFSheet sheet = workbook.getSheetAt(s);
        Row headerRow = sheet.getRow(0);
        int width = headerRow.getLastCellNum();
        List<String> header = new ArrayList<>();
        for (int c = 0; c < width; c++) {
          header.add(headerRow.getCell(c).getStringCellValue());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          List<Object> values = new ArrayList<>();
          for (int c = 0; c < width; c++) {
            values.add(row == null ? null : xlsxValue(row.getCell(c)));
          }
          rows.add(values);
        }
        sheets.put(sheet.getSheetName(), new Sheet(sheet.getSheetName(), header, rows));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sheets;
  }

  private static Object xlsxValue(Cell cell) {
    if (cell == null) {
      return null;
    }
    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
    return switch (cell.getCellType()) {
      case BLANK -> null;
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> cell.getBooleanCellValue();
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(cell)) {
          LocalDateTime time = cell.getLocalDateTimeCellValue();
          yield cell.getCellStyle().getDataFormatString().contains("h") ? time : time.toLocalDate();
        }
        yield BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
      }
      default -> throw new AssertionError("unexpected cell type " + cell.getCellType());
    };
  }

  static Map<String, Sheet> ods(byte[] bytes) {
    Map<String, Sheet> sheets = new LinkedHashMap<>();
    try (OdfSpreadsheetDocument document =
        OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(bytes))) {
      for (OdfTable table : document.getTableList(false)) {
        int width = table.getColumnCount();
        List<String> header = new ArrayList<>();
        for (int c = 0; c < width; c++) {
          header.add(table.getCellByPosition(c, 0).getStringValue());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 1; r < table.getRowCount(); r++) {
          List<Object> values = new ArrayList<>();
          for (int c = 0; c < width; c++) {
            values.add(odsValue(table.getCellByPosition(c, r)));
          }
          rows.add(values);
        }
        sheets.put(table.getTableName(), new Sheet(table.getTableName(), header, rows));
      }
    } catch (Exception e) {
      throw new AssertionError("cannot read the ODS back", e);
    }
    return sheets;
  }

  private static Object odsValue(OdfTableCell cell) {
    assertThat(cell.getFormula()).as("formula of a cell").isNull();
    String type = cell.getValueType();
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "string" -> cell.getStringValue();
      case "float" ->
          new BigDecimal(cell.getOdfElement().getOfficeValueAttribute().toString())
              .stripTrailingZeros();
      case "boolean" -> cell.getBooleanValue();
      case "date" -> {
        String value = cell.getOdfElement().getOfficeDateValueAttribute();
        yield value.contains("T") ? LocalDateTime.parse(value) : LocalDate.parse(value);
      }
      default -> throw new AssertionError("unexpected value type " + type);
    };
  }

  /** The CSV's records after checking and dropping the byte order mark. */
  static List<List<String>> csv(byte[] bytes) {
    assertThat(Arrays.copyOf(bytes, 3))
        .as("UTF-8 byte order mark")
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    try {
      List<List<String>> records = new ArrayList<>();
      for (CSVRecord record :
          CSVFormat.RFC4180.parse(
              new InputStreamReader(
                  new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8))) {
        records.add(record.toList());
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A query result's rows as a spreadsheet export should hold them. */
  static List<List<Object>> expected(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      rows.add(row.stream().map(SheetReader::expectedValue).toList());
    }
    return rows;
  }

  /** A query result's rows as the CSV export should write them. */
  static List<List<String>> expectedCsv(QueryResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      rows.add(
          row.stream()
              .map(
                  v ->
                      v == null
                          ? ""
                          : v instanceof String s
                              ? FormulaSafeText.neutralise(s)
                              : v instanceof BigDecimal d ? d.toPlainString() : v.toString())
              .toList());
    }
    return rows;
  }

  private static Object expectedValue(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue()).stripTrailingZeros();
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros();
    }
    if (value instanceof Instant i) {
      return i.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof String s) {
      return FormulaSafeText.neutralise(s);
    }
    return value;
  }
}
