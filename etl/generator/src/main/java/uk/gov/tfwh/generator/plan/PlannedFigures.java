package uk.gov.tfwh.generator.plan;

import uk.gov.tfwh.programme.period.Quarter;

/**
 * One authority's cumulative figures at the end of a quarter of a phase, as the generator plans
 * them before writing them as a return's summary row (hence a field per result, as the row has a
 * column per result). Results of the other phase are 0 here and left empty in the return.
 */
public record PlannedFigures(
    Quarter quarter,
    long identified,
    long attached,
    long crimeAsbEducation,
    long continuousEmployment,
    long progressToWork,
    long sustainedProgress) {
  public PlannedFigures {
    java.util.Objects.requireNonNull(quarter, "quarter");
    if (attached > identified) {
      throw new IllegalArgumentException("attached above identified in " + quarter);
    }
    if (crimeAsbEducation + continuousEmployment + sustainedProgress > attached) {
      throw new IllegalArgumentException("outcomes above attached in " + quarter);
    }
  }

  public PlannedFigures withAttached(long newAttached, long newIdentified) {
    return new PlannedFigures(
        quarter,
        newIdentified,
        newAttached,
        crimeAsbEducation,
        continuousEmployment,
        progressToWork,
        sustainedProgress);
  }
}
