package uk.gov.tfwh.api.web.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times on the submission pages as people in England read them: their own clock, in words. */
public final class UkTime {
  private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
  private static final DateTimeFormatter FULL =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK).withZone(ENGLAND);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ENGLAND);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ENGLAND);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK).withZone(ENGLAND);

  /** Such as "5 December 2026, 16:20:11"; empty for none. */
  public String full(Instant at) {
    return at == null ? "" : FULL.format(at);
  }

  /**
   * A deadline given as the instant it has passed (midnight after its last day), as its last day:
   * "31 July 2015, end of the day".
   */
  public String deadline(Instant closesAt) {
    return closesAt == null
        ? ""
        : DAY.format(closesAt.minusNanos(1)) + ", end of the day (UK time)";
  }

  /** Such as "5 December 2026". */
  public String day(Instant at) {
    return at == null ? "" : DAY.format(at);
  }

  /** Such as "5 December 2026, 16:20". */
  public String minute(Instant at) {
    return at == null ? "" : MINUTE.format(at);
  }

  /** Such as "5 Dec 2026 16:20", for tables. */
  public String brief(Instant at) {
    return at == null ? "" : SHORT.format(at);
  }
}
