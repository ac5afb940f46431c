package uk.gov.tfwh.programme.plausibility;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Target;

/**
 * How large a figure and how long a text a return may plausibly hold: beyond these a return is
 * refused with a rule of its own rather than carried into the warehouse, where one absurd value (a
 * count of ten million against a target of 425, a year 9999) used to fail the whole load. Stated
 * once here, used by the reader and quoted in docs/rules.md and docs/methodology.md.
 */
public final class ReturnBounds {
  /**
   * A count may be at most this many times the authority's target for the phase. Families
   * identified run above the target (phase 1 authorities identified about 1.2 times their targets
   * nationally; the generated history peaks at 2.1 times), so ten times leaves room for any genuine
   * return while refusing typing slips of extra digits, and keeps every percent of target within
   * the warehouse's decimal(7,1).
   */
  public static final int TARGET_MULTIPLE = 10;

  /** The bound for an authority the reference set gives no target for in the phase. */
  public static final long FAMILIES_WITHOUT_TARGET = 150_000;

  /**
   * How far in the future a submitted_at may be against the time the return is read: an authority's
   * clock or offset may be wrong by hours, never by more than a day.
   */
  public static final Duration CLOCK_ALLOWANCE = Duration.ofDays(1);

  /** Longest e-mail address (RFC 5321's path limit). */
  public static final int SUBMITTED_BY_LENGTH = 254;

  /** Longest name of a senior responsible officer. */
  public static final int SRO_SIGN_OFF_LENGTH = 200;

  /** Longest revision note: about a page, and far below a spreadsheet cell's 32,767. */
  public static final int REVISION_NOTE_LENGTH = 2_000;

  private ReturnBounds() {}

  /** The largest plausible count of families for an authority with this target (if any). */
  public static long maxFamilies(Optional<Target> target) {
    return target
        .filter(t -> t.families() > 0)
        .map(t -> (long) TARGET_MULTIPLE * t.families())
        .orElse(FAMILIES_WITHOUT_TARGET);
  }

  /**
   * Why a submitted_at is not plausible for a return of {@code quarter} read at {@code readAt}, or
   * empty when it is: not before the quarter's last day (compared as a date at the timestamp's own
   * offset, since returns are signed off on that day), not after the read time by more than {@link
   * #CLOCK_ALLOWANCE}.
   */
  public static Optional<String> implausibleSubmission(
      OffsetDateTime submittedAt, Quarter quarter, Instant readAt) {
    LocalDate signedOn = submittedAt.toLocalDate();
    if (signedOn.isBefore(quarter.end())) {
      return Optional.of(
          "is before the quarter it reports on ended ("
              + quarter.end()
              + "): a return is signed off once its quarter is over");
    }
    if (submittedAt.toInstant().isAfter(readAt.plus(CLOCK_ALLOWANCE))) {
      return Optional.of(
          "is in the future (the return was read at "
              + readAt
              + "): a return cannot be signed off after it was sent");
    }
    return Optional.empty();
  }
}
