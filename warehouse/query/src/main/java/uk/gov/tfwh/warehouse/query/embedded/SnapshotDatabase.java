package uk.gov.tfwh.warehouse.query.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import uk.gov.tfwh.warehouse.query.JdbcValues;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * One snapshot opened in an in-memory DuckDB database: every contract table under its logical name,
 * and a fixed pool of connections to it, each keeping its prepared catalogue statements.
 *
 * <p>Leases keep it alive while queries run: the engine holds one lease while the snapshot is in
 * use, each query takes one, and the database closes when the last is returned after the engine has
 * {@link #retire() retired} it. So a switch to a newer snapshot never closes a database under a
 * running query.
 */
final class SnapshotDatabase {
  private static final long BORROW_TIMEOUT_SECONDS = 30;

  private final String snapshotId;
  private final TableSource source;
  private final DuckDBConnection database;
  private final BlockingQueue<PooledConnection> idle;
  private final List<PooledConnection> all;
  private final AtomicInteger leases = new AtomicInteger(1);
  private final AtomicBoolean retired = new AtomicBoolean();
  private final ResultCache cache;

  private SnapshotDatabase(
      String snapshotId,
      TableSource source,
      DuckDBConnection database,
      List<PooledConnection> connections,
      int cacheEntries) {
    this.snapshotId = snapshotId;
    this.source = source;
    this.cache = new ResultCache(cacheEntries);
    this.database = database;
    this.all = List.copyOf(connections);
    this.idle = new ArrayBlockingQueue<>(connections.size(), true, connections);
  }

  static SnapshotDatabase open(String snapshotId, Path snapshotDir, QueryEngineConfig config) {
    return open(snapshotId, new FolderTableSource(snapshotDir), config);
  }

  static SnapshotDatabase open(String snapshotId, TableSource source, QueryEngineConfig config) {
    requireNonNull(snapshotId, "snapshotId");
    Properties properties = new Properties();
    properties.setProperty("threads", Integer.toString(config.duckdbThreads()));
    properties.setProperty("memory_limit", config.duckdbMemoryLimit());
    DuckDBConnection database = null;
    List<PooledConnection> connections = new ArrayList<>();
    try {
      database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties);
      try (Statement statement = database.createStatement()) {
        statement.execute("SET TimeZone = 'UTC'");
        for (String setting : source.settings()) {
          statement.execute(setting);
        }
        for (WarehouseTable table : WarehouseTable.values()) {
          statement.execute(source.create(table, config.inMemoryTableLimitBytes()));
        }
      }
      for (int i = 0; i < config.connectionPool(); i++) {
        Connection connection = database.duplicate();
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET TimeZone = 'UTC'");
        }
        connections.add(new PooledConnection(connection));
      }
      return new SnapshotDatabase(
          snapshotId, source, database, connections, config.resultCacheEntries());
    } catch (SQLException e) {
      connections.forEach(PooledConnection::close);
      closeQuietly(database);
      source.close();
      throw new QueryException(
          "cannot open snapshot " + snapshotId + " at " + source + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      connections.forEach(PooledConnection::close);
      closeQuietly(database);
      source.close();
      throw e;
    }
  }

  String snapshotId() {
    return snapshotId;
  }

  /** Takes a lease for one query; false once the database has been retired and drained. */
  boolean acquire() {
    while (true) {
      int current = leases.get();
      if (current == 0) {
        return false;
      }
      if (leases.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (leases.decrementAndGet() == 0) {
      closeAll();
    }
  }

  /** The engine no longer hands this snapshot out; it closes when its last query ends. */
  void retire() {
    if (retired.compareAndSet(false, true)) {
      release();
    }
  }

  boolean isClosed() {
    return leases.get() == 0;
  }

  /**
   * Runs a query on a pooled connection, or answers it from the cache: the snapshot never changes,
   * so the same query with the same values has the same rows. The caller holds a lease.
   */
  List<List<Object>> run(Query query, List<Object> values) {
    return cache.get(query, values, () -> execute(query, values));
  }

  private List<List<Object>> execute(Query query, List<Object> values) {
    PooledConnection connection = borrow();
    try {
      return connection.run(query, values);
    } catch (SQLException e) {
      connection.forget(query);
      throw new QueryException(
          query.fileName() + " failed on snapshot " + snapshotId + ": " + e.getMessage(), e);
    } finally {
      idle.add(connection);
    }
  }

  private PooledConnection borrow() {
    try {
      PooledConnection connection = idle.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (connection == null) {
        throw new QueryException(
            "no DuckDB connection came free within " + BORROW_TIMEOUT_SECONDS + " s");
      }
      return connection;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryException("interrupted while waiting for a DuckDB connection", e);
    }
  }

  private void closeAll() {
    all.forEach(PooledConnection::close);
    closeQuietly(database);
    source.close();
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing a database nobody uses any more; nothing to recover
      }
    }
  }

  /** A connection and the catalogue statements prepared on it (prepared once, run many times). */
  private static final class PooledConnection {
    private final Connection connection;
    private final Map<Query, PreparedStatement> prepared = new EnumMap<>(Query.class);

    PooledConnection(Connection connection) {
      this.connection = connection;
    }

    List<List<Object>> run(Query query, List<Object> values) throws SQLException {
      PreparedStatement statement = prepared.get(query);
      if (statement == null) {
        statement = connection.prepareStatement(query.sql().sql());
        prepared.put(query, statement);
      }
      statement.clearParameters();
      JdbcValues.bind(statement, values);
      try (ResultSet results = statement.executeQuery()) {
        return JdbcValues.read(query, results);
      }
    }

    void forget(Query query) {
      PreparedStatement statement = prepared.remove(query);
      if (statement != null) {
        try {
          statement.close();
        } catch (SQLException ignored) {
          // prepared again on next use
        }
      }
    }

    void close() {
      for (Query query : List.copyOf(prepared.keySet())) {
        forget(query);
      }
      closeQuietly(connection);
    }
  }
}
