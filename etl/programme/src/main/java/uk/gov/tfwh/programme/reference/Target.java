package uk.gov.tfwh.programme.reference;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import uk.gov.tfwh.programme.period.Phase;

/**
 * The number of families an authority was expected to turn around in a phase (phase 1 "indicative
 * number", phase 2 "expected number").
 */
public record Target(String authorityCode, Phase phase, int families, TargetBasis basis)
    implements Serializable {
  public Target {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(phase, "phase");
    requireNonNull(basis, "basis");
    if (families <= 0) {
      throw new IllegalArgumentException("target families must be positive, not " + families);
    }
  }
}
