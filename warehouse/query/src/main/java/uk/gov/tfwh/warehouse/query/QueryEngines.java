package uk.gov.tfwh.warehouse.query;

import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.query.trino.TrinoQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/** Opens the engine the configuration names over a warehouse folder. */
public final class QueryEngines {
  private QueryEngines() {}

  public static WarehouseQueries open(SnapshotStore store, QueryEngineConfig config) {
    return switch (config.engine()) {
      case EMBEDDED -> new EmbeddedQueries(store, config);
      case TRINO -> new TrinoQueries(store, config);
    };
  }
}
