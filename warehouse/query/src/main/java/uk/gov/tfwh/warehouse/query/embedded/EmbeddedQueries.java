package uk.gov.tfwh.warehouse.query.embedded;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The embedded engine: DuckDB in this process, reading the snapshots' Parquet directly; no server.
 *
 * <p>Each query resolves its snapshot pointer once, then runs entirely on that snapshot's own
 * database. A newly committed or published snapshot is opened on first use; databases no pointer
 * refers to any more are retired and close when their running queries finish, so the switch needs
 * no restart and fails no query in flight.
 */
public final class EmbeddedQueries implements WarehouseQueries {
  private final SnapshotSource store;
  private final QueryEngineConfig config;
  private final Map<String, SnapshotDatabase> open = new ConcurrentHashMap<>();
  private final Object opening = new Object();
  private volatile boolean closed;

  public EmbeddedQueries(SnapshotStore store, QueryEngineConfig config) {
    this(new FolderSnapshots(store), config);
  }

  private EmbeddedQueries(SnapshotSource store, QueryEngineConfig config) {
    this.store = requireNonNull(store, "store");
    this.config = requireNonNull(config, "config");
  }

  /**
   * The engine over an Iceberg catalog's releases instead of the folder store: selectors resolve
   * through the release tables, and a release opens from its tables' planned files. The API uses it
   * when serving the Iceberg store; the folder store stays the default until slice 7
   * (docs/design/iceberg.md). The caller keeps the catalog open while the engine is, and closes it.
   */
  public static EmbeddedQueries overIceberg(
      WarehouseCatalog catalog, IcebergReleases releases, QueryEngineConfig config) {
    return new EmbeddedQueries(new IcebergSnapshots(catalog, releases), config);
  }

  /** As {@link #overIceberg(WarehouseCatalog, IcebergReleases, QueryEngineConfig)}. */
  public static EmbeddedQueries overIceberg(
      WarehouseCatalog catalog, ReleaseCatalog releases, QueryEngineConfig config) {
    return overIceberg(catalog, new IcebergReleases(releases), config);
  }

  @Override
  public QueryResult run(SnapshotSelector snapshot, Query query, Map<String, ?> arguments) {
    List<Object> values = query.bind(arguments);
    while (true) {
      if (closed) {
        throw new QueryException("the embedded query engine is closed");
      }
      String id = store.resolve(snapshot);
      SnapshotDatabase database = database(id);
      if (database.acquire()) {
        try {
          return new QueryResult(query.columns(), database.run(query, values), id);
        } finally {
          database.release();
        }
      }
      // Retired between lookup and lease: the pointer has moved on, so resolve it again.
    }
  }

  /** Opens the snapshot a selector stands for now, so the first query does not wait for it. */
  public String warm(SnapshotSelector snapshot) {
    String id = store.resolve(snapshot);
    database(id);
    return id;
  }

  /** Ids of the snapshots currently open (for tests and the health page). */
  public Set<String> openSnapshots() {
    return Set.copyOf(open.keySet());
  }

  @Override
  public String engineName() {
    return "embedded";
  }

  private SnapshotDatabase database(String id) {
    SnapshotDatabase database = open.get(id);
    if (database != null) {
      return database;
    }
    synchronized (opening) {
      database = open.get(id);
      if (database == null) {
        database = SnapshotDatabase.open(id, store.tables(id), config);
        open.put(id, database);
        retireUnused(id);
      }
      return database;
    }
  }

  /**
   * Retires databases neither pointer nor the snapshot just opened refers to. Called when a
   * snapshot opens, which is exactly when a pointer has moved.
   */
  private void retireUnused(String justOpened) {
    Set<String> wanted = new HashSet<>(store.pointedTo());
    wanted.add(justOpened);
    for (String id : List.copyOf(open.keySet())) {
      if (!wanted.contains(id)) {
        SnapshotDatabase database = open.remove(id);
        if (database != null) {
          database.retire();
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (opening) {
      for (String id : List.copyOf(open.keySet())) {
        SnapshotDatabase database = open.remove(id);
        if (database != null) {
          database.retire();
        }
      }
    }
  }
}
