package uk.gov.tfwh.api.web.authority;

import java.time.Instant;
import uk.gov.tfwh.warehouse.query.QueryResult;

/**
 * An authority's submission status for a quarter and how many findings its return drew.
 *
 * @param status null when the warehouse has no data-quality row for it (nothing expected)
 */
public record QualityView(
    String status,
    boolean late,
    boolean resubmitted,
    long versions,
    Instant lastSubmittedAt,
    long rejections,
    long warnings,
    long notes) {

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", java.util.Locale.UK)
          .withZone(java.time.ZoneOffset.UTC);

  public String lastSubmittedText() {
    return lastSubmittedAt == null ? "" : WHEN.format(lastSubmittedAt);
  }

  public static QualityView of(QueryResult rows) {
    if (rows.isEmpty()) {
      return new QualityView(null, false, false, 0, null, 0, 0, 0);
    }
    return new QualityView(
        rows.row(0).text("status"),
        rows.row(0).isTrue("late"),
        rows.row(0).isTrue("resubmitted"),
        orZero(rows.row(0).longValue("versions")),
        rows.row(0).instant("last_submitted_at"),
        orZero(rows.row(0).longValue("rejections")),
        orZero(rows.row(0).longValue("warnings")),
        orZero(rows.row(0).longValue("notes")));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
