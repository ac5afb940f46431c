package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Registers snapshots in Trino's Hive catalog.
 *
 * <ul>
 *   <li>Each snapshot gets its own schema {@code s_<id>} holding one external table per contract
 *       table over the snapshot's Parquet ({@code local:///} locations), created once and never
 *       changed, like the snapshot. A view {@code snapshot_info} is created last: a schema without
 *       it is incomplete and the query layer does not use it.
 *   <li>The pointer for the API is the warehouse's own CURRENT and PUBLISHED files: the query layer
 *       resolves one per query and runs the whole query in that snapshot's schema, so the switch is
 *       atomic.
 *   <li>For people querying Trino directly (Superset), schemas {@code tfwh_current} and {@code
 *       tfwh_published} hold views of the same names that follow the pointers. Each view switches
 *       atomically, but the set does not (docs/architecture-query.md).
 * </ul>
 */
public final class TrinoRegistrar {
  /** The view created last in a snapshot schema; its presence means the schema is complete. */
  public static final String SNAPSHOT_INFO = "snapshot_info";

  private final String url;
  private final String catalog;
  private final String user;

  public TrinoRegistrar(String url, String catalog, String user) {
    this.url = requireNonNull(url, "url");
    this.catalog = requireNonNull(catalog, "catalog");
    this.user = requireNonNull(user, "user");
  }

  /** The schema of a snapshot: {@code s_} and its id, lower case, dashes as underscores. */
  public static String schemaOf(String snapshotId) {
    if (!snapshotId.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("not a snapshot id: " + snapshotId);
    }
    return "s_" + snapshotId.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  /**
   * The schema of the views that follow a pointer: {@code tfwh_current} or {@code tfwh_published}.
   */
  public static String pointerSchema(String pointer) {
    if (!pointer.equals("current") && !pointer.equals("published")) {
      throw new IllegalArgumentException("pointer is current or published, not " + pointer);
    }
    return "tfwh_" + pointer;
  }

  /** Whether the snapshot's schema is complete (registration finished). */
  public boolean isRegistered(String snapshotId) {
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM "
                    + catalog
                    + ".information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
      statement.setString(1, schemaOf(snapshotId));
      statement.setString(2, SNAPSHOT_INFO);
      try (ResultSet results = statement.executeQuery()) {
        results.next();
        return results.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new TrinoException("cannot ask Trino at " + url + " about " + snapshotId, e);
    }
  }

  /**
   * Registers a committed snapshot (idempotent: a registration that was interrupted is completed)
   * and returns its schema.
   */
  public String register(SnapshotStore store, String snapshotId) {
    if (!store.isCommitted(snapshotId)) {
      throw new IllegalArgumentException("there is no committed snapshot " + snapshotId);
    }
    String schema = schemaOf(snapshotId);
    Path snapshotDir = store.snapshotDir(snapshotId).toAbsolutePath();
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + catalog + "." + schema);
      for (WarehouseTable table : WarehouseTable.values()) {
        statement.execute(createTable(schema, table, snapshotDir.resolve(table.relativePath())));
        if (!table.partitionColumns().isEmpty()) {
          statement.execute(
              "CALL "
                  + catalog
                  + ".system.sync_partition_metadata(schema_name => '"
                  + schema
                  + "', table_name => '"
                  + table.tableName()
                  + "', mode => 'FULL')");
        }
      }
      statement.execute(
          "CREATE OR REPLACE VIEW "
              + catalog
              + "."
              + schema
              + "."
              + SNAPSHOT_INFO
              + " AS SELECT '"
              + snapshotId
              + "' AS snapshot_id");
      return schema;
    } catch (SQLException e) {
      throw new TrinoException(
          "cannot register snapshot " + snapshotId + " in Trino at " + url + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Removes a snapshot's schema (after the snapshot has been deleted by retention). Its tables are
   * external, so Trino deletes no data. {@code snapshot_info} goes first, so a half-removed schema
   * is never taken for a complete one.
   */
  public void unregister(String snapshotId) {
    String schema = catalog + "." + schemaOf(snapshotId);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP VIEW IF EXISTS " + schema + "." + SNAPSHOT_INFO);
      for (WarehouseTable table : WarehouseTable.values()) {
        statement.execute("DROP TABLE IF EXISTS " + schema + "." + table.tableName());
      }
      statement.execute("DROP SCHEMA IF EXISTS " + schema);
    } catch (SQLException e) {
      throw new TrinoException(
          "cannot remove snapshot " + snapshotId + " from Trino at " + url + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Points the {@code tfwh_current} or {@code tfwh_published} views at a registered snapshot. Each
   * view is replaced in one metastore write; their {@code snapshot_info} view is replaced last, so
   * it never names a snapshot the tables have not reached.
   */
  public void point(String pointer, String snapshotId) {
    String target = schemaOf(snapshotId);
    String views = pointerSchema(pointer);
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + catalog + "." + views);
      for (WarehouseTable table : WarehouseTable.values()) {
        statement.execute(view(views, table.tableName(), target));
      }
      statement.execute(view(views, SNAPSHOT_INFO, target));
    } catch (SQLException e) {
      throw new TrinoException(
          "cannot point " + views + " at " + snapshotId + " in Trino at " + url, e);
    }
  }

  private String view(String schema, String name, String target) {
    return "CREATE OR REPLACE VIEW "
        + catalog
        + "."
        + schema
        + "."
        + name
        + " AS SELECT * FROM "
        + catalog
        + "."
        + target
        + "."
        + name;
  }

  private String createTable(String schema, WarehouseTable table, Path location) {
    String columns =
        table.columns().stream()
            .map(column -> column.name() + " " + trinoType(column))
            .collect(Collectors.joining(", "));
    String partitioning =
        table.partitionColumns().isEmpty()
            ? ""
            : ", partitioned_by = ARRAY["
                + table.partitionColumns().stream()
                    .map(name -> "'" + name + "'")
                    .collect(Collectors.joining(", "))
                + "]";
    return "CREATE TABLE IF NOT EXISTS "
        + catalog
        + "."
        + schema
        + "."
        + table.tableName()
        + " ("
        + columns
        + ") WITH (external_location = '"
        + localUri(location).replace("'", "''")
        + "', format = 'PARQUET'"
        + partitioning
        + ")";
  }

  /**
   * Hive has no TIMESTAMP WITH TIME ZONE column; the catalog reads Parquet's UTC instants as UTC
   * wall-clock timestamps (hive.parquet.time-zone=UTC), at microseconds like DuckDB.
   */
  static String trinoType(Column column) {
    return column.type() == ColumnType.TIMESTAMP ? "TIMESTAMP(6)" : column.type().sqlType();
  }

  /** Trino's native local file system names a path under its root ({@code local.location=/}). */
  static String localUri(Path path) {
    return "local://" + path.toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("timezone", "UTC");
    return DriverManager.getConnection(url, properties);
  }
}
