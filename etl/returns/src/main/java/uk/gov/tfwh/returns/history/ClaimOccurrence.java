package uk.gov.tfwh.returns.history;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.OffsetDateTime;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.rules.Location;

/**
 * One claim of a family, as {@link NationalClaimCheck} needs it: who claimed what, when, and where
 * the row is.
 *
 * @param authorityCode the claiming authority's current code
 * @param arrival when its return reached the warehouse: the order claims are judged in
 * @param file the claims file or workbook the row is in
 * @param row the 1-based row in the claims sheet
 */
public record ClaimOccurrence(
    String familyRef,
    String authorityCode,
    Phase phase,
    Quarter quarter,
    Arrival arrival,
    ClaimResult result,
    String returnId,
    String file,
    int row)
    implements Serializable {
  public ClaimOccurrence {
    requireNonNull(familyRef, "familyRef");
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(phase, "phase");
    requireNonNull(quarter, "quarter");
    requireNonNull(arrival, "arrival");
    requireNonNull(result, "result");
    requireNonNull(returnId, "returnId");
    requireNonNull(file, "file");
  }

  /** A claim of a return received when it says it was signed off, by the first load. */
  public ClaimOccurrence(
      String familyRef,
      String authorityCode,
      Phase phase,
      Quarter quarter,
      OffsetDateTime submittedAt,
      ClaimResult result,
      String returnId,
      String file,
      int row) {
    this(
        familyRef,
        authorityCode,
        phase,
        quarter,
        new Arrival(0, submittedAt.toInstant(), submittedAt),
        result,
        returnId,
        file,
        row);
  }

  public OffsetDateTime submittedAt() {
    return arrival.submittedAt();
  }

  /**
   * The occurrence of an accepted claim of an accepted return. For a CSV return the claims file is
   * the source's second file; for a workbook, the workbook.
   */
  public static ClaimOccurrence of(ReturnOutcome outcome, Claim claim) {
    ReturnSummary summary =
        outcome
            .summary()
            .orElseThrow(() -> new IllegalArgumentException("a rejected return has no claims"));
    var files = outcome.source().files();
    String file = files.get(files.size() - 1).name();
    return new ClaimOccurrence(
        claim.familyRef(),
        summary.authorityCode(),
        summary.phase(),
        summary.quarter(),
        summary.submittedAt(),
        claim.result(),
        outcome.source().id(),
        file,
        claim.row());
  }

  Location at(String column) {
    return Location.ofCell(file, Location.CLAIMS, row, column);
  }

  String describe() {
    return result
        + " claimed by "
        + authorityCode
        + " in its "
        + quarter
        + " return ("
        + file
        + ", row "
        + row
        + ")";
  }
}
