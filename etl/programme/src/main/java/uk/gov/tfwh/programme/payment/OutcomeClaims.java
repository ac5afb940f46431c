package uk.gov.tfwh.programme.payment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;

/**
 * Phase 2 successful-outcome claims accepted from one quarter's return, by result. Each is paid
 * once, in the quarter of the return that made it (the duplicate checks have already removed a
 * second claim for the same family).
 *
 * @param byResult the number of claims for each of phase 2's results
 */
public record OutcomeClaims(ByResult<Long> byResult) implements Serializable {
  public static final OutcomeClaims NONE = new OutcomeClaims(ByResult.counts(Map.of()));

  public OutcomeClaims {
    requireNonNull(byResult, "byResult");
    List<ClaimResult> phaseTwo = ClaimResult.of(Phase.TWO);
    for (ClaimResult result : byResult.asMap().keySet()) {
      if (!phaseTwo.contains(result)) {
        throw new IllegalArgumentException(
            result.label() + " is not a phase 2 result; outcome claims are for " + phaseTwo);
      }
    }
  }

  public long total() {
    return byResult.sum(Math::addExact);
  }
}
