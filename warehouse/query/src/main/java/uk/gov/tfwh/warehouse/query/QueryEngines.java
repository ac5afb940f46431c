package uk.gov.tfwh.warehouse.query;

import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * Opens the engine the configuration names over a folder-store warehouse: the embedded one only
 * (Trino serves the Iceberg store; {@code TrinoQueries.overIceberg}).
 */
public final class QueryEngines {
  private QueryEngines() {}

  public static WarehouseQueries open(SnapshotStore store, QueryEngineConfig config) {
    return switch (config.engine()) {
      case EMBEDDED -> new EmbeddedQueries(store, config);
      case TRINO -> throw new IllegalArgumentException(StoreChoice.trinoRefusal(store.root()));
    };
  }
}
