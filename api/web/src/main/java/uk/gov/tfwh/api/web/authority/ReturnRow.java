package uk.gov.tfwh.api.web.authority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.warehouse.query.QueryResult;

/** One version of an authority's return for a quarter, oldest first, the current one marked. */
public record ReturnRow(
    String returnId,
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

  public String submittedText() {
    return submittedAt == null ? "" : WHEN.format(submittedAt);
  }

  public static List<ReturnRow> of(QueryResult rows) {
    List<ReturnRow> returns = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      returns.add(
          new ReturnRow(
              rows.value(i, "return_id", String.class),
              rows.value(i, "submitted_at", Instant.class),
              rows.value(i, "submitted_by", String.class),
              rows.value(i, "families_attached", Long.class),
              rows.value(i, "turned_around", Long.class),
              rows.value(i, "revision_note", String.class),
              rows.value(i, "source_format", String.class),
              Boolean.TRUE.equals(rows.value(i, "is_current", Boolean.class))));
    }
    return returns;
  }
}
