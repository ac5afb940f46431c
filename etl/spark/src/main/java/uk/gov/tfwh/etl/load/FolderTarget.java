package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.load.state.FolderNextState;
import uk.gov.tfwh.etl.load.state.NextState;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.state.FolderPreviousState;
import uk.gov.tfwh.etl.state.PreviousState;
import uk.gov.tfwh.etl.table.FolderTables;
import uk.gov.tfwh.etl.table.SnapshotWriter;
import uk.gov.tfwh.etl.table.WarehouseTables;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;
import uk.gov.tfwh.warehouse.snapshot.WarehouseLock;

/**
 * The folder store: a snapshot folder staged, then moved into place and made current; closing
 * releases the warehouse's lock.
 */
record FolderTarget(SnapshotStore store, WarehouseLock lock) implements LoadTarget {
  FolderTarget {
    requireNonNull(store, "store");
    requireNonNull(lock, "lock");
  }

  @Override
  public Optional<SnapshotManifest> parent() {
    return store.current();
  }

  @Override
  public Optional<Path> parentDir() {
    return store.currentId().map(store::snapshotDir);
  }

  @Override
  public PreviousState previous() {
    return parentDir().<PreviousState>map(FolderPreviousState::new).orElse(PreviousState.none());
  }

  @Override
  public NextState next(SparkSession spark, StagedSnapshot staged) {
    return new FolderNextState(spark, staged.directory(), parentDir());
  }

  @Override
  public StagedSnapshot stage(String id) {
    return store.stage(id, lock);
  }

  @Override
  public WarehouseTables tables(
      SparkSession spark, StagedSnapshot staged, Optional<Path> reusableParent) {
    return new FolderTables(new SnapshotWriter(spark, staged), staged, reusableParent);
  }

  /** The report goes beside the tables; the manifest makes the folder a snapshot. */
  @Override
  public void commit(StagedSnapshot staged, SnapshotManifest manifest, LoadReport report) {
    report.writeJson(staged.directory().resolve(LoadReport.FILE_NAME));
    store.commit(staged, manifest);
  }

  @Override
  public void abort(StagedSnapshot staged) {
    store.abort(staged);
  }

  @Override
  public List<String> retain(int keep) {
    return store.retain(keep, lock);
  }

  @Override
  public void close() {
    lock.close();
  }
}
