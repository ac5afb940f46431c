package uk.gov.tfwh.warehouse.snapshot;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A snapshot being written. Its folder is invisible to readers until {@link
 * SnapshotStore#commit(StagedSnapshot, SnapshotManifest)} moves it into place; a load that dies
 * before that leaves only a staging folder, which the next load removes.
 *
 * @param ownLock the warehouse lock taken for this snapshot alone, released when it is committed or
 *     aborted; null when the caller holds the lock for a longer operation (a load)
 */
public record StagedSnapshot(String id, Path directory, WarehouseLock ownLock) {
  public StagedSnapshot {
    requireNonNull(id, "id");
    requireNonNull(directory, "directory");
  }

  public Path tableDirectory(WarehouseTable table) {
    return directory.resolve(table.relativePath());
  }

  void releaseOwnLock() {
    if (ownLock != null) {
      ownLock.close();
    }
  }
}
