package uk.gov.tfwh.dashboards.superset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles.PlannedFile;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Gives a DuckDB connection the schema Trino users see: {@code published.<table>} views over a
 * snapshot's Parquet files ({@code <snapshot>/tables/<table>/}, Hive-style partitions included).
 * Point it at any snapshot folder: the test fixture, or a loaded seed-1 sample's published
 * snapshot.
 */
public final class PublishedViews {
  public static final String SCHEMA = "published";

  private PublishedViews() {}

  /**
   * The same views over an Iceberg release's planned files (its snapshot of each table), as Trino's
   * {@code published} views read them.
   */
  public static void create(Connection duckdb, ReleaseFiles release) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      for (WarehouseTable table : WarehouseTable.values()) {
        List<PlannedFile> files = release.table(table).files();
        if (files.isEmpty()) {
          throw new IllegalArgumentException(
              "release " + release.releaseId() + " has no files of " + table.tableName());
        }
        String paths =
            files.stream()
                .map(file -> "'" + file.path().toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        // Iceberg's data files hold the partition column; folder names mean nothing.
        statement.execute(
            "CREATE OR REPLACE VIEW "
                + SCHEMA
                + "."
                + table.tableName()
                + " AS SELECT * FROM read_parquet("
                + paths
                + ", hive_partitioning = false)");
      }
    }
  }

  public static void create(Connection duckdb, Path snapshotFolder) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      // Timestamps are instants in UTC; pin the session so dates taken from them do not move.
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
      for (WarehouseTable table : WarehouseTable.values()) {
        Path folder = snapshotFolder.resolve(table.relativePath());
        if (!Files.isDirectory(folder)) {
          throw new IllegalArgumentException(
              "snapshot " + snapshotFolder + " has no table folder " + table.relativePath());
        }
        String files = folder.toAbsolutePath().toString().replace("'", "''") + "/**/*.parquet";
        statement.execute(
            "CREATE OR REPLACE VIEW "
                + SCHEMA
                + "."
                + table.tableName()
                + " AS SELECT * FROM read_parquet('"
                + files
                + "', hive_partitioning = "
                + !table.partitionColumns().isEmpty()
                + ")");
      }
    }
  }
}
