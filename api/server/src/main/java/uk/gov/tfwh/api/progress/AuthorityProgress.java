package uk.gov.tfwh.api.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

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
  /** The row of the table, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked(
          "AuthorityProgressRow",
          RowShape.PHASE,
          Query.AUTHORITY_PROGRESS,
          "period=period_end",
          "quarter_label",
          "quarter_index",
          "families_identified",
          "families_attached",
          "turned_around",
          "target=target_families",
          "target_basis",
          "percent_of_target",
          "rank=national_rank",
          "region_rank",
          "type_rank",
          "quartile",
          "change_since_previous_quarter=change_in_turned_around",
          "change_in_percent_points");

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
