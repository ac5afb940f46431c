package uk.gov.tfwh.returns.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import uk.gov.tfwh.programme.outcome.ClaimResult;

/** A payment-by-results claim row that passed the rules of its own return. */
public record Claim(
    int row,
    String familyRef,
    LocalDate attachedOn,
    ClaimResult result,
    LocalDate achievedOn,
    SortedSet<String> problemsAtEntry)
    implements Serializable {
  public Claim {
    requireNonNull(familyRef, "familyRef");
    requireNonNull(attachedOn, "attachedOn");
    requireNonNull(result, "result");
    requireNonNull(achievedOn, "achievedOn");
    problemsAtEntry = new TreeSet<>(Set.copyOf(problemsAtEntry));
  }
}
