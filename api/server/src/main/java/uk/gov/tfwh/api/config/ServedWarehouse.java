package uk.gov.tfwh.api.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryEngines;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.query.trino.TrinoQueries;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The store the API serves, with what it takes to read it: its releases (what every request
 * resolves through) and its query engine, and how often a request may read the releases' change
 * token again.
 */
sealed interface ServedWarehouse extends AutoCloseable {

  WarehouseReleases releases();

  /** The engine over this store; the caller closes it before this store. */
  WarehouseQueries openQueries(QueryEngineConfig config);

  /** How long a request may trust the change token another request read (0: read it each time). */
  Duration pollEvery();

  /** What the service says it serves. */
  String describe();

  @Override
  void close();

  /** The folder store: snapshot folders and pointer files, whose token costs three stats. */
  record Folder(SnapshotStore store) implements ServedWarehouse {
    public Folder {
      requireNonNull(store, "store");
    }

    @Override
    public WarehouseReleases releases() {
      return store;
    }

    @Override
    public WarehouseQueries openQueries(QueryEngineConfig config) {
      return QueryEngines.open(store, config);
    }

    @Override
    public Duration pollEvery() {
      return Duration.ZERO;
    }

    @Override
    public String describe() {
      return "the folder store at " + store.location();
    }

    @Override
    public void close() {}
  }

  /**
   * The Iceberg store: the release tables in the catalog database and the tables' files. Its token
   * is a statement, read at most every {@link #POLL_EVERY} (docs/design/iceberg.md, section 5.3).
   */
  record Iceberg(WarehouseCatalog catalog, IcebergReleases releases) implements ServedWarehouse {
    static final Duration POLL_EVERY = Duration.ofMillis(200);

    public Iceberg {
      requireNonNull(catalog, "catalog");
      requireNonNull(releases, "releases");
    }

    /** Opens the catalog of these settings (creating what a new catalog lacks). */
    static Iceberg open(CatalogSettings settings) {
      WarehouseCatalog catalog = WarehouseCatalog.open(settings);
      try {
        return new Iceberg(catalog, IcebergReleases.open(CatalogDatabase.of(settings)));
      } catch (RuntimeException e) {
        catalog.close();
        throw e;
      }
    }

    /**
     * The embedded engine plans the release's files itself; Trino reads the same catalog as its own
     * catalog ({@code ./tfwh trino start --warehouse DIR [--catalog FILE]}) and each query is
     * pinned to the release's snapshots, so both answer from the release the request resolved.
     */
    @Override
    public WarehouseQueries openQueries(QueryEngineConfig config) {
      return switch (config.engine()) {
        case EMBEDDED -> EmbeddedQueries.overIceberg(catalog, releases, config);
        case TRINO -> TrinoQueries.overIceberg(releases.catalog(), catalog.settings(), config);
      };
    }

    @Override
    public Duration pollEvery() {
      return POLL_EVERY;
    }

    @Override
    public String describe() {
      return "the Iceberg store, " + releases.location();
    }

    @Override
    public void close() {
      catalog.close();
    }
  }
}
