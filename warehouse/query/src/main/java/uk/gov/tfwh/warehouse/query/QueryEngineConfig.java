package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

/**
 * How the query layer runs: which engine, and its settings.
 *
 * @param engine embedded (DuckDB in-process, the default) or trino
 * @param trinoUrl JDBC URL of the Trino coordinator, without catalog or schema
 * @param trinoUser the user queries run as: Trino's access control lets only this user read the
 *     warehouse tables and the current release (infra/trino/etc/rules.json)
 * @param duckdbThreads threads one DuckDB query may use
 * @param duckdbMemoryLimit DuckDB's memory limit per snapshot database, such as {@code 1GB}
 * @param connectionPool DuckDB connections per snapshot: queries beyond this wait their turn
 * @param inMemoryTableLimitBytes a table whose Parquet is at most this big is copied into memory
 *     when the snapshot opens (fast point queries); bigger ones are read from Parquet per query
 * @param resultCacheEntries results kept per open snapshot (embedded engine; 0 for none). A
 *     snapshot never changes, so a kept result is exact until the snapshot is let go
 */
public record QueryEngineConfig(
    Engine engine,
    String trinoUrl,
    String trinoUser,
    int duckdbThreads,
    String duckdbMemoryLimit,
    int connectionPool,
    long inMemoryTableLimitBytes,
    int resultCacheEntries) {

  public enum Engine {
    EMBEDDED,
    TRINO;

    /** Parses {@code embedded} or {@code trino}, as written in configuration and options. */
    public static Engine of(String name) {
      for (Engine engine : values()) {
        if (engine.name().equalsIgnoreCase(name.trim())) {
          return engine;
        }
      }
      throw new IllegalArgumentException("engine must be embedded or trino, not '" + name + "'");
    }
  }

  /** Where ./tfwh trino start listens by default (8080 is the API's). */
  public static final int DEFAULT_TRINO_PORT = 8090;

  public QueryEngineConfig {
    requireNonNull(engine, "engine");
    requireNonNull(trinoUrl, "trinoUrl");
    requireNonNull(trinoUser, "trinoUser");
    requireNonNull(duckdbMemoryLimit, "duckdbMemoryLimit");
    if (!trinoUrl.startsWith("jdbc:trino://")) {
      throw new IllegalArgumentException("the Trino URL must start jdbc:trino://, not " + trinoUrl);
    }
    if (duckdbThreads < 1 || connectionPool < 1) {
      throw new IllegalArgumentException("DuckDB threads and connections must be at least 1");
    }
    if (!duckdbMemoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*[KMGT]i?B")) {
      throw new IllegalArgumentException(
          "DuckDB memory limit such as 1GB, not " + duckdbMemoryLimit);
    }
    if (inMemoryTableLimitBytes < 0) {
      throw new IllegalArgumentException("the in-memory table limit cannot be negative");
    }
    if (resultCacheEntries < 0) {
      throw new IllegalArgumentException("the result cache size cannot be negative");
    }
  }

  /** Embedded DuckDB with settings sized for a small server; Trino on this machine's port. */
  public static QueryEngineConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new QueryEngineConfig(
        Engine.EMBEDDED,
        "jdbc:trino://127.0.0.1:" + DEFAULT_TRINO_PORT,
        "tfwh",
        Math.min(4, cores),
        "1GB",
        Math.max(4, 2 * cores),
        64L * 1024 * 1024,
        1024);
  }

  public QueryEngineConfig withEngine(Engine newEngine) {
    return new QueryEngineConfig(
        newEngine,
        trinoUrl,
        trinoUser,
        duckdbThreads,
        duckdbMemoryLimit,
        connectionPool,
        inMemoryTableLimitBytes,
        resultCacheEntries);
  }

  /** Trino at this JDBC URL, and the engine switched to Trino. */
  public QueryEngineConfig withTrino(String url) {
    return new QueryEngineConfig(
        Engine.TRINO,
        url,
        trinoUser,
        duckdbThreads,
        duckdbMemoryLimit,
        connectionPool,
        inMemoryTableLimitBytes,
        resultCacheEntries);
  }

  public QueryEngineConfig withInMemoryTableLimitBytes(long limit) {
    return new QueryEngineConfig(
        engine,
        trinoUrl,
        trinoUser,
        duckdbThreads,
        duckdbMemoryLimit,
        connectionPool,
        limit,
        resultCacheEntries);
  }

  /** DuckDB threads per query and connections per snapshot. */
  public QueryEngineConfig withDuckdb(int threads, int connections) {
    return new QueryEngineConfig(
        engine,
        trinoUrl,
        trinoUser,
        threads,
        duckdbMemoryLimit,
        connections,
        inMemoryTableLimitBytes,
        resultCacheEntries);
  }

  public QueryEngineConfig withResultCacheEntries(int entries) {
    return new QueryEngineConfig(
        engine,
        trinoUrl,
        trinoUser,
        duckdbThreads,
        duckdbMemoryLimit,
        connectionPool,
        inMemoryTableLimitBytes,
        entries);
  }
}
