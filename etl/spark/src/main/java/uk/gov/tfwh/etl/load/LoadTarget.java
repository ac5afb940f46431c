package uk.gov.tfwh.etl.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.load.state.NextState;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.state.PreviousState;
import uk.gov.tfwh.etl.table.WarehouseTables;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;
import uk.gov.tfwh.warehouse.snapshot.WarehouseLock;

/**
 * Where a load commits its release: the folder store's snapshot folders ({@link FolderTarget}) or
 * the Iceberg warehouse ({@link IcebergTarget}). Everything else about a load is the same for both.
 * Each holds the warehouse's writer lock from its opening to its closing: the folder store's {@link
 * WarehouseLock}, or for the Iceberg warehouse the lock its catalog settings choose.
 */
interface LoadTarget extends AutoCloseable {

  /** The target of a request: the Iceberg warehouse when it names a catalog, else the folders. */
  static LoadTarget open(LoadRequest request, Consumer<String> progress) {
    Path warehouse = request.warehouseDir().toAbsolutePath().normalize();
    if (request.catalog().isPresent()) {
      return IcebergTarget.open(request.catalog().get(), warehouse, progress);
    }
    WarehouseLock lock = WarehouseLock.acquire(warehouse, "load");
    try {
      return new FolderTarget(new SnapshotStore(request.warehouseDir()), lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The current release's manifest: what the load builds on; empty for a new warehouse. */
  Optional<SnapshotManifest> parent();

  /**
   * The folder of the current release, whose tables the folder store links from; empty for the
   * Iceberg warehouse, which keeps what it carries on the tables' branches.
   */
  Optional<Path> parentDir();

  /** What the previous load left for this one (its state). */
  PreviousState previous();

  /** The state this load leaves for the next one, once Spark is up and the release staged. */
  NextState next(SparkSession spark, StagedSnapshot staged);

  /** Starts release {@code id}: its folder takes the load state and the load report. */
  StagedSnapshot stage(String id);

  /** The new release's tables, once Spark is up. */
  WarehouseTables tables(SparkSession spark, StagedSnapshot staged, Optional<Path> reusableParent);

  /** Commits the release: from here on it is current. */
  void commit(StagedSnapshot staged, SnapshotManifest manifest, LoadReport report);

  /** Abandons the release of a load that failed; readers never saw any of it. */
  void abort(StagedSnapshot staged);

  /**
   * The failure to report for a load that failed: the Iceberg warehouse names another writer's
   * commit when that is what the load met ({@link LoadRaceException}); otherwise the failure as it
   * is.
   */
  default RuntimeException explain(RuntimeException failure) {
    return failure;
  }

  /**
   * Applies the retention rule after a commit, still under the lock; returns the releases removed.
   */
  List<String> retain(int keep);

  /** Releases the writer lock. */
  @Override
  void close();
}
