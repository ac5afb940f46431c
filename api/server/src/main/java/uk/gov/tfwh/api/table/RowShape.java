package uk.gov.tfwh.api.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.ResultColumn;
import uk.gov.tfwh.warehouse.table.ColumnType;

/**
 * The row of a tabular resource, column by column with its type: what the OpenAPI document
 * describes as the resource's {@code rows} and the CSV's header. Built from the catalogue query the
 * table picks its columns from, so the names the response writes and the types the engines return
 * are declared once, and a column the query does not have fails at start-up, not in a client.
 *
 * @param name the schema's name in the OpenAPI document, such as {@code LeagueTableRow}
 * @param columns every column in the order rows hold them, what-it-covers columns first
 * @param specs the picks from the query's result, as {@link Table#from(QueryResult, String...)}
 *     takes them; empty for a table the service builds itself
 */
public record RowShape(String name, List<ResultColumn> columns, List<String> specs) {
  /** The columns {@link Tabular#quarterOf} puts first in every row. */
  public static final List<ResultColumn> QUARTER =
      List.of(
          new ResultColumn("phase", ColumnType.INT),
          new ResultColumn("period_end", ColumnType.DATE));

  /** No columns first: a table that covers no one phase or quarter. */
  public static final List<ResultColumn> NONE = List.of();

  /** The column {@link Tabular#phaseOf} puts first in every row. */
  public static final List<ResultColumn> PHASE = List.of(new ResultColumn("phase", ColumnType.INT));

  public RowShape {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    specs = List.copyOf(specs);
    if (columns.stream().map(ResultColumn::name).distinct().count() != columns.size()) {
      throw new IllegalArgumentException(name + " names a column twice: " + columns);
    }
  }

  /**
   * Columns picked from a catalogue query's result, each {@code name} or {@code json_name=column}
   * as {@link Table#from(QueryResult, String...)} takes them, after what the table covers.
   */
  public static RowShape picked(
      String name, List<ResultColumn> covers, Query query, String... specs) {
    List<ResultColumn> columns = new ArrayList<>(covers);
    for (String spec : specs) {
      int equals = spec.indexOf('=');
      String source = equals < 0 ? spec : spec.substring(equals + 1);
      ResultColumn column =
          query.columns().stream()
              .filter(c -> c.name().equals(source))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the query " + query + " has no column " + source + " for " + name));
      columns.add(new ResultColumn(equals < 0 ? spec : spec.substring(0, equals), column.type()));
    }
    return new RowShape(name, columns, List.of(specs));
  }

  /** A table the service builds itself, column by column. */
  public static RowShape built(String name, ResultColumn... columns) {
    return new RowShape(name, List.of(columns), List.of());
  }

  public List<String> columnNames() {
    return columns.stream().map(ResultColumn::name).toList();
  }

  /** The picks as {@link Table#from(QueryResult, String...)} takes them. */
  public String[] picks() {
    if (specs.isEmpty()) {
      throw new IllegalStateException(name + " is built by the service, not picked from a query");
    }
    return specs.toArray(String[]::new);
  }
}
