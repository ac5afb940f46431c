package uk.gov.tfwh.programme.reference;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * Every version of the submission windows (reference/submission-windows.csv). Versioned like the
 * reference set: a version applies from its effective date until a later version's, so a deadline
 * moved for the future never rewrites whether an earlier return was late.
 */
public final class SubmissionWindows {

  /**
   * One row: the quarters from {@code firstPeriod} to {@code lastPeriod} of a phase have their
   * deadline {@code deadlineDays} after the quarter ends.
   */
  public record Rule(
      String version,
      LocalDate effectiveFrom,
      Phase phase,
      Quarter firstPeriod,
      Quarter lastPeriod,
      int deadlineDays) {
    public Rule {
      requireNonNull(version, "version");
      requireNonNull(effectiveFrom, "effectiveFrom");
      requireNonNull(phase, "phase");
      requireNonNull(firstPeriod, "firstPeriod");
      requireNonNull(lastPeriod, "lastPeriod");
      if (deadlineDays < 1) {
        throw new IllegalArgumentException("deadline_days must be at least 1");
      }
    }

    boolean covers(Phase p, Quarter quarter) {
      return phase == p && !quarter.isBefore(firstPeriod) && !quarter.isAfter(lastPeriod);
    }
  }

  private final List<Rule> rules;

  public SubmissionWindows(List<Rule> rules) {
    this.rules =
        rules.stream().sorted(Comparator.comparing(Rule::effectiveFrom).reversed()).toList();
  }

  public List<Rule> rules() {
    return rules;
  }

  /**
   * The window of a phase's quarter under the version in force on {@code asOf} (the day a return
   * arrives); empty when no version in force covers that quarter.
   */
  public Optional<SubmissionWindow> window(Phase phase, Quarter quarter, LocalDate asOf) {
    Optional<LocalDate> inForce =
        rules.stream().map(Rule::effectiveFrom).filter(d -> !d.isAfter(asOf)).findFirst();
    if (inForce.isEmpty()) {
      return Optional.empty();
    }
    return rules.stream()
        .filter(r -> r.effectiveFrom().equals(inForce.get()) && r.covers(phase, quarter))
        .findFirst()
        .map(
            r ->
                new SubmissionWindow(
                    phase,
                    quarter,
                    quarter.end().plusDays(1),
                    quarter.end().plusDays(r.deadlineDays()),
                    r.version()));
  }

  /**
   * Whether a return of this quarter received at this instant is late: after the deadline of the
   * version in force on the day it was received, in England. Empty when no version covers the
   * quarter. The one rule of lateness, for the submission service and the load alike.
   */
  public Optional<Boolean> isLate(Phase phase, Quarter quarter, java.time.Instant received) {
    return window(phase, quarter, received.atZone(SubmissionWindow.ENGLAND).toLocalDate())
        .map(w -> w.isLate(received));
  }
}
