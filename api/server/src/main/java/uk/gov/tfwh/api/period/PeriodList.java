package uk.gov.tfwh.api.period;

import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/** The quarters of each phase, with how many authorities reported in each. */
public record PeriodList(String snapshot, Release release, Table table) implements Tabular {
  /** The row of the table, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked(
          "Period",
          RowShape.NONE,
          Query.PERIODS,
          "phase",
          "period=period_end",
          "quarter_label",
          "financial_year",
          "quarter_index",
          "authorities_reporting");
}
