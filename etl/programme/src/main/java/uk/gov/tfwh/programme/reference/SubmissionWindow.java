package uk.gov.tfwh.programme.reference;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * When one quarter's returns of one phase are due: the window opens the day after the quarter ends
 * and closes at the end of its deadline day, in England's time (a return received on the deadline
 * day is on time, whatever the clocks do).
 *
 * @param version the version of the windows in force when this window was asked for
 */
public record SubmissionWindow(
    Phase phase, Quarter quarter, LocalDate opensOn, LocalDate deadline, String version) {
  public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  public SubmissionWindow {
    requireNonNull(phase, "phase");
    requireNonNull(quarter, "quarter");
    requireNonNull(opensOn, "opensOn");
    requireNonNull(deadline, "deadline");
    requireNonNull(version, "version");
    if (deadline.isBefore(opensOn)) {
      throw new IllegalArgumentException("a deadline cannot precede the window's opening");
    }
  }

  /** The first instant that is late: midnight in England after the deadline day. */
  public Instant closesAt() {
    return deadline.plusDays(1).atStartOfDay(ENGLAND).toInstant();
  }

  /** Whether a return received at this instant is late. */
  public boolean isLate(Instant received) {
    return !received.isBefore(closesAt());
  }
}
