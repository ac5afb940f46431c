package uk.gov.tfwh.api.timeseries;

import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;
import uk.gov.tfwh.warehouse.query.ResultColumn;

/**
 * Every authority's figures for every quarter (of both phases, or of one) in one tidy table: a row
 * per authority, phase and quarter, whose columns {@code /api/v1/time-series/metadata} describes.
 *
 * @param phase the phase asked for, or null for both
 */
public record TimeSeries(Integer phase, String snapshot, Release release, Table table)
    implements Tabular {
  /** The series' row: every column of the catalogue's query, as the OpenAPI document says. */
  public static final RowShape ROW =
      RowShape.picked(
          "TimeSeriesRow",
          RowShape.NONE,
          Query.TIME_SERIES,
          Query.TIME_SERIES.columns().stream().map(ResultColumn::name).toArray(String[]::new));
}
