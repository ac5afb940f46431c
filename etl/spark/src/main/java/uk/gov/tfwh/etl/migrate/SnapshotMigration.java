package uk.gov.tfwh.etl.migrate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import uk.gov.tfwh.etl.load.IcebergTarget;
import uk.gov.tfwh.etl.load.state.NextState;
import uk.gov.tfwh.etl.read.ClaimRows;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.state.FolderPreviousState;
import uk.gov.tfwh.etl.state.LoadState;
import uk.gov.tfwh.etl.table.TableSchemas;
import uk.gov.tfwh.etl.table.WarehouseTables;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.lock.LentWriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLocks;
import uk.gov.tfwh.warehouse.iceberg.release.Publisher;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCommit;
import uk.gov.tfwh.warehouse.release.WarehouseReleases.Publication;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;
import uk.gov.tfwh.warehouse.table.TableFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * {@code ./tfwh migrate --from-snapshots DIR} (docs/design/iceberg.md, section 5.13): commits every
 * committed snapshot of a folder-store warehouse, oldest first, as a release of an empty Iceberg
 * warehouse with the same id and manifest, then its publications with their original times.
 *
 * <p>Each snapshot is committed as a load commits ({@link IcebergTarget}: a branch per table at the
 * previous release, seal, release transaction, {@code main}), and its tables are written by the
 * load's writers from the snapshot's Parquet: files are rewritten, never registered, so every file
 * has Iceberg's field ids and the partition column. A table (or {@code fact_claim} quarter) made of
 * the same files as in the previous snapshot, which the folder store hard-linked, is not written:
 * the release names the previous release's snapshot. The newest snapshot's load state goes into its
 * release's {@code tfwh_state} tables, so the first load afterwards reads only what is new.
 *
 * <p>The source folder is only read: not even its lock is taken, since taking it writes a file. Run
 * it while no load or publish uses the source.
 */
public final class SnapshotMigration {
  static final String PURPOSE = "migrate";

  private final SparkSession spark;
  private final Consumer<String> progress;

  public SnapshotMigration(SparkSession spark, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark");
    this.progress = requireNonNull(progress, "progress");
  }

  /** What a migration committed: the release ids, oldest first, and the publications. */
  public record Result(List<String> releaseIds, int publications) {
    public Result {
      releaseIds = List.copyOf(releaseIds);
    }
  }

  /**
   * Migrates the snapshots of {@code source} into the Iceberg warehouse of {@code settings}, whose
   * warehouse folder is {@code warehouseDir}, under that warehouse's writer lock.
   *
   * @throws MigrationRefusedException when the source is no folder-store warehouse or the target
   *     already has releases: nothing was written
   */
  public Result run(Path source, CatalogSettings settings, Path warehouseDir) {
    Path from = source.toAbsolutePath().normalize();
    Path to = warehouseDir.toAbsolutePath().normalize();
    SnapshotStore legacy = new SnapshotStore(from);
    List<SnapshotManifest> snapshots = snapshots(legacy, to);
    CatalogDatabase database = openTarget(settings, to);
    try (WriterLock lock = WriterLocks.acquire(database, to, PURPOSE)) {
      refuseReleases(database, settings);
      List<String> ids = new ArrayList<>();
      Optional<LegacySnapshot> previous = Optional.empty();
      for (int i = 0; i < snapshots.size(); i++) {
        LegacySnapshot snapshot =
            new LegacySnapshot(snapshots.get(i), legacy.snapshotDir(snapshots.get(i).id()));
        boolean newest = i == snapshots.size() - 1;
        progress.accept(
            "migrate: snapshot " + (i + 1) + " of " + snapshots.size() + ", " + snapshot.id());
        commit(snapshot, previous, newest, settings, to, lock);
        ids.add(snapshot.id());
        previous = Optional.of(snapshot);
      }
      int publications = publish(legacy, settings, database);
      return new Result(ids, publications);
    }
  }

