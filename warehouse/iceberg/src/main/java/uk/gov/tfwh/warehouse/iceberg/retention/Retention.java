package uk.gov.tfwh.warehouse.iceberg.retention;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCommit;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;

/**
 * Retention (docs/design/iceberg.md, section 5.8), run under the writer lock after a load and on
 * {@code publish --retain N}:
 *
 * <ol>
 *   <li>delete the rows of the releases the {@link RetentionPlan} drops, in one transaction;
 *   <li>per table (the warehouse's and the load state's), remove the {@code r_} tags of releases
 *       that have no row (dropped ones and those of a killed seal) and every {@code load_} branch
 *       but the running load's;
 *   <li>expire, by snapshot id, every snapshot that neither a ref nor a release row holds. Never by
 *       age: once only {@code main} is left Iceberg picks its incremental clean-up, which kept a
 *       data file a partition replace had superseded (probe P1). Expiry by id uses the reachable
 *       clean-up, which deletes the files only expired snapshots reached;
 *   <li>sweep each table's location for files no snapshot or metadata file reaches (those of a
 *       killed writer that never committed them) and delete those older than the minimum age.
 * </ol>
 *
 * Every step is idempotent, so a retention that was killed is finished by the next one, and a
 * second run straight after the first removes nothing.
 */
public final class Retention {
  private final WarehouseCatalog catalog;
  private final ReleaseCatalog releases;
  private final ReleaseCommit commits;
  private final Duration orphanMinAge;
  private final Clock clock;

  /**
   * Retention with the settings' orphan sweep age ({@code tfwh.retention.orphan-min-age}).
   *
   * @param lock the writer lock the caller holds: an age of 0 is allowed under the file lock only
   */
  public Retention(WarehouseCatalog catalog, CatalogDatabase database, WriterLock lock) {
    this(catalog, database, lock, catalog.settings().orphanMinAge(), Clock.systemUTC());
  }

  public Retention(
      WarehouseCatalog catalog,
      CatalogDatabase database,
      WriterLock lock,
      Duration orphanMinAge,
      Clock clock) {
    this.catalog = requireNonNull(catalog, "catalog");
    requireNonNull(database, "database");
    requireNonNull(lock, "lock");
    this.orphanMinAge = requireNonNull(orphanMinAge, "orphanMinAge");
    this.clock = requireNonNull(clock, "clock");
    if (orphanMinAge.isNegative()) {
      throw new IllegalArgumentException("the orphan sweep's minimum age is 0 or more");
    }
    if (orphanMinAge.isZero() && lock.kind() != WriterLock.Kind.FILE) {
      // Under the file lock with SQLite no other writer process can exist; with PostgreSQL a
      // writer without the lock (tfwh.lock=none) may be writing a file it has not committed yet.
      throw new IllegalArgumentException(
          "an orphan sweep with a minimum age of 0 needs the file lock (SQLite's one writer), not"
              + " the "
              + lock.kind().name().toLowerCase(Locale.ROOT)
              + " lock: a writer without the lock could be writing a file it has not committed");
    }
    this.releases = new ReleaseCatalog(database);
    this.commits = new ReleaseCommit(database);
  }

  /** Retains the newest {@code keep} releases, the current and every published one. */
  public RetentionReport run(int keep) {
    return run(keep, Optional.empty());
  }

  /**
   * As {@link #run(int)}, sparing the branch and tags of the load that runs it ({@code
   * runningLoad}: its release id), which may not have committed its release yet.
   */
  public RetentionReport run(int keep, Optional<String> runningLoad) {
    requireNonNull(runningLoad, "runningLoad");
    RetentionPlan plan = RetentionPlan.of(releases.outlines(), releases.publications(), keep);
    commits.delete(plan.dropped());
    List<String> deleted = plan.dropped().stream().map(ReleaseOutline::id).toList();

    Set<String> releaseIds = new HashSet<>();
    Map<String, Set<Long>> heldByRows = new HashMap<>();
    // Read again after the delete: another writer without the lock may have committed meanwhile.
    for (ReleaseOutline release : releases.outlines()) {
      releaseIds.add(release.id());
      for (ReleaseTable table : release.tables()) {
        heldByRows
            .computeIfAbsent(table.qualifiedName(), name -> new HashSet<>())
            .add(table.snapshotId());
      }
    }
    runningLoad.ifPresent(releaseIds::add);

    List<String> refsRemoved = new ArrayList<>();
    List<String> snapshotsExpired = new ArrayList<>();
    List<String> expiredFiles = new ArrayList<>();
    List<String> orphanFiles = new ArrayList<>();
    for (TableIdentifier identifier : tables()) {
      Table table = catalog.catalog().loadTable(identifier);
      String name = identifier.toString();
      removeRefs(table, name, releaseIds, runningLoad, refsRemoved);
      expire(table, name, heldByRows.getOrDefault(name, Set.of()), snapshotsExpired, expiredFiles);
      sweep(table, orphanFiles);
    }
    return new RetentionReport(deleted, refsRemoved, snapshotsExpired, expiredFiles, orphanFiles);
  }

