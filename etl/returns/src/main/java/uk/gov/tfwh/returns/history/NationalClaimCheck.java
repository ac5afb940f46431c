package uk.gov.tfwh.returns.history;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.returns.check.Template;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * The national claim rules over every claim of ONE family, from every authority and quarter.
 *
 * <p>Claims are taken earliest submitted first (then by return id, then row) and each is judged
 * against the claims accepted before it:
 *
 * <ul>
 *   <li>TFQR-C08: a family outcome (phase 1 crime/ASB/education or continuous employment; phase 2
 *       sustained progress or continuous employment) is paid once per family and phase; a later one
 *       is rejected, whoever claims it. The phases are separate programmes with separate payments,
 *       so a phase 1 outcome does not block a phase 2 one.
 *   <li>TFQR-C09: progress to work is paid once per family, and never after the family's continuous
 *       employment claim in the same phase.
 *   <li>TFQR-W03: a claim (accepted or not) by a different authority from an earlier accepted claim
 *       of the family warns of a possible family move.
 * </ul>
 *
 * <p>Pass only the claims of current return versions ({@link ReturnHistory}): a resubmission
 * repeats its quarter's claims, which would otherwise look like duplicates of themselves.
 */
public final class NationalClaimCheck {
  private NationalClaimCheck() {}

  /**
   * The deterministic order in which claims are judged: by when their returns reached the warehouse
   * ({@link Arrival#ORDER}, the order versions are judged in too), so a claim accepted and paid in
   * an earlier load keeps its place against any claim first seen later, whatever date that one's
   * sender wrote.
   */
  public static final Comparator<ClaimOccurrence> ORDER =
      Comparator.comparing(ClaimOccurrence::arrival, Arrival.ORDER)
          .thenComparing(ClaimOccurrence::returnId)
          .thenComparingInt(ClaimOccurrence::row);

  /** The decision for one claim and its findings (a rejection, a warning, or both). */
  public record Decision(ClaimOccurrence claim, boolean accepted, List<Finding> findings)
      implements Serializable {
    public Decision {
      requireNonNull(claim, "claim");
      findings = List.copyOf(findings);
    }
  }

  /**
   * Judges every claim of one family.
   *
   * @return one decision per claim, in {@link #ORDER}
   * @throws IllegalArgumentException when the claims are not all of one family_ref
   */
  public static List<Decision> check(Collection<ClaimOccurrence> claims) {
    List<ClaimOccurrence> ordered = claims.stream().sorted(ORDER).toList();
    if (!ordered.isEmpty()) {
      String family = ordered.get(0).familyRef();
      for (ClaimOccurrence claim : ordered) {
        if (!claim.familyRef().equals(family)) {
          throw new IllegalArgumentException(
              "a national claim check is of one family: "
                  + family
                  + " and "
                  + claim.familyRef()
                  + " were mixed");
        }
      }
    }
    List<ClaimOccurrence> accepted = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    for (ClaimOccurrence claim : ordered) {
      List<Finding> findings = new ArrayList<>();
      Optional<Finding> rejection = rejection(claim, accepted);
      rejection.ifPresent(findings::add);
      possibleMove(claim, accepted).ifPresent(findings::add);
      if (rejection.isEmpty()) {
        accepted.add(claim);
      }
      decisions.add(new Decision(claim, rejection.isEmpty(), findings));
    }
    return decisions;
  }

  private static Optional<Finding> rejection(
      ClaimOccurrence claim, List<ClaimOccurrence> accepted) {
    for (ClaimOccurrence earlier : accepted) {
      if (earlier.phase() != claim.phase()) {
        continue;
      }
      if (claim.result().isFamilyOutcome() && earlier.result().isFamilyOutcome()) {
        return Optional.of(
            Rule.C08.at(
                claim.at(Template.FAMILY_REF),
                "family "
                    + claim.familyRef()
                    + " was already paid a family outcome in phase "
                    + claim.phase().number()
                    + ": "
                    + earlierClaim(earlier, claim)));
      }
      if (claim.result() == ClaimResult.PROGRESS_TO_WORK
          && (earlier.result() == ClaimResult.PROGRESS_TO_WORK
              || earlier.result() == ClaimResult.CONTINUOUS_EMPLOYMENT)) {
        return Optional.of(
            Rule.C09.at(
                claim.at(Template.RESULT),
                "family "
                    + claim.familyRef()
                    + (earlier.result() == ClaimResult.PROGRESS_TO_WORK
                        ? " was already paid progress to work: "
                        : " already has a continuous employment claim: ")
                    + earlierClaim(earlier, claim)));
      }
    }
    return Optional.empty();
  }

  /**
   * An earlier claim as the message about a later one names it. That message is shown to the later
   * claim's authority, so another authority's claim is named by its result only: which authority,
   * return, file and row it is in are that authority's (and may not be published yet). The national
   * team finds it by the family reference the message gives.
   */
  private static String earlierClaim(ClaimOccurrence earlier, ClaimOccurrence claim) {
    return earlier.authorityCode().equals(claim.authorityCode())
        ? earlier.describe()
        : earlier.result() + " claimed by another authority";
  }

  private static Optional<Finding> possibleMove(
      ClaimOccurrence claim, List<ClaimOccurrence> accepted) {
    for (int i = accepted.size() - 1; i >= 0; i--) {
      ClaimOccurrence earlier = accepted.get(i);
      if (!earlier.authorityCode().equals(claim.authorityCode())) {
        return Optional.of(
            Rule.W03.at(
                claim.at(Template.FAMILY_REF),
                "family "
                    + claim.familyRef()
                    + " was claimed earlier by another authority ("
                    + earlier.result()
                    + "); the family may have moved"));
      }
    }
    return Optional.empty();
  }
}
