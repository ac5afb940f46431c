package uk.gov.tfwh.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import uk.gov.tfwh.export.table.ExportColumn;
import uk.gov.tfwh.export.table.ExportTable;

/**
 * Writes one table as CSV by RFC 4180: UTF-8 with a byte order mark (so spreadsheet programs do not
 * guess a legacy code page and mangle names such as "Bath and North East Somerset" with accents or
 * dashes), a header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, and
 * quotes doubled; each field as {@link CsvCell} writes it (plain numbers, ISO dates, text
 * neutralised against formula injection).
 */
public final class CsvTableWriter {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String CRLF = "\r\n";

  private CsvTableWriter() {}

  public static void write(ExportTable table, OutputStream out) {
    try {
      out.write(BOM);
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      List<ExportColumn> columns = table.columns();
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          writer.write(',');
        }
        writer.write(CsvCell.of(columns.get(c).heading()));
      }
      writer.write(CRLF);
      for (List<Object> row : table.rows()) {
        for (int c = 0; c < row.size(); c++) {
          if (c > 0) {
            writer.write(',');
          }
          writer.write(CsvCell.of(row.get(c)));
        }
        writer.write(CRLF);
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV of " + table.name(), e);
    }
  }
}
