package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.concurrent.Completions;
import uk.gov.tfwh.etl.load.state.IcebergNextState;
import uk.gov.tfwh.etl.load.state.NextState;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.spark.IcebergSparkCatalog;
import uk.gov.tfwh.etl.state.IcebergPreviousState;
import uk.gov.tfwh.etl.state.PreviousState;
import uk.gov.tfwh.etl.state.StateCaches;
import uk.gov.tfwh.etl.table.IcebergTableWriter;
import uk.gov.tfwh.etl.table.LoadCatalog;
import uk.gov.tfwh.etl.table.WarehouseTables;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLocks;
import uk.gov.tfwh.warehouse.iceberg.release.ParentRelease;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCommit;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseText;
import uk.gov.tfwh.warehouse.iceberg.retention.Repair;
import uk.gov.tfwh.warehouse.iceberg.retention.Retention;
import uk.gov.tfwh.warehouse.iceberg.retention.RetentionReport;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;

/**
 * The Iceberg warehouse (docs/design/iceberg.md, section 5.4): the tables are written on a branch
 * per table, sealed as tags, and the release is committed by one transaction in the catalog
 * database ({@link ReleaseCommit}); then {@code main} follows ({@link Repair}) and {@link
 * Retention} runs. All of it under the writer lock the catalog settings choose ({@link
 * WriterLocks}: the file lock with SQLite, PostgreSQL's advisory lock with PostgreSQL), taken
 * before the catalog is opened and released on {@link #close()}.
 *
 * <p>The load state is the {@code tfwh_state} tables (docs/load-state.md), written on the same
 * branches and named by the same release as the figures: nothing is written outside the tables.
 */
public final class IcebergTarget implements LoadTarget {
  static final String RELEASES_FOLDER = "releases";

  private final CatalogSettings settings;
  private final WarehouseCatalog catalog;
  private final CatalogDatabase database;
  private final WriterLock lock;
  private final ReleaseCommit commits;
  private final Optional<ParentRelease> current;
  private final Path releasesDir;
  private final StateCaches stateCaches;
  private final Consumer<String> progress;
  private final String writtenBy;
  private IcebergRelease release;
  private PreviousState previous;
  private SparkSession session;
  private NextState next;
  private WarehouseCatalog afterCommit;

  private IcebergTarget(
      WarehouseCatalog catalog,
      CatalogDatabase database,
      WriterLock lock,
      Optional<ParentRelease> current,
      Path warehouseDir,
      Consumer<String> progress,
      String writtenBy) {
    this.settings = catalog.settings();
    this.catalog = catalog;
    this.database = database;
    this.lock = lock;
    this.commits = new ReleaseCommit(database);
    this.current = current;
    this.releasesDir = warehouseDir.toAbsolutePath().normalize().resolve(RELEASES_FOLDER);
    this.stateCaches = StateCaches.in(warehouseDir);
    this.progress = progress;
    this.writtenBy = requireNonNull(writtenBy, "writtenBy");
  }

  /**
   * Takes the writer lock (or throws {@code WriterBusyException} naming the holder), opens the
   * catalog (creating what is missing), reads the current release and redoes the steps after its
   * commit that a killed load may have skipped.
   */
  static IcebergTarget open(
      CatalogSettings settings, Path warehouseDir, Consumer<String> progress) {
    CatalogDatabase database = CatalogDatabase.of(settings);
    WriterLock lock = WriterLocks.acquire(database, warehouseDir, "load");
    return open(settings, warehouseDir, progress, loadOnThisHost(), lock);
  }

