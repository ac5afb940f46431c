package uk.gov.tfwh.warehouse.query;

import java.util.Map;

/**
 * Runs catalogue queries against one snapshot of the warehouse. Implementations: the embedded
 * engine (DuckDB over the snapshot's Parquet, the default) and Trino. Both return the same {@link
 * QueryResult} for the same snapshot; {@link QueryEngines#open} picks one from configuration.
 * Implementations are safe for concurrent use.
 */
public interface WarehouseQueries extends AutoCloseable {

  /**
   * Runs {@code query} with named arguments against the snapshot {@code snapshot} stands for now.
   * The whole query reads that one snapshot, whose id the result carries.
   *
   * @throws IllegalArgumentException when an argument is unknown, missing or mistyped
   * @throws SnapshotUnavailableException when there is no such snapshot
   * @throws QueryException when the engine fails
   */
  QueryResult run(SnapshotSelector snapshot, Query query, Map<String, ?> arguments);

  /**
   * Runs {@code query} on a pinned snapshot, as every query of a response or document does, and
   * withholds its ranks when the snapshot says so: every reader of a response, page or file goes
   * through here, so none can forget it.
   *
   * @throws IllegalStateException when the engine read another snapshot than the pinned one
   */
  default QueryResult run(PinnedSnapshot snapshot, Query query, Map<String, ?> arguments) {
    QueryResult result = run(snapshot.selector(), query, arguments);
    if (!result.snapshotId().equals(snapshot.id())) {
      throw new IllegalStateException(
          query.fileName()
              + " read snapshot "
              + result.snapshotId()
              + " instead of the pinned "
              + snapshot.id());
    }
    return snapshot.ranksWithheld() ? result.withoutRanks() : result;
  }

  /** Runs a query with typed arguments on a pinned snapshot (see {@link QueryArguments}). */
  default QueryResult run(PinnedSnapshot snapshot, QueryArguments arguments) {
    return run(snapshot, arguments.query(), arguments.values());
  }

  /** Which engine this is, for health pages and benchmarks: "embedded" or "trino". */
  String engineName();

  @Override
  void close();
}
