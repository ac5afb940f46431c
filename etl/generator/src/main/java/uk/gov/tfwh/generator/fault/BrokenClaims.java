package uk.gov.tfwh.generator.fault;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import uk.gov.tfwh.generator.document.ClaimRow;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * Broken claim rows for a phase 2 return, each breaking exactly one claim rule, as the rows of the
 * contract's {@code bad-claims-leeds-2016Q1} example do. The loader refuses the row alone; the
 * return's valid claims still reconcile with its summary.
 */
public final class BrokenClaims {
  private BrokenClaims() {}

  /** A broken row and what is wrong with it. */
  public record Broken(ClaimRow row, String detail) {}

  /**
   * A broken row of this kind, or empty when this return cannot carry it (a duplicate needs a claim
   * in the return, an already-paid family needs one in an earlier return).
   *
   * @param valid the return's valid claims
   * @param earlierOutcomeRef a family paid an outcome in an earlier return of this authority, or
   *     null
   * @param newRef makes the reference of a family never claimed
   */
  public static Optional<Broken> row(
      FaultKind kind,
      Quarter quarter,
      List<ClaimRow> valid,
      String earlierOutcomeRef,
      Supplier<String> newRef,
      SplittableRandom random) {
    LocalDate achieved = quarter.start().plusDays(random.nextInt(80));
    LocalDate attached = achieved.minusDays(90 + random.nextInt(200));
    ClaimRow good =
        new ClaimRow(
            newRef.get(), attached, "SUSTAINED_PROGRESS", achieved, "CRIME_ASB;SCHOOL_ATTENDANCE");
    return switch (kind) {
      case BAD_FAMILY_REF -> {
        String ref = "FAM " + random.nextInt(100_000);
        yield Optional.of(new Broken(good.withFamilyRef(ref), "family_ref '" + ref + "'"));
      }
      case ATTACHED_AFTER_ACHIEVED -> {
        LocalDate late = achieved.plusDays(1 + random.nextInt(5));
        if (late.isAfter(quarter.end())) {
          late = achieved;
          achieved = achieved.minusDays(3);
        }
        yield Optional.of(
            new Broken(
                good.withDates(late, achieved),
                "attached_on " + late + " after achieved_on " + achieved));
      }
      case RESULT_NOT_IN_PHASE ->
          Optional.of(
              new Broken(
                  good.withResult("CRIME_ASB_EDUCATION"), "phase 1 result CRIME_ASB_EDUCATION"));
      case ACHIEVED_AFTER_QUARTER -> {
        LocalDate after = quarter.end().plusDays(5 + random.nextInt(30));
        yield Optional.of(
            new Broken(
                good.withDates(quarter.start().plusDays(10), after),
                "achieved_on " + after + " after the quarter"));
      }
      case UNKNOWN_PROBLEM ->
          Optional.of(
              new Broken(
                  good.withProblems("CRIME_ASB;SCHOOL_ATTENDANCE;TELEPATHY"),
                  "unknown problem TELEPATHY"));
      case TOO_FEW_PROBLEMS ->
          Optional.of(new Broken(good.withProblems("HEALTH"), "one problem at entry"));
      case DUPLICATE_IN_RETURN -> {
        if (valid.isEmpty()) {
          yield Optional.empty();
        }
        ClaimRow first = valid.get(random.nextInt(valid.size()));
        yield Optional.of(
            new Broken(first, "family " + first.familyRef() + " claimed twice in the return"));
      }
      case ALREADY_PAID -> {
        if (earlierOutcomeRef == null) {
          yield Optional.empty();
        }
        yield Optional.of(
            new Broken(
                good.withFamilyRef(earlierOutcomeRef),
                "family " + earlierOutcomeRef + " already paid in an earlier quarter"));
      }
      default -> throw new IllegalArgumentException("not a claim row fault: " + kind);
    };
  }
}
