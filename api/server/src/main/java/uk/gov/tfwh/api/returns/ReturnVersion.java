package uk.gov.tfwh.api.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.returns.model.ReturnFileName;
import uk.gov.tfwh.warehouse.query.QueryResult;

/**
 * One version of an authority's return for a quarter, oldest first, the current one marked.
 *
 * @param version 1 for the first version received, and so on: how people name a return, with its
 *     file, rather than by its id (a 32-character hash)
 */
public record ReturnVersion(
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
    // The suffix is appended rather than nameFor used: a page showing a row must not fail on it.
    ReturnFileName.Part part =
        "XLSX".equals(sourceFormat) ? ReturnFileName.Part.WORKBOOK : ReturnFileName.Part.SUMMARY;
    return sourceStem + part.suffix();
  }

  public String submittedText() {
    return submittedAt == null ? "" : WHEN.format(submittedAt);
  }

  static List<ReturnVersion> of(QueryResult rows) {
    List<ReturnVersion> returns = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      returns.add(
          new ReturnVersion(
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
}
