package uk.gov.tfwh.warehouse.query.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * A warehouse opened for reading with the embedded engine, in the store {@link StoreChoice} picks:
 * the Iceberg store (its catalog stays open until {@link #close}), or the legacy folder store. What
 * a command that only reads figures ({@code ./tfwh briefing}) and the tests over the seed-1 sample
 * open; the API has its own ({@code ServedWarehouse}), which also serves Trino.
 */
public final class WarehouseReader implements AutoCloseable {
  private final WarehouseReleases releases;
  private final WarehouseCatalog catalog;

  private WarehouseReader(WarehouseReleases releases, WarehouseCatalog catalog) {
    this.releases = requireNonNull(releases, "releases");
    this.catalog = catalog;
  }

  /**
   * Opens the store {@link StoreChoice} picks for these options and environment.
   *
   * @throws IllegalArgumentException when the choice is refused ({@link StoreChoice})
   * @throws IllegalStateException when there is no warehouse, or no catalog in it yet
   */
  public static WarehouseReader open(
      Path catalogFile, Path warehouseDir, Map<String, String> environment) {
    Optional<CatalogSettings> iceberg = StoreChoice.iceberg(catalogFile, warehouseDir, environment);
    if (!Files.isDirectory(warehouseDir)) {
      throw new IllegalStateException("there is no warehouse at " + warehouseDir);
    }
    return iceberg.isPresent()
        ? iceberg(iceberg.get(), environment)
        : new WarehouseReader(new SnapshotStore(warehouseDir), null);
  }

  /** The Iceberg store of these settings, its secrets read from this environment. */
  public static WarehouseReader iceberg(CatalogSettings settings, Map<String, String> environment) {
    Optional<Path> file = settings.sqliteFile();
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      throw new IllegalStateException(
          "there is no Iceberg catalog at " + file.get() + ": nothing has been loaded into it");
    }
    WarehouseCatalog catalog = WarehouseCatalog.open(settings, environment);
    try {
      return new WarehouseReader(
          IcebergReleases.open(CatalogDatabase.of(settings, environment)), catalog);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  public WarehouseReleases releases() {
    return releases;
  }

  /** Whether this is the Iceberg store (not the legacy folder store). */
  public boolean iceberg() {
    return catalog != null;
  }

  /** The embedded engine over this store; close it before this reader. */
  public EmbeddedQueries queries(QueryEngineConfig config) {
    return catalog != null
        ? EmbeddedQueries.overIceberg(catalog, (IcebergReleases) releases, config)
        : new EmbeddedQueries((SnapshotStore) releases, config);
  }

  @Override
  public void close() {
    if (catalog != null) {
      catalog.close();
    }
  }
}