  /**
   * Refuses, before any work, a source that is no folder-store warehouse or a target that has
   * releases already ({@link #run} checks again under the lock). The command calls it before it
   * starts Spark.
   *
   * @throws MigrationRefusedException saying why
   */
  public static void refuseUnlessMigratable(
      Path source, CatalogSettings settings, Path warehouseDir) {
    Path to = warehouseDir.toAbsolutePath().normalize();
    snapshots(new SnapshotStore(source.toAbsolutePath().normalize()), to);
    refuseReleases(openTarget(settings, to), settings);
  }

  /** Whether the Iceberg warehouse has releases (migrated already, or loaded into). */
  public static boolean hasReleases(CatalogSettings settings, Path warehouseDir) {
    return !new ReleaseCatalog(openTarget(settings, warehouseDir.toAbsolutePath().normalize()))
        .list()
        .isEmpty();
  }

  private static CatalogDatabase openTarget(CatalogSettings settings, Path to) {
    try {
      Files.createDirectories(to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + to, e);
    }
    CatalogDatabase database = CatalogDatabase.of(settings);
    new ReleaseCatalog(database).migrate();
    return database;
  }

  private static List<SnapshotManifest> snapshots(SnapshotStore legacy, Path to) {
    if (legacy.root().equals(to)) {
      throw new MigrationRefusedException(
          "the source and the target are one folder: " + legacy.root());
    }
    if (!Files.isDirectory(legacy.root()) || legacy.currentId().isEmpty()) {
      throw new MigrationRefusedException(
          legacy.root() + " is not a folder-store warehouse (it has no CURRENT snapshot)");
    }
    return legacy.list();
  }

  private static void refuseReleases(CatalogDatabase database, CatalogSettings settings) {
    List<?> releases = new ReleaseCatalog(database).outlines();
    if (!releases.isEmpty()) {
      throw new MigrationRefusedException(
          "the Iceberg warehouse "
              + settings.name()
              + " already has "
              + releases.size()
              + " releases; migrate only into an empty one");
    }
  }

  /** One snapshot, committed as a load would commit it. */
  private void commit(
      LegacySnapshot snapshot,
      Optional<LegacySnapshot> previous,
      boolean newest,
      CatalogSettings settings,
      Path warehouseDir,
      WriterLock lock) {
    String writtenBy = shortened("tfwh migrate from " + snapshot.directory());
    try (IcebergTarget target =
        IcebergTarget.open(settings, warehouseDir, progress, writtenBy, new LentWriterLock(lock))) {
      StagedSnapshot staged = target.stage(snapshot.id());
      try {
        WarehouseTables tables = target.tables(spark, staged, Optional.empty());
        NextState state = target.next(spark, staged);
        for (WarehouseTable table : WarehouseTable.values()) {
          if (table == WarehouseTable.FACT_CLAIM) {
            writeClaims(tables, snapshot, previous);
          } else if (previous.isPresent()
              && snapshot.fileKeys(table).equals(previous.get().fileKeys(table))) {
            // The same files: the branch is at the previous release's snapshot already.
            state.writePartitionDigests(table, target.previous().partitionDigests(table));
            progress.accept("  " + table.tableName() + ": unchanged");
          } else {
            tables.write(table, driverRows(tables.spark(), snapshot, table));
            progress.accept("  " + table.tableName() + ": written");
          }
        }
        if (newest) {
          carryState(new FolderPreviousState(snapshot.directory()), state);
        }
        state.finish();
        LoadReport report = LoadReport.readJson(snapshot.directory().resolve(LoadReport.FILE_NAME));
        target.commit(staged, snapshot.manifest(), report);
      } catch (RuntimeException e) {
        target.abort(staged);
        throw e;
      }
    }
  }

