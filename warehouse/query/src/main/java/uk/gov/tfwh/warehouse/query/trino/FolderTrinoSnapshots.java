package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The folder store's snapshots on Trino: each registered as its own Hive schema ({@link
 * TrinoRegistrar#schemaOf}), which the connection starts in, so the logical table names in the SQL
 * all name tables of one snapshot. Goes with the folder store (docs/design/iceberg.md, slice 7).
 */
final class FolderTrinoSnapshots implements TrinoSnapshots {
  private final SnapshotStore store;
  private final QueryEngineConfig config;
  private final TrinoRegistrar registrar;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  FolderTrinoSnapshots(SnapshotStore store, QueryEngineConfig config) {
    this.store = requireNonNull(store, "store");
    this.config = requireNonNull(config, "config");
    this.registrar =
        new TrinoRegistrar(config.trinoUrl(), config.trinoCatalog(), config.trinoUser());
  }

  @Override
  public PinnedQuery pin(SnapshotSelector selector, String sql) {
    String id = selector.resolve(store);
    return new PinnedQuery(id, "/" + config.trinoCatalog() + "/" + ensureRegistered(id), sql);
  }

  private String ensureRegistered(String id) {
    String schema = TrinoRegistrar.schemaOf(id);
    if (registered.contains(id)) {
      return schema;
    }
    if (!registrar.isRegistered(id)) {
      if (!config.trinoRegisterOnDemand()) {
        throw new SnapshotUnavailableException(
            "snapshot " + id + " is not registered in Trino; run ./tfwh publish --trino");
      }
      registrar.register(store, id);
    }
    registered.add(id);
    return schema;
  }
}
