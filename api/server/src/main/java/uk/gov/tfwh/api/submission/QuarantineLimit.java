package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How much of an authority's rejected uploads the service keeps in a day. Every rejected upload is
 * kept in quarantine for the record, so without a bound one signed-in coordinator could fill the
 * disk with rejected 50 MiB files; past the bound an upload is refused before anything of it is
 * written (HTTP 429) until the oldest counted upload is a day old. A careless sender trying again
 * stays far below it: a return is kilobytes, and a dozen attempts a day is a great many.
 *
 * @param uploads rejected uploads an authority may have in quarantine from the last {@code window}
 * @param bytes their files' bytes
 * @param window how far back they count
 */
public record QuarantineLimit(int uploads, long bytes, Duration window) {
  public static final QuarantineLimit DEFAULTS =
      new QuarantineLimit(200, 256L * 1024 * 1024, Duration.ofDays(1));

  public QuarantineLimit {
    requireNonNull(window, "window");
    if (uploads < 1 || bytes < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "a quarantine limit is positive: " + uploads + ", " + bytes);
    }
  }

  /** Whether an authority with these submissions may send another upload at {@code now}. */
  boolean allowsAnother(List<SubmissionRecord> ofAuthority, Instant now) {
    Instant since = now.minus(window);
    int count = 0;
    long size = 0;
    for (SubmissionRecord record : ofAuthority) {
      if (record.state() == SubmissionState.REJECTED && record.receivedAt().isAfter(since)) {
        count++;
        for (SubmissionRecord.StoredFile file : record.files()) {
          size += file.sizeBytes();
        }
      }
    }
    return count < uploads && size < bytes;
  }
}