  /**
   * As {@link #open(CatalogSettings, Path, Consumer)}, for a writer that has taken the warehouse's
   * writer lock already: the target holds {@code lock} until {@link #close()}, which closes it. A
   * writer that holds the lock for longer ({@code ./tfwh migrate} commits the folder store's
   * snapshots as releases through one target per release, under one lock) lends it, as a {@link
   * uk.gov.tfwh.warehouse.iceberg.lock.LentWriterLock}.
   *
   * @param writtenBy what each release's row says wrote it
   * @param lock the writer lock held for this target's work
   */
  public static IcebergTarget open(
      CatalogSettings settings,
      Path warehouseDir,
      Consumer<String> progress,
      String writtenBy,
      WriterLock lock) {
    requireNonNull(lock, "lock");
    requireNonNull(progress, "progress");
    CatalogDatabase database = CatalogDatabase.of(settings);
    WarehouseCatalog catalog;
    try {
      catalog = WarehouseCatalog.open(settings);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    try {
      ReleaseCatalog releases = new ReleaseCatalog(database);
      releases.migrate();
      new Repair(catalog, database)
          .run()
          .forEach(done -> progress.accept("  repaired after a killed load: " + done));
      Optional<ParentRelease> current = releases.currentParent();
      return new IcebergTarget(catalog, database, lock, current, warehouseDir, progress, writtenBy);
    } catch (RuntimeException e) {
      catalog.close();
      lock.close();
      throw e;
    }
  }

  @Override
  public Optional<SnapshotManifest> parent() {
    return current.map(r -> ReleaseJson.manifest(r.manifestJson()));
  }

  /** No folder: the state is in the {@code tfwh_state} tables ({@link #previous()}). */
  @Override
  public Optional<Path> parentDir() {
    return Optional.empty();
  }

  /**
   * The current release's state, read from the {@code tfwh_state} snapshots it names. Its tables
   * are looked up now, through the catalog this target opened, before any branch is made.
   */
  @Override
  public PreviousState previous() {
    if (previous == null) {
      previous =
          current
              .<PreviousState>map(
                  r -> new IcebergPreviousState(catalog.catalog(), r.outline(), stateCaches))
              .orElse(PreviousState.none());
    }
    return previous;
  }

  /**
   * A branch of every table at the parent's snapshot. The staged snapshot's folder is never made: a
   * release keeps nothing outside its tables and its row.
   */
  @Override
  public StagedSnapshot stage(String id) {
    release = new IcebergRelease(new LoadCatalog(settings, catalog.catalog()), id);
    StagedSnapshot staged = new StagedSnapshot(id, releasesDir.resolve(id), null);
    try {
      release.branch(current.map(ParentRelease::outline));
    } catch (RuntimeException e) {
      abort(staged);
      throw explain(e);
    }
    return staged;
  }

  @Override
  public NextState next(SparkSession spark, StagedSnapshot staged) {
    if (next == null) {
      next = new IcebergNextState(session(spark), release.catalog(), release.branch(), stateCaches);
    }
    return next;
  }

  @Override
  public WarehouseTables tables(
      SparkSession spark, StagedSnapshot staged, Optional<Path> reusableParent) {
    return new IcebergTableWriter(
        session(spark), release.catalog(), release.branch(), previous(), next(spark, staged));
  }

  /**
   * The session that sees the catalog; from here on the load commits through Spark's catalog
   * instance (section 5.4.1: one catalog connection per process for writes).
   */
  private SparkSession session(SparkSession spark) {
    if (session == null) {
      session = IcebergSparkCatalog.session(spark, settings);
      release.use(new LoadCatalog(settings, IcebergSparkCatalog.icebergCatalog(session, settings)));
    }
    return session;
  }

  /**
   * Seals the branches as tags, then commits the release row with its tables: the commit point.
   * Moving {@code main} afterwards is best effort; the next load does it if this one cannot.
   */
  @Override
  public void commit(StagedSnapshot staged, SnapshotManifest manifest, LoadReport report) {
    // The row's manifest and report list every landing file and every return, megabytes of JSON
    // on a long history: written and packed on their own thread while the tables are sealed,
    // which mostly waits for the catalog's commits, so a long history does not lengthen the
    // commit by them (ReleaseText says why packed).
    CompletableFuture<RowTexts> texts =
        Completions.onOwnThread(
            "tfwh-release-json",
            () ->
                new RowTexts(
                    ReleaseText.packing(ReleaseJson.manifestJson(manifest)),
                    ReleaseText.packing(report.json())));
    List<ReleaseTable> tables;
    try {
      tables = release.seal();
    } catch (RuntimeException | Error e) {
      Completions.awaitQuietly(texts);
      throw e;
    }
    progress.accept("  sealed " + tables.size() + " tables as " + release.tag());
    RowTexts written = Completions.join(texts);
    ReleaseRecord record =
        new ReleaseRecord(
            current.map(ParentRelease::seq).orElse(0L) + 1,
            manifest.id(),
            current.map(ParentRelease::id),
            manifest.createdAt(),
            manifest.referenceVersion(),
            manifest.inputsDigest(),
            written.manifest(),
            written.report(),
            writtenBy);
    Release committed = new Release(record, tables);
    commits.commit(committed);
    // Only this release's tag and main: open() made every other ref agree, and nothing else
    // changed since under the lock. Through a catalog opened now: the catalogs open since before
    // the release transaction may still read the catalog database as it was (SQLite's snapshot of
    // an earlier read), and SQLite refuses their writes (SQLITE_BUSY_SNAPSHOT).
    try {
      new Repair(afterCommit(), database).release(committed);
    } catch (RuntimeException e) {
      progress.accept("  main not moved yet (the next load moves it): " + e.getMessage());
    }
    removeStateFolders();
  }

  @Override
  public void abort(StagedSnapshot staged) {
    List<String> failures = new ArrayList<>();
    if (release != null) {
      release.discard(failures);
    }
    failures.forEach(f -> progress.accept("  left for retention: " + f));
  }

  /**
   * A failure of a load without the writer lock ({@code tfwh.lock=none}) that met another writer:
   * when a newer release than this load's parent is there, another load committed while this one
   * ran, whatever Iceberg or the database said (a ref commit refused, the release number taken, a
   * branch another writer's retention removed); when none is, but Iceberg refused a commit because
   * another came between, another writer's commit got in the way. Either way nothing of this load
   * was released and running it again is the way on (section 5.6).
   */
  @Override
  public RuntimeException explain(RuntimeException failure) {
    if (failure instanceof LoadRaceException) {
      return failure;
    }
    Optional<ParentRelease> newest;
    try {
      newest = new ReleaseCatalog(database).currentParent();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      return failure;
    }
    if (!newest.map(ParentRelease::id).equals(current.map(ParentRelease::id))) {
      return LoadRaceException.released(
          newest.map(r -> named(r.seq(), r.id())).orElse("no release"), parentNamed(), failure);
    }
    return conflict(failure)
        .<RuntimeException>map(c -> LoadRaceException.tablesChanged(parentNamed(), c, failure))
        .orElse(failure);
  }

  private String parentNamed() {
    return current.map(r -> named(r.seq(), r.id())).orElse("an empty warehouse");
  }

  private static String named(long seq, String id) {
    return "release " + seq + " (" + id + ")";
  }

  /** Iceberg's word that another commit came between, anywhere among the failure's causes. */
  private static Optional<Throwable> conflict(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
    while (!pending.isEmpty()) {
      Throwable t = pending.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof CommitFailedException
          || t instanceof CommitStateUnknownException
          || t instanceof IcebergRelease.BranchGoneException
          || (t instanceof ValidationException
              && String.valueOf(t.getMessage()).contains("onflict"))) {
        return Optional.of(t);
      }
      if (t.getCause() != null) {
        pending.push(t.getCause());
      }
      pending.addAll(List.of(t.getSuppressed()));
    }
    return Optional.empty();
  }

