package uk.gov.tfwh.generator.plan;

import uk.gov.tfwh.programme.period.Quarter;

/**
 * One authority's cumulative figures at the end of a quarter of a phase. Results of the other phase
 * are 0 here and left empty in the return.
 */
public record Figures(
    Quarter quarter,
    long identified,
    long attached,
    long crimeAsbEducation,
    long continuousEmployment,
    long progressToWork,
    long sustainedProgress) {
  public Figures {
    java.util.Objects.requireNonNull(quarter, "quarter");
    if (attached > identified) {
      throw new IllegalArgumentException("attached above identified in " + quarter);
    }
    if (crimeAsbEducation + continuousEmployment + sustainedProgress > attached) {
      throw new IllegalArgumentException("outcomes above attached in " + quarter);
    }
  }

  /** Families turned around (phase 1) or successful family outcomes (phase 2). */
  public long outcomes() {
    return crimeAsbEducation + continuousEmployment + sustainedProgress;
  }

  public Figures withAttached(long newAttached, long newIdentified) {
    return new Figures(
        quarter,
        newIdentified,
        newAttached,
        crimeAsbEducation,
        continuousEmployment,
        progressToWork,
        sustainedProgress);
  }
}
