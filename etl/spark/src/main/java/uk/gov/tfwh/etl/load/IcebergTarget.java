package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.spark.IcebergSparkCatalog;
import uk.gov.tfwh.etl.state.LoadState;
import uk.gov.tfwh.etl.table.IcebergTableWriter;
import uk.gov.tfwh.etl.table.LoadCatalog;
import uk.gov.tfwh.etl.table.WarehouseTables;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCommit;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.retention.Repair;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;

/**
 * The Iceberg warehouse (docs/design/iceberg.md, section 5.4): the tables are written on a branch
 * per table, sealed as tags, and the release is committed by one transaction in the catalog
 * database ({@link ReleaseCommit}); then {@code main} follows ({@link Repair}).
 *
 * <p>Until the load state becomes tables (slice 5), each release's state and load report stay in a
 * folder of their own, {@code <warehouse>/releases/<release id>/}, laid out as a snapshot folder
 * without its tables; a load reads its parent release's. Only the current release's folder is kept.
 */
public final class IcebergTarget implements LoadTarget {
  static final String RELEASES_FOLDER = "releases";

  private final CatalogSettings settings;
  private final WarehouseCatalog catalog;
  private final CatalogDatabase database;
  private final ReleaseCommit commits;
  private final Optional<Release> current;
  private final Path releasesDir;
  private final Consumer<String> progress;
  private final String writtenBy;
  private IcebergRelease release;

  private IcebergTarget(
      WarehouseCatalog catalog,
      CatalogDatabase database,
      Optional<Release> current,
      Path warehouseDir,
      Consumer<String> progress,
      String writtenBy) {
    this.settings = catalog.settings();
    this.catalog = catalog;
    this.database = database;
    this.commits = new ReleaseCommit(database);
    this.current = current;
    this.releasesDir = warehouseDir.toAbsolutePath().normalize().resolve(RELEASES_FOLDER);
    this.progress = progress;
    this.writtenBy = requireNonNull(writtenBy, "writtenBy");
  }

  /**
   * Opens the catalog (creating what is missing), reads the current release and redoes the steps
   * after its commit that a killed load may have skipped.
   */
  static IcebergTarget open(
      CatalogSettings settings, Path warehouseDir, Consumer<String> progress) {
    return open(settings, warehouseDir, progress, loadOnThisHost());
  }

  /**
   * As {@link #open(CatalogSettings, Path, Consumer)}, for another writer than the load ({@code
   * ./tfwh migrate} commits the folder store's snapshots as releases through it).
   *
   * @param writtenBy what each release's row says wrote it
   */
  public static IcebergTarget open(
      CatalogSettings settings, Path warehouseDir, Consumer<String> progress, String writtenBy) {
    requireNonNull(progress, "progress");
    WarehouseCatalog catalog = WarehouseCatalog.open(settings);
    try {
      CatalogDatabase database = CatalogDatabase.of(settings);
      ReleaseCatalog releases = new ReleaseCatalog(database);
      releases.migrate();
      new Repair(catalog, database)
          .run()
          .forEach(done -> progress.accept("  repaired after a killed load: " + done));
      Optional<Release> current = releases.current();
      return new IcebergTarget(catalog, database, current, warehouseDir, progress, writtenBy);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  @Override
  public Optional<SnapshotManifest> parent() {
    return current.map(r -> ReleaseJson.manifest(r.record().manifestJson()));
  }

  @Override
  public Optional<Path> parentDir() {
    return current.map(r -> releasesDir.resolve(r.id()));
  }

  /** The release's folder for its state, and a branch of every table at the parent's snapshot. */
  @Override
  public StagedSnapshot stage(String id) {
    Path dir = releasesDir.resolve(id);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    release = new IcebergRelease(new LoadCatalog(settings, catalog.catalog()), id);
    release.branch(current);
    return new StagedSnapshot(id, dir, null);
  }

  @Override
  public WarehouseTables tables(
      SparkSession spark, StagedSnapshot staged, Optional<Path> reusableParent) {
    SparkSession session = IcebergSparkCatalog.session(spark, settings);
    release.use(new LoadCatalog(settings, IcebergSparkCatalog.icebergCatalog(session, settings)));
    return new IcebergTableWriter(
        session,
        release.catalog(),
        release.branch(),
        LoadState.stateDir(staged.directory()),
        parentDir().map(LoadState::stateDir));
  }

  /**
   * Seals the branches as tags, then commits the release row with its tables: the commit point.
   * Moving {@code main} afterwards is best effort; the next load does it if this one cannot.
   */
  @Override
  public void commit(StagedSnapshot staged, SnapshotManifest manifest, LoadReport report) {
    List<ReleaseTable> tables = release.seal();
    progress.accept("  sealed " + tables.size() + " tables as " + release.tag());
    ReleaseRecord record =
        new ReleaseRecord(
            current.map(Release::seq).orElse(0L) + 1,
            manifest.id(),
            current.map(Release::id),
            manifest.createdAt(),
            manifest.referenceVersion(),
            manifest.inputsDigest(),
            ReleaseJson.manifestJson(manifest),
            report.json(),
            writtenBy);
    Release committed = new Release(record, tables);
    commits.commit(committed);
    // Through a catalog opened now: the catalogs open since before the release transaction may
    // still read the catalog database as it was (SQLite's snapshot of an earlier read), and SQLite
    // refuses their writes (SQLITE_BUSY_SNAPSHOT).
    try (WarehouseCatalog fresh = WarehouseCatalog.open(settings)) {
      new Repair(fresh, database).run();
    } catch (RuntimeException e) {
      progress.accept("  main not moved yet (the next load moves it): " + e.getMessage());
    }
    removeFoldersBut(manifest.id());
  }

  @Override
  public void abort(StagedSnapshot staged) {
    List<String> failures = new ArrayList<>();
    if (release != null) {
      release.discard(failures);
    }
    failures.forEach(f -> progress.accept("  left for retention: " + f));
    deleteTree(staged.directory());
  }

  /** Retention of Iceberg releases comes with slice 6: every release is kept. */
  @Override
  public List<String> retain(int keep) {
    return List.of();
  }

  @Override
  public void close() {
    catalog.close();
  }

  private static String loadOnThisHost() {
    String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
    return "tfwh load on " + host + ", process " + ProcessHandle.current().pid();
  }

  /** The state folders of releases other than the current one: no load reads them again. */
  private void removeFoldersBut(String id) {
    try (Stream<Path> folders = Files.list(releasesDir)) {
      folders.filter(dir -> !dir.getFileName().toString().equals(id)).forEach(this::deleteTree);
    } catch (IOException | UncheckedIOException e) {
      progress.accept("  old load state left in " + releasesDir + ": " + e.getMessage());
    }
  }

  private void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
