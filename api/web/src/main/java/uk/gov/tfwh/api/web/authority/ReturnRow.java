package uk.gov.tfwh.api.web.authority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.warehouse.query.QueryResult;

/**
 * One version of an authority's return for a quarter, oldest first, the current one marked.
 *
 * @param version 1 for the first version received, and so on: how people name a return, with its
 *     file, rather than by its id (a 32-character hash)
 */
public record ReturnRow(
    int version,
    String returnId,
    String sourceStem,
    Instant submittedAt,
    String submittedBy,
    Long familiesAttached,
    Long turnedAround,
    String revisionNote,
    String sourceFormat,
    boolean current) {

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", java.util.Locale.UK)
          .withZone(java.time.ZoneOffset.UTC);

  /** The file the authority sent, as named in the landing folder. */
  public String fileName() {
    return "XLSX".equals(sourceFormat) ? sourceStem + ".xlsx" : sourceStem + ".summary.csv";
  }

  public String submittedText() {
    return submittedAt == null ? "" : WHEN.format(submittedAt);
  }

  public static List<ReturnRow> of(QueryResult rows) {
    List<ReturnRow> returns = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      returns.add(
          new ReturnRow(
              i + 1,
              rows.row(i).text("return_id"),
              rows.row(i).text("source_stem"),
              rows.row(i).instant("submitted_at"),
              rows.row(i).text("submitted_by"),
              rows.row(i).longValue("families_attached"),
              rows.row(i).longValue("turned_around"),
              rows.row(i).text("revision_note"),
              rows.row(i).text("source_format"),
              rows.row(i).isTrue("is_current")));
    }
    return returns;
  }

  /** Every version as the page's table; times in UTC, as spreadsheets read them. */
  public static PageTable table(List<ReturnRow> returns, Period period) {
    java.time.format.DateTimeFormatter utc =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC);
    PageTable.Builder table =
        PageTable.under(
            "Version",
            "Current",
            "File",
            "Submitted (UTC)",
            "By",
            "Families attached",
            period.outcomeHeading(),
            "Revision note");
    for (ReturnRow r : returns) {
      table.row(
          r.version(),
          r.current(),
          r.fileName(),
          r.submittedAt() == null ? null : utc.format(r.submittedAt()),
          r.submittedBy(),
          r.familiesAttached(),
          r.turnedAround(),
          r.revisionNote());
    }
    return table.build();
  }
}
