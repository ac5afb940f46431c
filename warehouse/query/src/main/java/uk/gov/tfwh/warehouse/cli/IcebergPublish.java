package uk.gov.tfwh.warehouse.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLocks;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.Publisher;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.retention.Retention;
import uk.gov.tfwh.warehouse.query.trino.TrinoViews;

/**
 * {@code ./tfwh publish} on the Iceberg store (docs/design/iceberg.md, section 5.8): publishes a
 * release through {@link Publisher} and retains through {@link Retention}, both under the writer
 * lock the catalog settings choose ({@link WriterLocks}: the file lock with SQLite, PostgreSQL's
 * advisory lock with PostgreSQL); points Trino's {@code published} and {@code current} views at the
 * releases ({@link TrinoViews}); and lists the releases as the folder store's snapshots are listed.
 */
final class IcebergPublish {
  /** The Trino user that makes the views, as the folder store's registrar. */
  private static final String TRINO_USER = "tfwh";

  private final Path warehouse;
  private final CatalogSettings settings;
  private final Map<String, String> environment;
  private final CatalogDatabase database;

  /**
   * @param environment where the catalog's password (if any) is read from: the process's own
   */
  IcebergPublish(Path warehouse, CatalogSettings settings, Map<String, String> environment) {
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
    this.environment = Map.copyOf(environment);
    this.database = CatalogDatabase.of(settings, this.environment);
  }

  /**
   * Takes the warehouse's writer lock for a publish or a retention, or throws {@code
   * WriterBusyException} naming the holder (a load, another publish).
   */
  WriterLock lock() {
    return WriterLocks.acquire(database, warehouse, "publish");
  }

  /**
   * Publishes the release of this id, or the current one when empty, and returns its id.
   *
   * @param lock the writer lock the caller holds ({@link #lock()})
   * @throws IllegalStateException when there is no such release
   */
  String publish(WriterLock lock, Optional<String> id) {
    requireNonNull(lock, "lock");
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings, environment)) {
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

  /**
   * Retains the newest {@code keep} releases, the current and every published one, and returns the
   * ids of the releases removed, oldest first.
   *
   * @param lock the writer lock the caller holds ({@link #lock()})
   */
  List<String> retain(WriterLock lock, int keep) {
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings, environment)) {
      return new Retention(catalog, database, lock).run(keep).releasesDeleted();
    }
  }

  /**
   * Points Trino's {@code published} and {@code current} views at the releases the release tables
   * name now, and prints one line for each.
   *
   * @param trinoUrl Trino's JDBC URL
   */
  void updateViews(String trinoUrl, PrintWriter out) {
    ReleaseCatalog releases = new ReleaseCatalog(database);
    TrinoViews views = new TrinoViews(trinoUrl, TRINO_USER, settings);
    views.update(releases);
    print(out, TrinoViews.PUBLISHED, releases.publishedOutline());
    print(out, TrinoViews.CURRENT, releases.currentOutline());
  }

  private void print(PrintWriter out, String schema, Optional<ReleaseOutline> release) {
    release.ifPresent(
        r ->
            out.println(
                "trino: "
                    + schema
                    + " is "
                    + r.id()
                    + " (views "
                    + settings.name()
                    + "."
                    + schema
                    + ")"));
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
