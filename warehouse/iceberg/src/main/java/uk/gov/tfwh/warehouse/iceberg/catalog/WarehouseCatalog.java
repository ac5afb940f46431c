package uk.gov.tfwh.warehouse.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import uk.gov.tfwh.warehouse.iceberg.schema.IcebergSchemas;
import uk.gov.tfwh.warehouse.iceberg.schema.TableContract;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The warehouse's Iceberg catalog, open: Iceberg's JDBC catalog on the settings' database (SQLite
 * or PostgreSQL), with the warehouse's namespace and the load state's, and every table of the
 * contract. Opening creates whatever of these is missing (the bucket too, for an {@code s3://}
 * warehouse), so a new warehouse needs no set-up step; on PostgreSQL two processes opening a new
 * catalog at once both succeed (SQLite allows one writer process: the writer lock keeps a second
 * one out). Close it to release its connections.
 */
public final class WarehouseCatalog implements AutoCloseable {

  /** The namespace of the load's state tables, committed in the same release as the figures. */
  public static final String STATE_NAMESPACE = "tfwh_state";

  private static final int INITIALISE_ATTEMPTS = 3;

  private final CatalogSettings settings;
  private final JdbcCatalog catalog;
  private final List<WarehouseTable> created;

  private WarehouseCatalog(
      CatalogSettings settings, JdbcCatalog catalog, List<WarehouseTable> created) {
    this.settings = settings;
    this.catalog = catalog;
    this.created = List.copyOf(created);
  }

  /** Opens the catalog, the password (if any) read from this process's environment. */
  public static WarehouseCatalog open(CatalogSettings settings) {
    return open(settings, System.getenv());
  }

  /**
   * Opens the catalog, the password (if any) read from this environment, and creates the namespaces
   * and tables that are missing.
   */
  public static WarehouseCatalog open(CatalogSettings settings, Map<String, String> environment) {
    requireNonNull(settings, "settings");
    Map<String, String> properties = settings.icebergProperties(environment);
    settings.sqliteFile().ifPresent(file -> createFolder(file.getParent()));
    settings.bucket().ifPresent(bucket -> createBucket(settings, bucket, properties));
    JdbcCatalog catalog = initialised(settings, properties);
    try {
      createNamespace(catalog, Namespace.of(settings.namespace()));
      createNamespace(catalog, Namespace.of(STATE_NAMESPACE));
      // One listing per namespace: tableExists loads each table's metadata file, 13 reads per open.
      Set<TableIdentifier> existing = new HashSet<>();
      existing.addAll(catalog.listTables(Namespace.of(settings.namespace())));
      existing.addAll(catalog.listTables(Namespace.of(STATE_NAMESPACE)));
      List<WarehouseTable> created = new ArrayList<>();
      for (WarehouseTable table : WarehouseTable.values()) {
        TableIdentifier identifier = TableIdentifier.of(settings.namespace(), table.tableName());
        if (!existing.contains(identifier) && createTable(catalog, identifier, table)) {
          created.add(table);
        }
      }
      for (StateTable table : StateTable.values()) {
        TableIdentifier identifier = TableIdentifier.of(STATE_NAMESPACE, table.tableName());
        if (!existing.contains(identifier)) {
          createStateTable(catalog, identifier, table);
        }
      }
      return new WarehouseCatalog(settings, catalog, created);
    } catch (RuntimeException e) {
      closeQuietly(catalog, e);
      throw cannotOpen(settings, e);
    }
  }

  public CatalogSettings settings() {
    return settings;
  }

  /** Iceberg's catalog: tables, namespaces and views. */
  public Catalog catalog() {
    return catalog;
  }

  /** The namespace of the warehouse's tables. */
  public Namespace namespace() {
    return Namespace.of(settings.namespace());
  }

  /** The namespace of the load's state tables. */
  public Namespace stateNamespace() {
    return Namespace.of(STATE_NAMESPACE);
  }

  public TableIdentifier identifier(WarehouseTable table) {
    return TableIdentifier.of(namespace(), table.tableName());
  }

  /** A contract table, loaded afresh (its current metadata). */
  public Table table(WarehouseTable table) {
    return catalog.loadTable(identifier(table));
  }

  public TableIdentifier identifier(StateTable table) {
    return TableIdentifier.of(stateNamespace(), table.tableName());
  }

  /** A load state table, loaded afresh. */
  public Table table(StateTable table) {
    return catalog.loadTable(identifier(table));
  }

  /** The tables this opening created, in contract order: all of them for a new warehouse. */
  public List<WarehouseTable> created() {
    return created;
  }

  @Override
  public void close() {
    catalog.close();
  }

  /**
   * Iceberg's catalog, initialised: on first use that creates (and upgrades) its own tables in the
   * database, and two processes doing so at once can make one fail (on PostgreSQL: "Cannot check
   * and eventually update SQL schema"); the loser tries again and finds them made.
   */
  private static JdbcCatalog initialised(CatalogSettings settings, Map<String, String> properties) {
    for (int attempt = 1; ; attempt++) {
      JdbcCatalog catalog =
          settings.database() == CatalogSettings.Database.SQLITE
              ? new JdbcCatalog(null, SqliteClientPool::new, true)
              : new JdbcCatalog();
      try {
        catalog.initialize(settings.name(), properties);
        return catalog;
      } catch (RuntimeException e) {
        closeQuietly(catalog, e);
        if (attempt == INITIALISE_ATTEMPTS || !(e instanceof UncheckedSQLException)) {
          throw cannotOpen(settings, e);
        }
        pause(attempt * 100L);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while opening the catalog", e);
    }
  }

  private static void createNamespace(JdbcCatalog catalog, Namespace namespace) {
    if (catalog.namespaceExists(namespace)) {
      return;
    }
    try {
      catalog.createNamespace(namespace, Map.of());
    } catch (AlreadyExistsException | UncheckedSQLException e) {
      if (!catalog.namespaceExists(namespace)) {
        throw e;
      }
      // another process created it first
    }
  }

  /** Creates a contract table unless it exists; true when this call created it. */
  private static boolean createTable(
      JdbcCatalog catalog, TableIdentifier identifier, WarehouseTable table) {
    if (catalog.tableExists(identifier)) {
      return false;
    }
    TableContract contract = IcebergSchemas.contract(table);
    Schema schema = IcebergSchemas.schema(contract);
    try {
      catalog
          .buildTable(identifier, schema)
          .withPartitionSpec(IcebergSchemas.partitionSpec(contract, schema))
          .withProperties(IcebergSchemas.tableProperties(contract))
          .create();
      return true;
    } catch (AlreadyExistsException | UncheckedSQLException e) {
      // Another process created it first. Iceberg reports that as AlreadyExists on SQLite and as
      // an "Unknown failure" (PostgreSQL's unique violation) on PostgreSQL.
      if (!catalog.tableExists(identifier)) {
        throw e;
      }
      return false;
    }
  }

  /** Creates a load state table unless it exists (another process may create it first). */
  private static void createStateTable(
      JdbcCatalog catalog, TableIdentifier identifier, StateTable table) {
    if (catalog.tableExists(identifier)) {
      return;
    }
    try {
      catalog
          .buildTable(identifier, table.schema())
          .withPartitionSpec(table.partitionSpec(table.schema()))
          .withProperties(StateTable.tableProperties())
          .create();
    } catch (AlreadyExistsException | UncheckedSQLException e) {
      if (!catalog.tableExists(identifier)) {
        throw e;
      }
    }
  }

  private static void createBucket(
      CatalogSettings settings, String bucket, Map<String, String> properties) {
    try {
      S3Bucket.createIfMissing(bucket, properties);
    } catch (RuntimeException e) {
      throw new CatalogException(
          "cannot open the catalog "
              + settings.name()
              + ": its bucket "
              + bucket
              + " cannot be reached or created"
              + settings.s3().endpoint().map(endpoint -> " at " + endpoint).orElse("")
              + ": "
              + e,
          e);
    }
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the catalog's folder " + folder, e);
    }
  }

  private static CatalogException cannotOpen(CatalogSettings settings, RuntimeException e) {
    return new CatalogException(
        "cannot open the catalog " + settings.name() + " at " + settings.uri() + ": " + e, e);
  }

  private static void closeQuietly(JdbcCatalog catalog, RuntimeException failure) {
    try {
      catalog.close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
