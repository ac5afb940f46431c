package uk.gov.tfwh.returns.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * The one summary row of a return that passed every return-level rule, conformed: the authority is
 * its current code (the submitted code is kept), and result columns that do not apply to the phase
 * are null. Text fields are exactly as given; {@code row} is the 1-based row it was read from (the
 * header is row 1), for messages about it.
 */
public record ReturnSummary(
    int row,
    String authorityCode,
    String submittedAuthorityCode,
    Phase phase,
    Quarter quarter,
    long familiesIdentified,
    long familiesAttached,
    Long resultsCrimeAsbEducation,
    long resultsContinuousEmployment,
    Long resultsProgressToWork,
    Long resultsSustainedProgress,
    OffsetDateTime submittedAt,
    String submittedBy,
    String sroSignOff,
    String revisionNote)
    implements Serializable {
  public ReturnSummary {
    if (row < 2) {
      throw new IllegalArgumentException("the summary's data row follows the header, not " + row);
    }
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(submittedAuthorityCode, "submittedAuthorityCode");
    requireNonNull(phase, "phase");
    requireNonNull(quarter, "quarter");
    requireNonNull(submittedAt, "submittedAt");
    requireNonNull(submittedBy, "submittedBy");
    requireNonNull(sroSignOff, "sroSignOff");
  }

  /** The cumulative figures the summary gives, by result: those of its phase's results. */
  public ByResult<Long> results() {
    Map<ClaimResult, Long> given = new EnumMap<>(ClaimResult.class);
    for (ClaimResult result : ClaimResult.values()) {
      cumulative(result).ifPresent(figure -> given.put(result, figure));
    }
    return ByResult.counts(given);
  }

  /** The cumulative figure the summary gives for a claimable result; empty if not in its phase. */
  public java.util.Optional<Long> cumulative(ClaimResult result) {
    return java.util.Optional.ofNullable(
        switch (result) {
          case CRIME_ASB_EDUCATION -> resultsCrimeAsbEducation;
          case CONTINUOUS_EMPLOYMENT -> resultsContinuousEmployment;
          case PROGRESS_TO_WORK -> resultsProgressToWork;
          case SUSTAINED_PROGRESS -> resultsSustainedProgress;
        });
  }
}
