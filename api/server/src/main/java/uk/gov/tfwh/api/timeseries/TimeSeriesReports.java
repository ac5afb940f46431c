package uk.gov.tfwh.api.timeseries;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.ResultColumn;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The time series from the catalogue ({@code time_series.sql}), and its metadata from the table
 * contract: each column's meaning is written once, in {@link WarehouseTable}, where the column is
 * made.
 */
@Component
public class TimeSeriesReports {
  /** The tables the series' columns come from, in the order their descriptions are looked up. */
  private static final List<WarehouseTable> SOURCES =
      List.of(WarehouseTable.AGG_AUTHORITY_QUARTER, WarehouseTable.DIM_PERIOD);

  private final uk.gov.tfwh.warehouse.query.WarehouseQueries queries;

  public TimeSeriesReports(uk.gov.tfwh.warehouse.query.WarehouseQueries queries) {
    this.queries = requireNonNull(queries, "queries");
  }

  public TimeSeries series(PinnedSnapshot snapshot, Phase phase) {
    var result = queries.run(snapshot, QueryArguments.of(Query.TIME_SERIES).phase(phase));
    return new TimeSeries(
        phase == null ? null : phase.number(),
        snapshot.id(),
        snapshot.release(),
        Table.from(result, TimeSeries.ROW.picks()));
  }

  /** Each authority's percent of target by quarter end in the phase, for the pages' comparisons. */
  public Map<String, Map<LocalDate, BigDecimal>> percentsOfTarget(
      PinnedSnapshot snapshot, Phase phase) {
    Map<String, Map<LocalDate, BigDecimal>> percents = new HashMap<>();
    for (ResultRow row : queries.run(snapshot, QueryArguments.of(Query.TIME_SERIES).phase(phase))) {
      percents
          .computeIfAbsent(row.text("authority_code"), k -> new HashMap<>())
          .put(row.date("period_end"), row.decimal("percent_of_target"));
    }
    return percents;
  }

  /** Every column of the series with its type and the contract's description of it. */
  public TimeSeriesMetadata metadata() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ResultColumn column : Query.TIME_SERIES.columns()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("column", column.name());
      row.put("type", column.type().name().toLowerCase(java.util.Locale.ROOT));
      row.put("description", description(column.name()));
      rows.add(row);
    }
    return new TimeSeriesMetadata(new Table(TimeSeriesMetadata.ROW.columnNames(), rows));
  }

  static String description(String column) {
    for (WarehouseTable table : SOURCES) {
      var found = table.column(column).map(Column::description);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new IllegalStateException("the contract does not describe the time series' " + column);
  }
}
