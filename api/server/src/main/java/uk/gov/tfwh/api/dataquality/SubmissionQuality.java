package uk.gov.tfwh.api.dataquality;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;

/**
 * An authority's submission status for a quarter and how many findings its return drew, as {@code
 * data_quality.sql} decides it.
 *
 * @param status null when the warehouse has no data-quality row for it (nothing expected)
 */
public record SubmissionQuality(
    String authorityCode,
    String authorityName,
    String regionName,
    String status,
    boolean late,
    boolean resubmitted,
    long versions,
    Instant firstSubmittedAt,
    Instant lastSubmittedAt,
    long rejections,
    long warnings,
    long notes) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

  /** An authority the warehouse expects nothing from in the quarter. */
  public static SubmissionQuality nothingExpected(String authorityCode) {
    return new SubmissionQuality(
        authorityCode, null, null, null, false, false, 0, null, null, 0, 0, 0);
  }

  public String lastSubmittedText() {
    return lastSubmittedAt == null ? "" : WHEN.format(lastSubmittedAt);
  }

  static List<SubmissionQuality> of(QueryResult rows) {
    List<SubmissionQuality> lines = new ArrayList<>(rows.size());
    for (ResultRow row : rows) {
      lines.add(
          new SubmissionQuality(
              row.text("authority_code"),
              row.text("authority_name"),
              row.text("region_name"),
              row.text("status"),
              row.isTrue("late"),
              row.isTrue("resubmitted"),
              orZero(row.longValue("versions")),
              row.instant("first_submitted_at"),
              row.instant("last_submitted_at"),
              orZero(row.longValue("rejections")),
              orZero(row.longValue("warnings")),
              orZero(row.longValue("notes"))));
    }
    return lines;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
