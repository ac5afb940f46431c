package uk.gov.tfwh.api.web.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.exports.format.CsvTableWriter;
import uk.gov.tfwh.exports.format.CsvTableWriter.Dialect;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;

/**
 * A page's table as a CSV for people (the API's CSV is the programs'): a byte-order mark so
 * spreadsheets read UTF-8, a first line saying what it covers, then the table under the page's
 * headings, formula-safe as every CSV of the service. One shape for every page that offers one.
 */
public final class SpreadsheetCsv {
  private SpreadsheetCsv() {}

  /**
   * What a page's table covers, for the CSV's first line: the table, the phase and quarter, the
   * snapshot and whether it is published, then any filters.
   *
   * @param what the table's subject, such as "Kent (E10000016): payments"
   * @param period the phase and quarter chosen on the page
   * @param snapshot the snapshot the table is read from
   * @param filters further filters and order as the page states them, or none
   */
  public static String covers(
      String what, Period period, PinnedSnapshot snapshot, String... filters) {
    StringBuilder line =
        new StringBuilder(what)
            .append(", phase ")
            .append(period.phase())
            .append(", quarter ")
            .append(period.label())
            .append(" (ending ")
            .append(period.end())
            .append("), snapshot ")
            .append(snapshot.id())
            .append(snapshot.preRelease() ? " (PRE-RELEASE, not yet published)" : " (published)");
    for (String filter : filters) {
      line.append(", ").append(filter);
    }
    return line.toString();
  }

  /**
   * The file name for a page's table: its name, the phase and quarter, the snapshot, and the
   * pre-release marking where it applies, so a saved file says what it holds.
   */
  public static String fileName(String table, Period period, PinnedSnapshot snapshot) {
    return table
        + "-phase"
        + period.phase()
        + "-"
        + period.label()
        + "-"
        + snapshot.id()
        + (snapshot.preRelease() ? "-PRE-RELEASE" : "")
        + ".csv";
  }

  /**
   * @param fileName the attachment's name, ending {@code .csv}
   * @param snapshotId the snapshot the figures come from, or null when they come from none
   * @param covers what the table covers (phase, quarter, snapshot, filters), for its first line
   */
  public static void write(
      HttpServletResponse response,
      String fileName,
      String snapshotId,
      String covers,
      PageTable table)
      throws IOException {
    write(response, fileName, snapshotId, covers, table.headings(), table.rows());
  }

  /**
   * As {@link #write(HttpServletResponse, String, String, String, PageTable)}, for a table built
   * with its headings by the service.
   */
  public static void write(
      HttpServletResponse response, String fileName, String snapshotId, String covers, Table table)
      throws IOException {
    write(response, fileName, snapshotId, covers, table.columns(), table.valueRows());
  }

  private static void write(
      HttpServletResponse response,
      String fileName,
      String snapshotId,
      String covers,
      List<String> headings,
      List<? extends List<?>> rows)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    if (snapshotId != null) {
      response.setHeader("X-Tfwh-Snapshot", snapshotId);
    }
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    CsvTableWriter.write(
        Dialect.PEOPLE,
        covers,
        headings,
        rows,
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
  }
}
