package uk.gov.tfwh.api.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.TableFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Whether a committed snapshot is complete: every contract table its manifest lists holds exactly
 * the rows the manifest says, counted from the Parquet files themselves by DuckDB (the API's own
 * engine), so a table cut short by a kill, or a manifest written before its tables, shows.
 */
final class SnapshotCompleteness {
  private SnapshotCompleteness() {}

  static void assertComplete(SnapshotStore store, String snapshotId) {
    if (!store.isCommitted(snapshotId)) {
      throw new AssertionError(snapshotId + " is not committed");
    }
    SnapshotManifest manifest = store.manifest(snapshotId);
    Path dir = store.snapshotDir(snapshotId);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
      for (WarehouseTable table : WarehouseTable.values()) {
        SnapshotManifest.TableStats stats = manifest.tables().get(table.tableName());
        if (stats == null) {
          throw new AssertionError(snapshotId + " manifest lacks " + table.tableName());
        }
        long rows = rows(duckdb, TableFiles.dataFiles(dir.resolve(table.relativePath())));
        if (rows != stats.rows()) {
          throw new AssertionError(
              snapshotId
                  + " "
                  + table.tableName()
                  + ": manifest "
                  + stats.rows()
                  + " rows, Parquet "
                  + rows);
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(snapshotId + " has unreadable Parquet: " + e.getMessage(), e);
    }
  }

  private static long rows(Connection duckdb, List<Path> files) throws SQLException {
    if (files.isEmpty()) {
      return 0; // a partitioned table without rows has no files at all
    }
    String list =
        files.stream()
            .map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
    try (Statement statement = duckdb.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT count(*) FROM read_parquet(" + list + ")")) {
      result.next();
      return result.getLong(1);
    }
  }
}
