package uk.gov.tfwh.warehouse.query.embedded;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/** The folder store's snapshots: pointer files and one folder per snapshot. */
record FolderSnapshots(SnapshotStore store) implements SnapshotSource {
  FolderSnapshots {
    requireNonNull(store, "store");
  }

  @Override
  public String resolve(SnapshotSelector selector) {
    return selector.resolve(store);
  }

  @Override
  public Set<String> pointedTo() {
    Set<String> ids = new HashSet<>();
    store.currentId().ifPresent(ids::add);
    store.publishedId().ifPresent(ids::add);
    return ids;
  }

  @Override
  public TableSource tables(String id) {
    return new FolderTableSource(store.snapshotDir(id));
  }
}
