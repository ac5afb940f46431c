package uk.gov.tfwh.api.totals;

import java.time.LocalDate;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/** Each region's totals for one phase and quarter. */
public record RegionTotals(
    int phase, LocalDate period, String quarterLabel, String snapshot, Release release, Table table)
    implements Tabular {
  /** A region's row, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked(
          "RegionTotalsRow",
          RowShape.QUARTER,
          Query.REGION_TOTALS,
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of("region_code", "region_name"),
                  java.util.Arrays.stream(NationalTotals.FIGURES))
              .toArray(String[]::new));

  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
