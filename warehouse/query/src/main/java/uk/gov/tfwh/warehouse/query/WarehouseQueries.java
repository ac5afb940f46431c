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

  /** Which engine this is, for health pages and benchmarks: "embedded" or "trino". */
  String engineName();

  @Override
  void close();
}
