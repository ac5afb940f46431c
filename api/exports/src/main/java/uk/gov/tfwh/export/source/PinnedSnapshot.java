package uk.gov.tfwh.export.source;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Map;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * One snapshot, chosen once, that every query of an export reads. An export runs many queries; if
 * each resolved "published" or "current" itself, a publication between two of them would mix two
 * snapshots in one document. Pinning the id first makes a document describe exactly one snapshot.
 */
public final class PinnedSnapshot {
  private final WarehouseQueries queries;
  private final SnapshotSelector byId;
  private final Provenance provenance;

  private PinnedSnapshot(WarehouseQueries queries, SnapshotSelector byId, Provenance provenance) {
    this.queries = queries;
    this.byId = byId;
    this.provenance = provenance;
  }

  /**
   * Resolves {@code selector} now and pins its snapshot.
   *
   * @throws uk.gov.tfwh.warehouse.query.SnapshotUnavailableException when there is no such snapshot
   */
  public static PinnedSnapshot pin(
      WarehouseQueries queries, SnapshotStore store, SnapshotSelector selector, Clock clock) {
    requireNonNull(queries, "queries");
    requireNonNull(store, "store");
    requireNonNull(selector, "selector");
    requireNonNull(clock, "clock");
    String id = selector.resolve(store);
    SnapshotManifest manifest = store.manifest(id);
    Provenance provenance =
        new Provenance(
            id,
            manifest.createdAt(),
            manifest.referenceVersion(),
            store.isPublished(id),
            clock.instant());
    return new PinnedSnapshot(queries, SnapshotSelector.byId(id), provenance);
  }

  public Provenance provenance() {
    return provenance;
  }

  /** Runs a catalogue query on the pinned snapshot. */
  public QueryResult run(Query query, Map<String, ?> arguments) {
    QueryResult result = queries.run(byId, query, arguments);
    if (!result.snapshotId().equals(provenance.snapshotId())) {
      throw new IllegalStateException(
          query.fileName()
              + " read snapshot "
              + result.snapshotId()
              + " instead of the pinned "
              + provenance.snapshotId());
    }
    return result;
  }
}
