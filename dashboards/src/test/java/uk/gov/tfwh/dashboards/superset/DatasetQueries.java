package uk.gov.tfwh.dashboards.superset;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the bundle's SQL on any JDBC connection whose default catalog has the schema {@code
 * published}: DuckDB with {@link PublishedViews}, or Trino's Iceberg catalog ({@code
 * jdbc:trino://host:8080/tfwh}) once {@code ./tfwh publish --trino} has made its views. The same
 * calls therefore check the bundle against a small fixture, a loaded seed-1 sample or a real
 * cluster.
 */
public final class DatasetQueries {
  private DatasetQueries() {}

  /** A dataset's rows, as Superset sees them: its SQL wrapped as a subquery. */
  public static QueryResult dataset(Connection connection, BundleFile dataset) throws SQLException {
    return run(
        connection,
        "SELECT * FROM (\n" + dataset.string("sql") + "\n) AS virtual_table",
        dataset.path());
  }

  /** The query of a chart over its dataset. */
  public static QueryResult chart(Connection connection, BundleFile chart, BundleFile dataset)
      throws SQLException {
    Map<String, String> metrics = new HashMap<>();
    for (Map<String, Object> metric : dataset.list("metrics")) {
      metrics.put((String) metric.get("metric_name"), (String) metric.get("expression"));
    }
    return run(connection, ChartQuery.of(chart).sql(dataset.string("sql"), metrics), chart.path());
  }

  /**
   * A dataset seen through a row-level security clause, as Superset applies it: outermost WHERE.
   */
  public static QueryResult withRowLevelFilter(
      Connection connection, BundleFile dataset, String clause) throws SQLException {
    return run(
        connection,
        "SELECT * FROM (\n" + dataset.string("sql") + "\n) AS virtual_table WHERE (" + clause + ")",
        dataset.path());
  }

  public static QueryResult run(Connection connection, String sql, String source)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      ResultSetMetaData meta = results.getMetaData();
      List<String> columns = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
        types.add(meta.getColumnTypeName(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (results.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.add(results.getObject(i));
        }
        rows.add(row);
      }
      return new QueryResult(columns, types, rows);
    } catch (SQLException e) {
      throw new SQLException(source + ": " + e.getMessage() + "\n" + sql, e);
    }
  }
}
