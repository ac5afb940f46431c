package uk.gov.tfwh.api.timeseries;

import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.ResultColumn;
import uk.gov.tfwh.warehouse.table.ColumnType;

/** What each column of the time series holds: its name, type and meaning, as a data set's notes. */
public record TimeSeriesMetadata(Table table) implements Tabular {
  /** A line of the metadata: one column of the series. */
  public static final RowShape ROW =
      RowShape.built(
          "TimeSeriesColumn",
          new ResultColumn("column", ColumnType.STRING),
          new ResultColumn("type", ColumnType.STRING),
          new ResultColumn("description", ColumnType.STRING));
}
