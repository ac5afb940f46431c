package uk.gov.tfwh.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Writes rows of a contract table as Parquet the way the Spark load lays them out: one file per
 * table, or Hive-style {@code column=value} folders (without the partition column in the files) for
 * partitioned tables, and no files at all for a partitioned table without rows. DuckDB writes the
 * files, so their physical types are real Parquet ones (INT32, INT64 decimals, UTC instants).
 */
public final class ParquetTableWriter {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

  private ParquetTableWriter() {}

  /** Writes {@code rows} (values in contract column order) into {@code tableDir}. */
  public static TableStats write(WarehouseTable table, List<List<Object>> rows, Path tableDir) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute(
          "CREATE TABLE t ("
              + table.columns().stream()
                  .map(c -> c.name() + " " + duckdbType(c.type()))
                  .collect(Collectors.joining(", "))
              + ")");
      String markers =
          table.columns().stream()
              .map(c -> "CAST(? AS " + duckdbType(c.type()) + ")")
              .collect(Collectors.joining(", "));
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO t VALUES (" + markers + ")")) {
        for (List<Object> row : rows) {
          if (row.size() != table.columns().size()) {
            throw new IllegalArgumentException(
                table.tableName() + " row has " + row.size() + " values: " + row);
          }
          for (int i = 0; i < row.size(); i++) {
            bind(insert, i + 1, row.get(i), table.columns().get(i));
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
      Files.createDirectories(tableDir);
      if (table.partitionColumns().isEmpty()) {
        statement.execute(
            "COPY t TO '"
                + tableDir.resolve("part-00000-fixture.snappy.parquet")
                + "' (FORMAT PARQUET, COMPRESSION SNAPPY)");
      } else if (!rows.isEmpty()) {
        statement.execute(
            "COPY t TO '"
                + tableDir
                + "' (FORMAT PARQUET, COMPRESSION SNAPPY, OVERWRITE_OR_IGNORE, PARTITION_BY ("
                + String.join(", ", table.partitionColumns())
                + "))");
      }
      long count;
      try (ResultSet result = statement.executeQuery("SELECT count(*) FROM t")) {
        result.next();
        count = result.getLong(1);
      }
      return new TableStats(count, countFiles(tableDir));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write fixture table " + table.tableName(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void bind(PreparedStatement insert, int index, Object value, Column column)
      throws SQLException {
    if (value == null) {
      if (!column.nullable()) {
        throw new IllegalArgumentException(column.name() + " may not be null");
      }
      insert.setNull(index, Types.VARCHAR);
    } else if (value instanceof Instant instant) {
      insert.setString(index, INSTANT.format(instant));
    } else if (value instanceof BigDecimal decimal) {
      insert.setString(index, decimal.toPlainString());
    } else {
      insert.setString(index, value.toString());
    }
  }

  private static String duckdbType(ColumnType type) {
    return type == ColumnType.TIMESTAMP ? "TIMESTAMPTZ" : type.sqlType();
  }

  private static int countFiles(Path dir) {
    try (var files = Files.walk(dir)) {
      return (int) files.filter(f -> f.toString().endsWith(".parquet")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
