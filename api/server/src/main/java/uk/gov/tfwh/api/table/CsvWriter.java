package uk.gov.tfwh.api.table;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import uk.gov.tfwh.export.format.CsvCell;

/**
 * Writes a {@link Table} as RFC 4180 CSV (comma, CRLF, quotes doubled) with a header row. Text that
 * a spreadsheet would run as a formula (starting {@code = + - @}, tab or carriage return) is
 * prefixed with {@code '} (OWASP's advice on CSV injection): authorities' free text reaches these
 * files. Numbers are written as numbers, so a negative change stays a number.
 */
public final class CsvWriter {
  private CsvWriter() {}

  public static void write(Table table, Writer out) throws IOException {
    for (int i = 0; i < table.columns().size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(table.columns().get(i)));
    }
    out.write("\r\n");
    for (Map<String, Object> row : table.rows()) {
      int i = 0;
      for (String column : table.columns()) {
        if (i++ > 0) {
          out.write(',');
        }
        out.write(cell(row.get(column)));
      }
      out.write("\r\n");
    }
    out.flush();
  }

  /** One cell, as every CSV of the service writes it ({@link CsvCell}). */
  static String cell(Object value) {
    return CsvCell.of(value);
  }
}