  /**
   * The newest snapshot's load state, read as the folder store reads it (the serialised returns
   * through their class filter, the checksums, the claim rows' Parquet, {@code fact_claim}'s
   * partition digests), written into the release's {@code tfwh_state} tables, so the first load
   * after the migration reads only what is new. A state the folder store could not read either is
   * not carried: that load then reads everything, as the folder store's next load would have.
   */
  private void carryState(FolderPreviousState legacy, NextState state) {
    Optional<LoadState> returns;
    try {
      returns = legacy.returns();
    } catch (UncheckedIOException e) {
      returns = Optional.empty();
    }
    if (returns.isEmpty()) {
      progress.accept("  load state: none readable in " + legacy.snapshotDir() + ", not carried");
      return;
    }
    Set<Long> batches = new TreeSet<>();
    returns.get().returns().forEach(read -> batches.add(read.batch()));
    state.keepClaims(Set.of());
    for (long batch : batches) {
      Path dir = legacy.claimsDir(batch);
      if (!TableFiles.dataFiles(dir).isEmpty()) {
        state.writeClaims(
            batch, state.spark().read().schema(ClaimRows.SCHEMA).parquet(dir.toString()));
      }
    }
    state.writeReturns(
        returns.get(), new LoadState(returns.get().referenceDigest(), List.of()), false);
    state.writeChecksums(legacy.checksums());
    state.writeClaimPartitions(legacy.claimPartitions());
    progress.accept(
        "  load state: "
            + returns.get().returns().size()
            + " returns in "
            + batches.size()
            + " batches carried into "
            + WarehouseCatalog.STATE_NAMESPACE);
  }

  /**
   * {@code fact_claim}: a quarter made of the previous snapshot's files is carried, the others are
   * read from the snapshot's quarter folders (the partition value from the folder's name) and
   * written by Spark onto the branch.
   */
  private void writeClaims(
      WarehouseTables tables, LegacySnapshot snapshot, Optional<LegacySnapshot> previous) {
    Map<LocalDate, Set<Object>> quarters = snapshot.claimQuarters();
    Map<LocalDate, Set<Object>> before =
        previous.map(LegacySnapshot::claimQuarters).orElse(Map.of());
    Set<LocalDate> carried = new TreeSet<>();
    List<String> rewritten = new ArrayList<>();
    Path tableDir = snapshot.tableDir(WarehouseTable.FACT_CLAIM);
    quarters.forEach(
        (quarter, keys) -> {
          if (keys.equals(before.get(quarter))) {
            carried.add(quarter);
          } else {
            rewritten.add(tableDir.resolve("period_end=" + quarter).toString());
          }
        });
    Optional<Dataset<Row>> frame =
        rewritten.isEmpty()
            ? Optional.empty()
            : Optional.of(
                tables
                    .spark()
                    .read()
                    .option("basePath", tableDir.toString())
                    .parquet(rewritten.toArray(String[]::new)));
    tables.claims().write(carried, frame);
    progress.accept(
        "  fact_claim: " + rewritten.size() + " quarters written, " + carried.size() + " carried");
  }

  /** A driver-built table's rows as the load builds them: the contract's columns, in order. */
  private static List<Row> driverRows(
      SparkSession spark, LegacySnapshot snapshot, WarehouseTable table) {
    List<Path> files = snapshot.dataFiles(table);
    if (files.isEmpty()) {
      return List.of();
    }
    StructField[] fields = TableSchemas.of(table).fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = functions.col(fields[i].name()).cast(fields[i].dataType()).as(fields[i].name());
    }
    return spark
        .read()
        .parquet(files.stream().map(Path::toString).toArray(String[]::new))
        .select(columns)
        .collectAsList();
  }

  /**
   * Every line of {@code publications.log}, with its time, then the {@code published} tags of the
   * release published last.
   */
  private int publish(SnapshotStore legacy, CatalogSettings settings, CatalogDatabase database) {
    ReleaseCommit commits = new ReleaseCommit(database);
    List<Publication> publications = legacy.publications();
    String by = shortened("tfwh migrate from " + legacy.publicationsLogFile());
    for (Publication publication : publications) {
      if (publication.at() == null) {
        throw new IllegalStateException(
            "publications.log has a line without a time for " + publication.snapshotId());
      }
      commits.publish(publication.snapshotId(), by, publication.at());
      progress.accept("migrate: published " + publication.snapshotId() + " at " + publication.at());
    }
    if (!publications.isEmpty()) {
      try (WarehouseCatalog catalog = WarehouseCatalog.open(settings)) {
        new Publisher(catalog, database).tagPublished();
      }
    }
    return publications.size();
  }

  /** A text for a release's or publication's writer column (at most 255 characters). */
  private static String shortened(String text) {
    return text.length() <= 255 ? text : "..." + text.substring(text.length() - 252);
  }
}
