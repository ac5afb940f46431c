package uk.gov.tfwh.warehouse.query.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.TableFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The DuckDB statement that makes one contract table of a snapshot queryable under its logical
 * name: a table copied into memory when its Parquet is small, otherwise a view reading the Parquet
 * per query. Columns are selected in contract order and cast to the contract's types, so a file
 * whose writer chose a wider physical type still reads the same.
 */
final class ParquetTableSql {
  private ParquetTableSql() {}

  static String create(WarehouseTable table, Path snapshotDir, long inMemoryLimitBytes) {
    Path dir = snapshotDir.resolve(table.relativePath()).toAbsolutePath();
    List<Path> files = TableFiles.dataFiles(dir);
    if (files.isEmpty()) {
      // A partitioned table without rows has no files at all; keep it queryable and typed.
      String columns =
          table.columns().stream()
              .map(c -> "CAST(NULL AS " + duckdbType(c.type()) + ") AS " + c.name())
              .collect(Collectors.joining(", "));
      return "CREATE VIEW " + table.tableName() + " AS SELECT " + columns + " WHERE 1 = 0";
    }
    long bytes = files.stream().mapToLong(ParquetTableSql::size).sum();
    String kind = bytes <= inMemoryLimitBytes ? "TABLE" : "VIEW";
    return "CREATE " + kind + " " + table.tableName() + " AS " + select(table, dir);
  }

  private static String select(WarehouseTable table, Path dir) {
    String columns =
        table.columns().stream().map(ParquetTableSql::castColumn).collect(Collectors.joining(", "));
    String glob = literal(dir + "/**/*.parquet");
    String options;
    if (table.partitionColumns().isEmpty()) {
      options = "hive_partitioning = false";
    } else {
      String types =
          table.partitionColumns().stream()
              .map(name -> table.column(name).orElseThrow())
              .map(c -> literal(c.name()) + ": " + literal(duckdbType(c.type())))
              .collect(Collectors.joining(", "));
      options = "hive_partitioning = true, hive_types = {" + types + "}";
    }
    return "SELECT " + columns + " FROM read_parquet(" + glob + ", " + options + ")";
  }

  private static String castColumn(Column column) {
    return "CAST(" + column.name() + " AS " + duckdbType(column.type()) + ") AS " + column.name();
  }

  /** DuckDB's spelling of a contract type (it has no precision on TIMESTAMP WITH TIME ZONE). */
  static String duckdbType(ColumnType type) {
    return type == ColumnType.TIMESTAMP ? "TIMESTAMPTZ" : type.sqlType();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
