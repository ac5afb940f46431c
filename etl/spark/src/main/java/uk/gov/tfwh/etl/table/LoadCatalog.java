package uk.gov.tfwh.etl.table;

import static java.util.Objects.requireNonNull;

import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The Iceberg catalog a load commits its tables through. Once Spark writes, that is Spark's own
 * catalog instance: SQLite allows one writer connection, and two catalogs in one process (each with
 * its connection) committing at once fail with {@code SQLITE_BUSY_SNAPSHOT}.
 */
public record LoadCatalog(CatalogSettings settings, Catalog catalog) {
  public LoadCatalog {
    requireNonNull(settings, "settings");
    requireNonNull(catalog, "catalog");
  }

  /** A contract table, loaded afresh (its current metadata). */
  public Table table(WarehouseTable table) {
    return catalog.loadTable(TableIdentifier.of(settings.namespace(), table.tableName()));
  }

  /** A load state table, loaded afresh. */
  public Table table(StateTable table) {
    return catalog.loadTable(
        TableIdentifier.of(WarehouseCatalog.STATE_NAMESPACE, table.tableName()));
  }
}