  /**
   * Retains the newest {@code keep} releases, the current and every published one (design, section
   * 5.8), sparing this load's own refs. It runs after the commit, so a failure here fails nothing:
   * the release stays committed and current, and the next load or {@code publish --retain} finishes
   * the retention (every step is idempotent).
   */
  @Override
  public List<String> retain(int keep) {
    if (lock.kind() == WriterLock.Kind.NONE) {
      // Retention removes every load_ branch and r_ tag but this load's: without a lock another
      // load may be writing to its branch right now.
      progress.accept(
          "retention skipped: tfwh.lock=none, so another load may be running; the next load"
              + " under a lock retains");
      return List.of();
    }
    Optional<String> running = Optional.ofNullable(release).map(IcebergRelease::id);
    // The catalog opened after the commit, as for Repair: the older one may read SQLite as it was
    // before the release transaction.
    try {
      RetentionReport report = new Retention(afterCommit(), database, lock).run(keep, running);
      if (!report.removedNothing()) {
        progress.accept(
            "  retention: "
                + report.releasesDeleted().size()
                + " releases, "
                + report.refsRemoved().size()
                + " refs, "
                + report.snapshotsExpired().size()
                + " table snapshots, "
                + (report.expiredFiles().size() + report.orphanFiles().size())
                + " files removed");
      }
      return report.releasesDeleted();
    } catch (RuntimeException e) {
      progress.accept(
          "retention failed after the commit: the release is committed and current; the next"
              + " load or publish --retain N retains ("
              + e.getMessage()
              + ")");
      return List.of();
    }
  }

  /**
   * The catalog for the work after the release commit ({@code main}, retention), opened once, at
   * the first use after the commit.
   */
  private WarehouseCatalog afterCommit() {
    if (afterCommit == null) {
      afterCommit = WarehouseCatalog.open(settings);
    }
    return afterCommit;
  }

  @Override
  public void close() {
    try {
      if (afterCommit != null) {
        afterCommit.close();
      }
    } finally {
      try {
        catalog.close();
      } finally {
        lock.close();
      }
    }
  }

  private static String loadOnThisHost() {
    String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
    return "tfwh load on " + host + ", process " + ProcessHandle.current().pid();
  }

  /**
   * The state folders {@code <warehouse>/releases/} that loads kept before the state became tables
   * (slice 4): no load reads them any more.
   */
  private void removeStateFolders() {
    if (!Files.isDirectory(releasesDir)) {
      return;
    }
    try {
      deleteTree(releasesDir);
    } catch (UncheckedIOException e) {
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

  /** The release row's two JSON texts. */
  private record RowTexts(ReleaseText manifest, ReleaseText report) {}
}
