package uk.gov.tfwh.returns.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What reading and checking one return on its own produced. A rejected return has no summary and no
 * claims; every claim row read is either in {@code claims} or rejected, so {@code claimRowsRead ==
 * claims.size() + claimRowsRejected}. When the whole return is rejected all its claim rows count as
 * rejected (the return-level finding says why). Rules that need other returns (national duplicate
 * claims, resubmissions, falls against the previous quarter) are applied later, by the load, over
 * the whole history (package {@code uk.gov.tfwh.returns.history}).
 *
 * @param acceptedSummary the conformed summary, or null when the return was rejected (kept nullable
 *     rather than {@link Optional} so the record stays {@link Serializable}); use {@link
 *     #summary()}
 * @param identity whose return it is and for when, as far as could be read (a rejected one too)
 */
public record ReturnOutcome(
    ReturnSource source,
    ReturnSummary acceptedSummary,
    List<Claim> claims,
    int claimRowsRead,
    int claimRowsRejected,
    List<Finding> findings,
    ReturnIdentity identity)
    implements Serializable {
  public ReturnOutcome {
    requireNonNull(source, "source");
    requireNonNull(identity, "identity");
    claims = List.copyOf(claims);
    findings = List.copyOf(findings);
    if (acceptedSummary == null && !claims.isEmpty()) {
      throw new IllegalArgumentException("a rejected return cannot carry accepted claims");
    }
    if (claimRowsRead != claims.size() + claimRowsRejected) {
      throw new IllegalArgumentException(
          "claim rows do not add up: read "
              + claimRowsRead
              + ", accepted "
              + claims.size()
              + ", rejected "
              + claimRowsRejected);
    }
  }

  /** The accepted, conformed summary; empty when the return was rejected. */
  public Optional<ReturnSummary> summary() {
    return Optional.ofNullable(acceptedSummary);
  }

  public boolean accepted() {
    return acceptedSummary != null;
  }
}
