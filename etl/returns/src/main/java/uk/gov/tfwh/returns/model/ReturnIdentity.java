package uk.gov.tfwh.returns.model;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Whose return it is and for when, as far as that could be read: from the summary when the return
 * was accepted; for a rejected one, from the summary's own cells where they were right (a valid
 * authority_code in a return whose arithmetic is wrong), else from its file name ({@code
 * E08000025-2014Q3-p1}). It places a rejection in its authority's and quarter's data quality, so a
 * coordinator sees its own rejected return; every part may be unknown (null).
 */
public record ReturnIdentity(String authorityCode, Integer phase, LocalDate periodEnd)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final ReturnIdentity UNKNOWN = new ReturnIdentity(null, null, null);

  /** This identity with each unknown part taken from {@code other}. */
  public ReturnIdentity orElse(ReturnIdentity other) {
    return new ReturnIdentity(
        authorityCode != null ? authorityCode : other.authorityCode,
        phase != null ? phase : other.phase,
        periodEnd != null ? periodEnd : other.periodEnd);
  }
}
