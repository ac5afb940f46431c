package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.tfwh.warehouse.query.JdbcValues;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The Trino engine: the same catalogue SQL over the Trino JDBC driver. Each query resolves the
 * warehouse's pointer once and runs with its connection's default schema set to that snapshot's
 * schema ({@link TrinoRegistrar#schemaOf}), so the logical table names in the SQL all name tables
 * of one snapshot.
 */
public final class TrinoQueries implements WarehouseQueries {
  private final SnapshotStore store;
  private final QueryEngineConfig config;
  private final TrinoRegistrar registrar;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  public TrinoQueries(SnapshotStore store, QueryEngineConfig config) {
    this.store = requireNonNull(store, "store");
    this.config = requireNonNull(config, "config");
    this.registrar =
        new TrinoRegistrar(config.trinoUrl(), config.trinoCatalog(), config.trinoUser());
  }

  @Override
  public QueryResult run(SnapshotSelector snapshot, Query query, Map<String, ?> arguments) {
    List<Object> values = query.bind(arguments);
    String id = snapshot.resolve(store);
    String schema = ensureRegistered(id);
    String url = config.trinoUrl() + "/" + config.trinoCatalog() + "/" + schema;
    try (Connection connection = DriverManager.getConnection(url, properties());
        PreparedStatement statement = connection.prepareStatement(query.sql().sql())) {
      JdbcValues.bind(statement, values);
      try (ResultSet results = statement.executeQuery()) {
        return new QueryResult(query.columns(), JdbcValues.read(query, results), id);
      }
    } catch (SQLException e) {
      throw new TrinoException(
          query.fileName() + " failed on Trino for snapshot " + id + ": " + e.getMessage(), e);
    }
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

  private Properties properties() {
    Properties properties = new Properties();
    properties.setProperty("user", config.trinoUser());
    properties.setProperty("timezone", "UTC");
    return properties;
  }

  @Override
  public String engineName() {
    return "trino";
  }

  @Override
  public void close() {
    // Connections are per query; there is nothing to release.
  }

  /** Whether Trino answers at all (for readiness checks). */
  public boolean reachable() {
    try (Connection connection = DriverManager.getConnection(config.trinoUrl(), properties())) {
      return connection.isValid(5);
    } catch (SQLException e) {
      return false;
    } catch (RuntimeException e) {
      throw new QueryException("cannot check Trino at " + config.trinoUrl(), e);
    }
  }
}
