package uk.gov.tfwh.dashboards.superset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Gives a DuckDB connection the schema Trino users see: {@code tfwh_published.<table>} views over a
 * snapshot's Parquet files ({@code <snapshot>/tables/<table>/}, Hive-style partitions included).
 * Point it at any snapshot folder: the test fixture, or a loaded seed-1 sample's published
 * snapshot.
 */
public final class PublishedViews {
  public static final String SCHEMA = "tfwh_published";

  private PublishedViews() {}

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