  /** The warehouse's tables and the load state's. */
  private List<TableIdentifier> tables() {
    List<TableIdentifier> tables = new ArrayList<>();
    for (Namespace namespace : List.of(catalog.namespace(), catalog.stateNamespace())) {
      if (catalog.catalog() instanceof SupportsNamespaces namespaces
          && !namespaces.namespaceExists(namespace)) {
        continue;
      }
      tables.addAll(
          catalog.catalog().listTables(namespace).stream()
              .sorted(Comparator.comparing(TableIdentifier::toString))
              .toList());
    }
    return tables;
  }

  private static void removeRefs(
      Table table,
      String name,
      Set<String> releaseIds,
      Optional<String> runningLoad,
      List<String> removed) {
    ManageSnapshots manage = table.manageSnapshots();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, SnapshotRef> entry : table.refs().entrySet()) {
      String ref = entry.getKey();
      boolean tag = entry.getValue().isTag();
      if (tag
          && ref.startsWith(ReleaseRefs.RELEASE_PREFIX)
          && !releaseIds.contains(ref.substring(ReleaseRefs.RELEASE_PREFIX.length()))) {
        manage.removeTag(ref);
        names.add(ref);
      } else if (!tag
          && ref.startsWith(ReleaseRefs.LOAD_PREFIX)
          && !runningLoad.map(ReleaseRefs::loadBranch).filter(ref::equals).isPresent()) {
        manage.removeBranch(ref);
        names.add(ref);
      }
    }
    if (!names.isEmpty()) {
      manage.commit();
      names.stream().sorted().forEach(ref -> removed.add(name + " " + ref));
    }
  }

  private static void expire(
      Table table,
      String name,
      Set<Long> heldByRows,
      List<String> expired,
      List<String> deletedFiles) {
    table.refresh();
    Set<Long> held = new HashSet<>(heldByRows);
    table.refs().values().forEach(ref -> held.add(ref.snapshotId()));
    List<Long> unheld = new ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      if (!held.contains(snapshot.snapshotId())) {
        unheld.add(snapshot.snapshotId());
      }
    }
    if (unheld.isEmpty()) {
      return;
    }
    FileIO io = table.io();
    // Only the ids named here: Iceberg also expires, by the table's history.expire.* properties,
    // old unreferenced snapshots and old ancestors of branches, which could take a snapshot that
    // a release row names and no tag holds. A cut-off before every snapshot switches that off; the
    // ids given still make the clean-up the reachable one (P1), never the incremental one.
    ExpireSnapshots expiry =
        table.expireSnapshots().expireOlderThan(Long.MIN_VALUE).cleanExpiredFiles(true);
    unheld.forEach(expiry::expireSnapshotId);
    List<String> files = new ArrayList<>();
    expiry
        .deleteWith(
            location -> {
              synchronized (files) {
                files.add(location);
              }
              io.deleteFile(location);
            })
        .commit();
    unheld.stream().sorted().forEach(id -> expired.add(name + " " + id));
    files.stream().sorted().forEach(deletedFiles::add);
  }

  private void sweep(Table table, List<String> deleted) {
    table.refresh();
    if (!(table.io() instanceof SupportsPrefixOperations listing)) {
      throw new IllegalStateException(
          "table "
              + table.name()
              + "'s file IO ("
              + table.io().getClass().getName()
              + ") cannot list its files, so retention cannot sweep them");
    }
    ReachableFiles reachable = ReachableFiles.of(table);
    long newest = clock.millis() - orphanMinAge.toMillis();
    List<String> orphans = new ArrayList<>();
    String prefix = table.location().endsWith("/") ? table.location() : table.location() + "/";
    for (FileInfo file : listing.listPrefix(prefix)) {
      if (file.location().endsWith("/")) {
        // A folder key: s3proxy's filesystem backend lists every folder so, and an S3 console's
        // "create folder" leaves one. Never a file Iceberg wrote; deleting one on s3proxy takes
        // 10 s and does nothing (RetentionOnS3Test).
        continue;
      }
      if (!reachable.contains(file.location()) && file.createdAtMillis() <= newest) {
        orphans.add(file.location());
      }
    }
    orphans.sort(null);
    orphans.forEach(table.io()::deleteFile);
    deleted.addAll(orphans);
  }
}
