package uk.gov.tfwh.programme.payment;

import java.io.Serializable;

/**
 * Phase 2 successful-outcome claims accepted from one quarter's return, by result. Each is paid
 * once, in the quarter of the return that made it (the duplicate checks have already removed a
 * second claim for the same family).
 */
public record OutcomeClaims(long sustainedProgress, long continuousEmployment)
    implements Serializable {
  public static final OutcomeClaims NONE = new OutcomeClaims(0, 0);

  public OutcomeClaims {
    if (sustainedProgress < 0 || continuousEmployment < 0) {
      throw new IllegalArgumentException(
          "claim counts must not be negative, not "
              + sustainedProgress
              + " sustained progress and "
              + continuousEmployment
              + " continuous employment");
    }
  }

  public long total() {
    return sustainedProgress + continuousEmployment;
  }
}
