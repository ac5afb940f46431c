package uk.gov.tfwh.generator.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Writes a table as RFC 4180 CSV in UTF-8, in an authority's {@link FileStyle}. */
public final class CsvWriter {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvWriter() {}

  public static byte[] write(Table table, FileStyle style) {
    List<Integer> order = style.order(table.header().size());
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < order.size(); i++) {
      text.append(i == 0 ? "" : ",")
          .append(field(style.headerName(table.header().get(order.get(i)))));
    }
    text.append(style.lineEnd());
    for (List<Object> row : table.rows()) {
      for (int i = 0; i < order.size(); i++) {
        int column = order.get(i);
        text.append(i == 0 ? "" : ",").append(field(column < row.size() ? row.get(column) : null));
      }
      // A row longer than the header (a ragged row) keeps its extra values at the end.
      for (int column = order.size(); column < row.size(); column++) {
        text.append(',').append(field(row.get(column)));
      }
      text.append(style.lineEnd());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + 3);
    if (style.byteOrderMark()) {
      bytes.writeBytes(BOM);
    }
    bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof LocalDate date ? date.toString() : value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
