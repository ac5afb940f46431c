package uk.gov.tfwh.api.table;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;

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

  /** One cell: empty for null, plain decimals, text neutralised and quoted when it must be. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    if (value instanceof CharSequence && startsFormula(text)) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static boolean startsFormula(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }
}
