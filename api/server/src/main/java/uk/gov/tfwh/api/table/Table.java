package uk.gov.tfwh.api.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.warehouse.query.QueryResult;

/**
 * Rows with named columns, in order: the tabular part of a response, written as the JSON array
 * {@code rows} and, unchanged, as CSV. Values are the query layer's canonical types.
 */
public record Table(List<String> columns, List<Map<String, Object>> rows) {
  public Table {
    columns = List.copyOf(columns);
    rows = Collections.unmodifiableList(new ArrayList<>(requireNonNull(rows, "rows")));
  }

  public static Table empty(List<String> columns) {
    return new Table(columns, List.of());
  }

  /**
   * Picks and renames columns of a query result. Each spec is {@code name} (kept as it is) or
   * {@code json_name=column} (renamed).
   */
  public static Table from(QueryResult result, String... specs) {
    List<String> names = new ArrayList<>();
    int[] indexes = new int[specs.length];
    for (int i = 0; i < specs.length; i++) {
      int equals = specs[i].indexOf('=');
      names.add(equals < 0 ? specs[i] : specs[i].substring(0, equals));
      indexes[i] = result.columnIndex(equals < 0 ? specs[i] : specs[i].substring(equals + 1));
    }
    List<Map<String, Object>> rows = new ArrayList<>(result.size());
    for (List<Object> values : result.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < indexes.length; i++) {
        row.put(names.get(i), values.get(indexes[i]));
      }
      rows.add(Collections.unmodifiableMap(row));
    }
    return new Table(names, rows);
  }

  /** Each row's values in column order, as a CSV writes them. */
  public List<List<Object>> valueRows() {
    return rows.stream().map(row -> columns.stream().map(row::get).toList()).toList();
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
