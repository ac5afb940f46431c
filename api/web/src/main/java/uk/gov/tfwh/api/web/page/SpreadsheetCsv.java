package uk.gov.tfwh.api.web.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import uk.gov.tfwh.api.table.CsvWriter;
import uk.gov.tfwh.api.table.Table;

/**
 * A page's table as a CSV for people (the API's CSV is the programs'): a byte-order mark so
 * spreadsheets read UTF-8, a first line saying what it covers, then the table under its headings,
 * formula-safe as every CSV of the service. One shape for every page that offers one.
 */
public final class SpreadsheetCsv {
  private SpreadsheetCsv() {}

  /**
   * @param fileName the attachment's name, ending {@code .csv}
   * @param snapshotId the snapshot the figures come from, or null when they come from none
   * @param covers what the table covers (phase, quarter, snapshot, filters), for its first line
   */
  public static void write(
      HttpServletResponse response, String fileName, String snapshotId, String covers, Table table)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    if (snapshotId != null) {
      response.setHeader("X-Tfwh-Snapshot", snapshotId);
    }
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    out.write('\uFEFF');
    out.write("# " + covers + "\r\n");
    CsvWriter.write(table, out);
    out.flush();
  }
}
