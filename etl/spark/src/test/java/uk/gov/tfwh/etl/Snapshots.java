package uk.gov.tfwh.etl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** Reads a committed snapshot's tables back with Spark, as a reader of the warehouse would. */
public final class Snapshots {
  private Snapshots() {}

  public static Dataset<Row> table(SnapshotStore store, String snapshotId, WarehouseTable table) {
    Path dir = store.snapshotDir(snapshotId).resolve(table.relativePath());
    return SharedSpark.session().read().parquet(dir.toString());
  }

  public static List<Row> rows(
      SnapshotStore store, String snapshotId, WarehouseTable table, String where) {
    return table(store, snapshotId, table).where(where).collectAsList();
  }

  /** Every table's row count in Parquet equals the manifest's. */
  public static void assertManifestMatchesParquet(SnapshotStore store, String snapshotId) {
    SnapshotManifest manifest = store.manifest(snapshotId);
    for (WarehouseTable table : WarehouseTable.values()) {
      SnapshotManifest.TableStats stats = manifest.tables().get(table.tableName());
      if (stats == null) {
        throw new AssertionError(snapshotId + " manifest lacks " + table.tableName());
      }
      long rows = stats.rows() == 0 ? 0 : table(store, snapshotId, table).count();
      if (rows != stats.rows()) {
        throw new AssertionError(
            table.tableName() + ": manifest " + stats.rows() + " rows, Parquet " + rows);
      }
    }
  }

  public static Map<String, SnapshotManifest.TableStats> stats(SnapshotStore store, String id) {
    return store.manifest(id).tables();
  }
}
