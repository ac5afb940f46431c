package uk.gov.tfwh.warehouse.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which store a command uses until the Iceberg store becomes the default (docs/design/iceberg.md,
 * section 6): the folder store, unless {@code --catalog FILE} is given, or {@code TFWH_CATALOG}
 * names a settings file, or {@code TFWH_STORE=iceberg} asks for the embedded catalog in the
 * warehouse folder.
 */
public final class StoreChoice {

  /** The environment variable naming a catalog settings file, as {@code --catalog} does. */
  public static final String CATALOG_ENV = "TFWH_CATALOG";

  /** The environment variable choosing the store: {@code folder} (the default) or iceberg. */
  public static final String STORE_ENV = "TFWH_STORE";

  private StoreChoice() {}

  /**
   * The Iceberg catalog's settings when the Iceberg store is chosen, empty for the folder store.
   *
   * @param catalogFile the {@code --catalog} option, or null when not given
   * @param warehouseDir the warehouse folder (the embedded catalog's home)
   * @throws IllegalArgumentException when {@code TFWH_STORE} is neither folder nor iceberg, or the
   *     settings file is missing or wrong
   */
  public static Optional<CatalogSettings> iceberg(
      Path catalogFile, Path warehouseDir, Map<String, String> environment) {
    requireNonNull(warehouseDir, "warehouseDir");
    requireNonNull(environment, "environment");
    if (catalogFile != null) {
      return Optional.of(CatalogSettings.read(catalogFile, warehouseDir));
    }
    String file = environment.getOrDefault(CATALOG_ENV, "").strip();
    if (!file.isEmpty()) {
      return Optional.of(CatalogSettings.read(Path.of(file), warehouseDir));
    }
    String store = environment.getOrDefault(STORE_ENV, "").strip();
    return switch (store) {
      case "", "folder" -> Optional.empty();
      case "iceberg" -> Optional.of(CatalogSettings.embedded(warehouseDir));
      default ->
          throw new IllegalArgumentException(
              STORE_ENV + " must be folder (the default) or iceberg, not '" + store + "'");
    };
  }
}
