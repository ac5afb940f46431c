package uk.gov.tfwh.dashboards.superset;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Rows a query returned, with each column's name and the type name the engine reported. */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    types = List.copyOf(types);
    // Rows may hold SQL NULLs, which List.copyOf refuses.
    rows =
        requireNonNull(rows, "rows").stream()
            .map(row -> Collections.unmodifiableList(new ArrayList<>(row)))
            .toList();
  }

  public Object value(List<Object> row, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return row.get(index);
  }

  /** The rows whose columns hold the given values (compared as strings). */
  public List<List<Object>> where(Map<String, ?> values) {
    return rows.stream()
        .filter(
            row ->
                values.entrySet().stream()
                    .allMatch(
                        e ->
                            Objects.equals(
                                String.valueOf(value(row, e.getKey())),
                                String.valueOf(e.getValue()))))
        .toList();
  }

  /** The single value of a column in the single row matching the given values. */
  public Object only(String column, Map<String, ?> values) {
    List<List<Object>> matching = where(values);
    if (matching.size() != 1) {
      throw new IllegalStateException(matching.size() + " rows match " + values);
    }
    return value(matching.get(0), column);
  }
}
