package uk.gov.tfwh.warehouse.snapshot;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A snapshot being written. Its folder is invisible to readers until {@link
 * SnapshotStore#commit(StagedSnapshot, SnapshotManifest)} moves it into place; a load that dies
 * before that leaves only a staging folder, which the next load removes.
 */
public record StagedSnapshot(String id, Path directory) {
  public StagedSnapshot {
    requireNonNull(id, "id");
    requireNonNull(directory, "directory");
  }

  public Path tableDirectory(WarehouseTable table) {
    return directory.resolve(table.relativePath());
  }
}
