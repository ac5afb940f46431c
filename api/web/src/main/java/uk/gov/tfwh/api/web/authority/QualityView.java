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
        rows.value(0, "status", String.class),
        Boolean.TRUE.equals(rows.value(0, "late", Boolean.class)),
        Boolean.TRUE.equals(rows.value(0, "resubmitted", Boolean.class)),
        orZero(rows.value(0, "versions", Long.class)),
        rows.value(0, "last_submitted_at", Instant.class),
        orZero(rows.value(0, "rejections", Long.class)),
        orZero(rows.value(0, "warnings", Long.class)),
        orZero(rows.value(0, "notes", Long.class)));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
