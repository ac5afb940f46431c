package uk.gov.tfwh.warehouse.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which store a command uses, the one rule for every {@code ./tfwh} command that opens a warehouse
 * (docs/design/iceberg.md, slice 7). The Iceberg store is the default: the catalog settings file of
 * {@code --catalog FILE}, else the one {@code TFWH_CATALOG} names, else the embedded catalog in the
 * warehouse folder. {@code TFWH_STORE=folder} keeps the legacy folder store (snapshot folders)
 * until it is removed.
 *
 * <p>A warehouse folder that already holds snapshot folders is never opened as an Iceberg
 * warehouse: the new catalog would start empty beside the old figures, and every command would
 * silently serve or extend a different warehouse. The choice refuses it with one line naming the
 * two ways on: migrate it, or keep it with {@code TFWH_STORE=folder}.
 */
public final class StoreChoice {

  /** The environment variable naming a catalog settings file, as {@code --catalog} does. */
  public static final String CATALOG_ENV = "TFWH_CATALOG";

  /** The environment variable choosing the store: iceberg (the default) or folder (legacy). */
  public static final String STORE_ENV = "TFWH_STORE";

  private StoreChoice() {}

  /**
   * The Iceberg catalog's settings, or empty when {@code TFWH_STORE=folder} keeps the folder store.
   *
   * @param catalogFile the {@code --catalog} option, or null when not given
   * @param warehouseDir the warehouse folder (the embedded catalog's home)
   * @throws IllegalArgumentException when {@code TFWH_STORE} is neither iceberg nor folder, when it
   *     says folder beside a catalog settings file, when the settings file is missing or wrong, or
   *     when the Iceberg store is chosen for a folder that holds snapshot folders
   */
  public static Optional<CatalogSettings> iceberg(
      Path catalogFile, Path warehouseDir, Map<String, String> environment) {
    requireNonNull(warehouseDir, "warehouseDir");
    requireNonNull(environment, "environment");
    String store = environment.getOrDefault(STORE_ENV, "").strip();
    String fromEnvironment = environment.getOrDefault(CATALOG_ENV, "").strip();
    Path file =
        catalogFile != null
            ? catalogFile
            : fromEnvironment.isEmpty() ? null : Path.of(fromEnvironment);
    switch (store) {
      case "", "iceberg" -> {}
      case "folder" -> {
        if (file != null) {
          throw new IllegalArgumentException(
              STORE_ENV
                  + "=folder takes no catalog settings file ("
                  + file
                  + " from "
                  + (catalogFile != null ? "--catalog" : CATALOG_ENV)
                  + "): unset one of them");
        }
        return Optional.empty();
      }
      default ->
          throw new IllegalArgumentException(
              STORE_ENV
                  + " must be iceberg (the default) or folder (the legacy snapshot folders), not '"
                  + store
                  + "'");
    }
    refuseFolderStore(warehouseDir);
    return Optional.of(
        file != null
            ? CatalogSettings.read(file.toAbsolutePath(), warehouseDir)
            : CatalogSettings.embedded(warehouseDir));
  }

  /**
   * The Iceberg catalog Trino serves, chosen by the same rule as {@link #iceberg}. Trino serves the
   * Iceberg store only (the Hive registration of snapshot folders is gone), so where that rule
   * keeps the folder store ({@code TFWH_STORE=folder}) this refuses with {@link #trinoRefusal}.
   *
   * @throws IllegalArgumentException as {@link #iceberg} does, and when the folder store is chosen
   */
  public static CatalogSettings forTrino(
      Path catalogFile, Path warehouseDir, Map<String, String> environment) {
    // A folder of snapshot folders gets Trino's line too: the general refusal's other way on,
    // TFWH_STORE=folder, is one Trino refuses as well.
    if (holdsFolderStore(warehouseDir)) {
      throw new IllegalArgumentException(trinoRefusal(warehouseDir));
    }
    return iceberg(catalogFile, warehouseDir, environment)
        .orElseThrow(() -> new IllegalArgumentException(trinoRefusal(warehouseDir)));
  }

  /**
   * The one line refusing Trino a warehouse of the folder store (snapshot folders, or
   * TFWH_STORE=folder), naming the migration. Each command puts the option that asked for Trino in
   * front of it.
   */
  public static String trinoRefusal(Path warehouseDir) {
    Path dir = warehouseDir.toAbsolutePath().normalize();
    return "Trino serves the Iceberg store only, and "
        + dir
        + " is a legacy folder-store warehouse (snapshot folders, or TFWH_STORE=folder): turn it"
        + " into an Iceberg"
        + " warehouse with ./tfwh migrate --from-snapshots "
        + dir
        + " --warehouse NEW (docs/runbooks.md), then use NEW";
  }

  /**
   * Whether this folder holds the folder store's snapshots: its {@code CURRENT} pointer or its
   * {@code snapshots} folder (a first load that failed leaves the folder without the pointer).
   */
  public static boolean holdsFolderStore(Path warehouseDir) {
    return Files.exists(warehouseDir.resolve("CURRENT"))
        || Files.isDirectory(warehouseDir.resolve("snapshots"));
  }

  private static void refuseFolderStore(Path warehouseDir) {
    if (holdsFolderStore(warehouseDir)) {
      Path dir = warehouseDir.toAbsolutePath().normalize();
      throw new IllegalArgumentException(
          dir
              + " holds snapshot folders (the legacy folder store), which the Iceberg store (the"
              + " default) does not read: migrate them with ./tfwh migrate --from-snapshots "
              + dir
              + " --warehouse NEW_DIR, or keep using them with TFWH_STORE=folder");
    }
  }
}
