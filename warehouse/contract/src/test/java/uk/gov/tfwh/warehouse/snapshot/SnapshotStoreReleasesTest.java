package uk.gov.tfwh.warehouse.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.release.WarehouseReleasesContract;

/** The folder store passes the readers' contract. */
class SnapshotStoreReleasesTest extends WarehouseReleasesContract {
  @TempDir Path warehouse;

  @Override
  protected WarehouseReleases newWarehouse() {
    return new SnapshotStore(warehouse);
  }

  @Override
  protected SnapshotManifest commit(WarehouseReleases releases, String id) {
    SnapshotStore store = (SnapshotStore) releases;
    StagedSnapshot staged = store.stage(id);
    try {
      Files.writeString(staged.directory().resolve("load-report.json"), "{}");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return store.commit(staged, manifest(id, store.currentId().orElse(null)));
  }

  @Override
  protected WarehouseReleases anotherReader(WarehouseReleases releases) {
    return new SnapshotStore(warehouse);
  }

  @Override
  protected void publish(WarehouseReleases releases, String id) {
    ((SnapshotStore) releases).publish(id);
  }

  @Override
  protected void changeNothingReadersSee(WarehouseReleases releases) {
    SnapshotStore store = (SnapshotStore) releases;
    store.abort(store.stage("20261205T230000000Z-cccccccc"));
    store.retain(10);
  }
}
