package uk.gov.tfwh.exports.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import uk.gov.tfwh.exports.table.CellKind;
import uk.gov.tfwh.exports.table.ExportColumn;
import uk.gov.tfwh.exports.table.ExportTable;
import uk.gov.tfwh.exports.table.ExportWorkbook;
import uk.gov.tfwh.exports.table.NotesSheet;

/**
 * Writes a workbook as XLSX with Apache POI: one sheet per table plus Notes; numbers, dates and
 * booleans as typed cells with a number format; text as string cells (risky text also
 * quote-prefixed, see {@link FormulaSafeText}); a bold, frozen header row with an autofilter; fixed
 * column widths (measured widths need AWT fonts and are slow and machine-dependent).
 */
public final class XlsxWorkbookWriter {
  private XlsxWorkbookWriter() {}

  public static void write(ExportWorkbook workbook, OutputStream out) {
    SXSSFWorkbook xlsx = new SXSSFWorkbook(null, -1, false, false);
    try {
      Styles styles = new Styles(xlsx);
      for (ExportTable table : workbook.tables()) {
        SXSSFSheet sheet = writeSheet(xlsx, table, styles, true);
        if (!workbook.provenance().published()) {
          // Printed at the top of every page of the sheet.
          sheet.getHeader().setCenter("OFFICIAL-SENSITIVE: PRE-RELEASE, not yet published");
        }
      }
      writeSheet(xlsx, NotesSheet.of(workbook), styles, false);
      xlsx.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(workbook.title());
      xlsx.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("tfwh");
      xlsx.getXSSFWorkbook()
          .getProperties()
          .getCoreProperties()
          .setDescription(
              "Source snapshot "
                  + workbook.provenance().snapshotId()
                  + "; "
                  + workbook.provenance().status());
      xlsx.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the XLSX of " + workbook.title(), e);
    } finally {
      // Deletes the rows' temporary file.
      xlsx.dispose();
    }
  }

  private static SXSSFSheet writeSheet(
      SXSSFWorkbook xlsx, ExportTable table, Styles styles, boolean filter) {
    SXSSFSheet sheet = xlsx.createSheet(table.name());
    List<ExportColumn> columns = table.columns();
    Row header = sheet.createRow(0);
    for (int c = 0; c < columns.size(); c++) {
      Cell cell = header.createCell(c);
      setText(cell, columns.get(c).heading(), styles.header, styles.headerLiteral);
      sheet.setColumnWidth(c, Math.min(255, columns.get(c).widthChars() + 2) * 256);
    }
    for (int r = 0; r < table.rows().size(); r++) {
      List<Object> values = table.rows().get(r);
      Row row = sheet.createRow(r + 1);
      for (int c = 0; c < values.size(); c++) {
        Object value = values.get(c);
        if (value == null) {
          continue;
        }
        Cell cell = row.createCell(c);
        CellKind kind = columns.get(c).kind();
        switch (kind) {
          case TEXT -> setText(cell, (String) value, styles.text, styles.literal);
          case COUNT -> cell.setCellValue(((Number) value).doubleValue());
          case PERCENT, MONEY -> cell.setCellValue(((BigDecimal) value).doubleValue());
          case DATE -> cell.setCellValue((LocalDate) value);
          case TIMESTAMP ->
              cell.setCellValue(((Instant) value).atOffset(ZoneOffset.UTC).toLocalDateTime());
          case YES_NO -> cell.setCellValue((Boolean) value);
        }
        if (kind != CellKind.TEXT) {
          cell.setCellStyle(styles.byKind.get(kind));
        }
      }
    }
    sheet.createFreezePane(0, 1);
    if (filter && !columns.isEmpty()) {
      sheet.setAutoFilter(new CellRangeAddress(0, table.rows().size(), 0, columns.size() - 1));
    }
    return sheet;
  }

  /** Excel refuses a cell of more characters than this (and POI throws): the file would fail. */
  static final int CELL_LIMIT = 32_767;

  private static void setText(Cell cell, String text, CellStyle plain, CellStyle literal) {
    boolean risky = FormulaSafeText.needsNeutralising(text);
    cell.setCellValue(withinCellLimit(FormulaSafeText.neutralise(text)));
    cell.setCellStyle(risky ? literal : plain);
  }

  /**
   * Text cut to what a cell holds, saying so in the cell: the warehouse keeps free text as sent,
   * and one long revision note must not fail the workbook for everyone (the CSV and ODS keep it
   * whole).
   */
  static String withinCellLimit(String text) {
    if (text == null || text.length() <= CELL_LIMIT) {
      return text;
    }
    String marker =
        " [cut: "
            + String.format(java.util.Locale.UK, "%,d", text.length())
            + " characters in all; the CSV has the full text]";
    int keep = CELL_LIMIT - marker.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--; // never cut a character in two
    }
    return text.substring(0, keep) + marker;
  }

  /** Cell styles, made once per workbook (a workbook holds at most 64,000). */
  private static final class Styles {
    final CellStyle header;
    final CellStyle headerLiteral;
    final CellStyle text;
    final CellStyle literal;
    final Map<CellKind, CellStyle> byKind = new EnumMap<>(CellKind.class);

    Styles(Workbook xlsx) {
      DataFormat format = xlsx.createDataFormat();
      Font bold = xlsx.createFont();
      bold.setBold(true);
      header = xlsx.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.TOP);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setDataFormat(format.getFormat("@"));
      headerLiteral = xlsx.createCellStyle();
      headerLiteral.cloneStyleFrom(header);
      headerLiteral.setQuotePrefixed(true);
      text = xlsx.createCellStyle();
      text.setDataFormat(format.getFormat("@"));
      text.setVerticalAlignment(VerticalAlignment.TOP);
      text.setWrapText(true);
      literal = xlsx.createCellStyle();
      literal.cloneStyleFrom(text);
      literal.setQuotePrefixed(true);
      byKind.put(CellKind.COUNT, numberStyle(xlsx, format, "#,##0"));
      byKind.put(CellKind.PERCENT, numberStyle(xlsx, format, "0.0"));
      byKind.put(CellKind.MONEY, numberStyle(xlsx, format, "\"£\"#,##0.00"));
      byKind.put(CellKind.DATE, numberStyle(xlsx, format, "yyyy-mm-dd"));
      byKind.put(CellKind.TIMESTAMP, numberStyle(xlsx, format, "yyyy-mm-dd hh:mm:ss"));
      byKind.put(CellKind.YES_NO, numberStyle(xlsx, format, "General"));
    }

    private static CellStyle numberStyle(Workbook xlsx, DataFormat format, String pattern) {
      CellStyle style = xlsx.createCellStyle();
      style.setDataFormat(format.getFormat(pattern));
      style.setVerticalAlignment(VerticalAlignment.TOP);
      return style;
    }
  }
}
