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
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.query.JdbcValues;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryException;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.trino.TrinoSnapshots.PinnedQuery;

/**
 * The Trino engine: the same catalogue SQL over the Trino JDBC driver, on the Iceberg store only.
 * Each query resolves its release once and reads only it: the SQL is pinned to the release's
 * snapshot of each table ({@link PinnedSql}); nothing is registered in Trino.
 */
public final class TrinoQueries implements WarehouseQueries {
  private final TrinoSnapshots snapshots;
  private final QueryEngineConfig config;

  private TrinoQueries(TrinoSnapshots snapshots, QueryEngineConfig config) {
    this.snapshots = requireNonNull(snapshots, "snapshots");
    this.config = requireNonNull(config, "config");
  }

  /**
   * Trino over an Iceberg catalog's releases, read through Trino's catalog of the same settings
   * ({@link TrinoCatalogProperties}; {@code ./tfwh trino start --warehouse DIR [--catalog FILE]}).
   * Selectors resolve through the release tables; nothing is registered in Trino.
   */
  public static TrinoQueries overIceberg(
      ReleaseCatalog releases, CatalogSettings settings, QueryEngineConfig config) {
    return new TrinoQueries(new IcebergTrinoSnapshots(releases, settings), config);
  }

  @Override
  public QueryResult run(SnapshotSelector snapshot, Query query, Map<String, ?> arguments) {
    List<Object> values = query.bind(arguments);
    PinnedQuery pinned = snapshots.pin(snapshot, query.sql().sql());
    String id = pinned.snapshotId();
    try (Connection connection = DriverManager.getConnection(config.trinoUrl(), properties());
        PreparedStatement statement = connection.prepareStatement(pinned.sql())) {
      JdbcValues.bind(statement, values);
      try (ResultSet results = statement.executeQuery()) {
        return new QueryResult(query.columns(), JdbcValues.read(query, results), id);
      }
    } catch (SQLException e) {
      throw new TrinoException(
          query.fileName() + " failed on Trino for snapshot " + id + ": " + e.getMessage(), e);
    }
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
