package uk.gov.tfwh.api.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/**
 * One authority's quarterly series in a phase against its target ({@code rows}, also the CSV), and
 * the projection to the end of the phase (null when it has reported nothing in the phase).
 */
public record AuthorityProgress(
    String authorityCode,
    String authorityName,
    int phase,
    Integer target,
    String targetBasis,
    String snapshot,
    Release release,
    Table table,
    ProjectionView projection)
    implements Tabular {
  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.phaseOf(phase);
  }

  /**
   * The straight-line projection of {@code ProgressProjection} (docs/methodology.md, "Projection to
   * the end of the phase").
   */
  public record ProjectionView(
      String method,
      LocalDate latestPeriod,
      long latestTurnedAround,
      LocalDate basePeriod,
      BigDecimal averageQuarterlyIncrease,
      LocalDate endOfPhase,
      long projectedTurnedAround,
      BigDecimal projectedPercentOfTarget,
      List<ProjectedQuarter> path) {}

  public record ProjectedQuarter(LocalDate period, String quarterLabel, long turnedAround) {}
}
