package uk.gov.tfwh.api.totals;

import java.time.LocalDate;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/**
 * England's totals for one phase and quarter; as CSV, one row. The JSON carries the figures at the
 * top level and, for symmetry with CSV, the same row under {@code rows}.
 */
public record NationalTotals(
    int phase,
    LocalDate period,
    String quarterLabel,
    String snapshot,
    Release release,
    long authoritiesReporting,
    long authoritiesTotal,
    Long familiesIdentified,
    Long familiesAttached,
    Long turnedAround,
    Long target,
    java.math.BigDecimal percentOfTarget,
    Table table)
    implements Tabular {
  static final String[] FIGURES = {
    "authorities_reporting",
    "authorities_total",
    "families_identified",
    "families_attached",
    "turned_around",
    "target=target_families",
    "percent_of_target"
  };

  /** England's row, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked("NationalTotalsRow", RowShape.QUARTER, Query.NATIONAL_TOTALS, FIGURES);

  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
