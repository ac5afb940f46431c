package uk.gov.tfwh.exports.format;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import uk.gov.tfwh.exports.table.ExportColumn;
import uk.gov.tfwh.exports.table.ExportTable;

/**
 * The one CSV writer of the service (the API's, the exports' and the pages'): RFC 4180 with a
 * header row, CRLF line ends, each field as {@link CsvCell} writes it (plain numbers, ISO dates,
 * text neutralised against formula injection, quoted when it holds a comma, quote, CR or LF), in
 * one of two {@link Dialect}s.
 */
public final class CsvTableWriter {
  private static final String CRLF = "\r\n";

  /** Who the file is for. */
  public enum Dialect {
    /**
     * For people opening it in a spreadsheet: a byte order mark (so spreadsheet programs read UTF-8
     * and do not mangle names such as "Bath and North East Somerset" in a legacy code page), then
     * optionally a {@code #} line saying what the table covers, then the headings as shown.
     */
    PEOPLE,
    /** For programs: the machine column names as the header, nothing before it, no mark. */
    PROGRAMS
  }

  private CsvTableWriter() {}

  /**
   * Writes a table and flushes {@code out}.
   *
   * @param covers what the table covers, for the people's first line; null for none (and always
   *     null for programs, whose first line is the header)
   * @param rows each row's values in the order of {@code headings}
   */
  public static void write(
      Dialect dialect,
      String covers,
      List<String> headings,
      List<? extends List<?>> rows,
      Writer out)
      throws IOException {
    requireNonNull(dialect, "dialect");
    if (dialect == Dialect.PROGRAMS && covers != null) {
      throw new IllegalArgumentException("a CSV for programs starts with its header");
    }
    if (dialect == Dialect.PEOPLE) {
      out.write('\uFEFF');
      if (covers != null) {
        out.write("# " + covers.replaceAll("[\\r\\n]+", " ") + CRLF);
      }
    }
    line(headings, out);
    for (List<?> row : rows) {
      line(row, out);
    }
    out.flush();
  }

  /** An export's table for people: the mark, then the table under its headings. */
  public static void write(ExportTable table, OutputStream out) {
    try {
      write(
          Dialect.PEOPLE,
          null,
          table.columns().stream().map(ExportColumn::heading).toList(),
          table.rows(),
          new OutputStreamWriter(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV of " + table.name(), e);
    }
  }

  private static void line(List<?> values, Writer out) throws IOException {
    for (int c = 0; c < values.size(); c++) {
      if (c > 0) {
        out.write(',');
      }
      out.write(CsvCell.of(values.get(c)));
    }
    out.write(CRLF);
  }
}
