package uk.gov.tfwh.warehouse.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.Publisher;
import uk.gov.tfwh.warehouse.snapshot.WarehouseLock;

/**
 * {@code ./tfwh publish} on the Iceberg store: publishes a release through {@link Publisher} under
 * the warehouse's writer lock (the lock file in the warehouse folder, as the folder store's), and
 * lists the releases as the folder store's snapshots are listed.
 */
final class IcebergPublish {
  private final Path warehouse;
  private final CatalogSettings settings;
  private final CatalogDatabase database;

  IcebergPublish(Path warehouse, CatalogSettings settings) {
    this.warehouse = requireNonNull(warehouse, "warehouse").toAbsolutePath().normalize();
    this.settings = requireNonNull(settings, "settings");
    if (!Files.isDirectory(this.warehouse)) {
      throw new IllegalStateException("there is no warehouse at " + this.warehouse);
    }
    Optional<Path> file = settings.sqliteFile();
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      throw new IllegalStateException(
          "there is no Iceberg catalog at " + file.get() + ": nothing has been loaded into it");
    }
    this.database = CatalogDatabase.of(settings);
  }

  /**
   * Publishes the release of this id, or the current one when empty, and returns its id.
   *
   * @throws IllegalStateException when there is no such release
   */
  String publish(Optional<String> id) {
    try (WarehouseLock lock = WarehouseLock.acquire(warehouse, "publish");
        WarehouseCatalog catalog = WarehouseCatalog.open(settings)) {
      IcebergReleases releases = IcebergReleases.open(database);
      String release =
          id.orElseGet(
              () ->
                  releases
                      .currentId()
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "no release has been loaded in " + releases.location())));
      if (!releases.isCommitted(release)) {
        throw new IllegalStateException(
            "there is no committed snapshot " + release + " in " + releases.location());
      }
      new Publisher(catalog, database).publish(release, publisher());
      return release;
    }
  }

  /** Prints every release, oldest first, with its status and row counts. */
  void list(PrintWriter out) {
    new PublishCommand.SnapshotListing(IcebergReleases.open(database)).print(out);
  }

  /** Who publishes, for the publication's row: the user, the host and the command. */
  private static String publisher() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown host";
    }
    return System.getProperty("user.name")
        + " on "
        + host
        + ", process "
        + ProcessHandle.current().pid()
        + ", ./tfwh publish";
  }
}
