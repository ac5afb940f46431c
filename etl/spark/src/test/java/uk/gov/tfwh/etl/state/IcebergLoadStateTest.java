package uk.gov.tfwh.etl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.load.LoadJob;
import uk.gov.tfwh.etl.load.LoadRequest;
import uk.gov.tfwh.etl.load.LoadResult;
import uk.gov.tfwh.etl.table.IcebergRecordFile;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The load state in the Iceberg warehouse's {@code tfwh_state} tables (docs/load-state.md), with
 * real Spark and real Iceberg tables, against the folder store on the same landing folder: the next
 * load reads only the new returns and reuses the rest from the state tables; every kind of state it
 * cannot use (no state tables, another format version, JSON that does not parse, claim keys that do
 * not fit, a damaged data file) costs a full read, never a failed load, and gives the folder
 * store's figures; a load that fails before its commit leaves the state of the current release as
 * it was; nothing of the state is a file outside the tables. The steps build on each other, in
 * order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcebergLoadStateTest {
  @TempDir static Path temp;
  static Path landing;
  static SnapshotStore folders;
  static Path icebergDir;
  static IcebergWarehouse iceberg;
  static LoadResult first;
  static long copiedAt;

  @BeforeAll
  static void loadBoth() {
    landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-");
    copiedAt = System.currentTimeMillis();
    folders = new SnapshotStore(temp.resolve("folders"));
    icebergDir = temp.resolve("iceberg");
    iceberg = new IcebergWarehouse(icebergDir);
    job(line -> {}).run(request(folders.root()));
    first = job(line -> {}).run(icebergRequest());
  }

  @AfterAll
  static void close() {
    if (iceberg != null) {
      iceberg.close();
    }
  }

  @Test
  @Order(1)
  void aNewReturnIsTheOnlyOneReadAndTheOthersComeFromTheStateTables() throws Exception {
    long before = first.report().totals().returnsRead();
    assertThat(before).isGreaterThan(2);
    // The scan remembers only files settled for FileChecksums.SETTLING: let the first ones settle.
    long settled = copiedAt + FileChecksums.SETTLING.toMillis() + 100 - System.currentTimeMillis();
    if (settled > 0) {
      Thread.sleep(settled);
    }
    TestLandings.copyExamples(landing, "hostile-");
    List<String> progress = new ArrayList<>();
    LoadResult second = job(progress::add).run(icebergRequest());
    String folderId = job(line -> {}).run(request(folders.root())).snapshotId();

    assertThat(progress)
        .contains(
            "  reading 1 new returns on the executors; reusing "
                + before
                + " read by earlier loads")
        .noneMatch(line -> line.contains("cannot be read"));
    assertThat(second.report().totals().returnsReused()).isEqualTo(before);
    assertThat(second.report().totals().returnsReadThisLoad()).isEqualTo(1);
    assertSameRows(folderId, second);

    Release release = iceberg.release(second.snapshotId());
    Map<Long, Integer> returnsByBatch = new TreeMap<>();
    rows(release, StateTable.RETURN_READ)
        .forEach(r -> returnsByBatch.merge((Long) r.getField("batch"), 1, Integer::sum));
    assertThat(returnsByBatch).containsExactly(Map.entry(0L, (int) before), Map.entry(1L, 1));
    // A file changed in the last seconds is not remembered (FileChecksums.SETTLING), the new one
    // maybe; the first load's files are.
    assertThat(rows(release, StateTable.LANDING_FILE))
        .extracting(r -> r.getField("name").toString())
        .containsAll(fileNames(landing, "valid-"))
        .allMatch(name -> Files.isRegularFile(landing.resolve(name)))
        .doesNotHaveDuplicates();
    assertThat(dataFiles(release, StateTable.LANDING_FILE))
        .as("the first load's stamps are kept as they were written, the new ones added beside them")
        .containsAll(dataFiles(iceberg.release(first.snapshotId()), StateTable.LANDING_FILE))
        .hasSizeBetween(1, 2);
    assertThat(rows(release, StateTable.PARTITION_DIGEST))
        .anyMatch(r -> r.getField("table_name").equals("fact_claim"))
        .anyMatch(r -> r.getField("table_name").equals("fact_return"));
    assertThat(rows(release, StateTable.CLAIM_ROW))
        .as("the claim rows of the first load's batch, kept")
        .anyMatch(r -> r.getField("batch").equals(0L));
    assertThat(
            release.table(WarehouseCatalog.STATE_NAMESPACE, "return_read").orElseThrow().rowCount())
        .isEqualTo(before + 1);
    assertNoStateFiles();
  }

  @Test
  @Order(2)
  void theDriverCacheHoldsTheReleasesReturnFilesAndReadsAsTheTablesDo() throws Exception {
    Release release = current();
    List<String> files = dataFiles(release, StateTable.RETURN_READ);
    StateCaches caches = StateCaches.in(icebergDir);
    ReturnReadCache cache = caches.returns();
    assertThat(files).as("the first load's batch and the second's").hasSize(2).allMatch(cache::has);
    try (Stream<Path> entries = Files.list(icebergDir.resolve(ReturnReadCache.FOLDER))) {
      assertThat(entries).as("no entry of a file the release does not hold").hasSize(2);
    }
    try (WarehouseCatalog catalog = WarehouseCatalog.open(iceberg.settings())) {
      LoadState tables =
          new IcebergPreviousState(catalog.catalog(), release.outline()).returns().orElseThrow();
      assertSameState(
          new IcebergPreviousState(catalog.catalog(), release.outline(), caches), tables);

      // The cache is what was read: with the data files damaged in place, it still serves them.
      Runnable undo = damageReturnFiles(release);
      assertThatThrownBy(
              () -> new IcebergPreviousState(catalog.catalog(), release.outline()).returns())
          .isInstanceOf(StateUnreadableException.class);
      assertSameState(
          new IcebergPreviousState(catalog.catalog(), release.outline(), caches), tables);
      undo.run();

      // An entry that is not whole, or is another file's, is a miss: the tables are read.
      Path entry;
      try (Stream<Path> entries = Files.list(icebergDir.resolve(ReturnReadCache.FOLDER))) {
        entry = entries.sorted().findFirst().orElseThrow();
      }
      byte[] whole = Files.readAllBytes(entry);
      Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));
      // half an entry: the tables are read, and the entry removed for the next load to put again
      assertSameState(
          new IcebergPreviousState(catalog.catalog(), release.outline(), caches), tables);
      assertThat(entry).doesNotExist();
      Files.write(entry, ReturnReadCache.encode("file:/another.parquet", "x", tables.returns()));
      // another file's entry
      assertSameState(
          new IcebergPreviousState(catalog.catalog(), release.outline(), caches), tables);
      assertThat(entry).doesNotExist();
      // an entry missing
      assertSameState(
          new IcebergPreviousState(catalog.catalog(), release.outline(), caches), tables);
    }
  }

  @Test
  @Order(2)
  void theDriverCacheHoldsTheReleasesLandingStampFilesAndReadsAsTheTableDoes() throws Exception {
    Release release = current();
    List<String> files = dataFiles(release, StateTable.LANDING_FILE);
    StateCaches caches = StateCaches.in(icebergDir);
    LandingStampCache cache = caches.stamps();
    assertThat(files).as("the release's stamps files, each with its entry").isNotEmpty();
    assertThat(files).allMatch(cache::has);
    try (Stream<Path> entries = Files.list(icebergDir.resolve(LandingStampCache.FOLDER))) {
      assertThat(entries).as("no entry of a file the release does not hold").hasSize(files.size());
    }
    try (WarehouseCatalog catalog = WarehouseCatalog.open(iceberg.settings())) {
      List<FileChecksums.Stamp> table =
          new IcebergPreviousState(catalog.catalog(), release.outline()).checksums();
      assertThat(table).hasSizeGreaterThan(2);
      assertThat(new IcebergPreviousState(catalog.catalog(), release.outline(), caches).checksums())
          .containsExactlyInAnyOrderElementsOf(table);

      // The cache is what was read: with the data files damaged in place, it still serves them.
      Runnable undo = damageFiles(release, StateTable.LANDING_FILE);
      assertThatThrownBy(
              () -> new IcebergPreviousState(catalog.catalog(), release.outline()).checksums())
          .isInstanceOf(StateUnreadableException.class)
          .hasMessageContaining("cannot read tfwh_state.landing_file of release");
      assertThat(new IcebergPreviousState(catalog.catalog(), release.outline(), caches).checksums())
          .containsExactlyInAnyOrderElementsOf(table);
      // ... and a file whose entry is gone is read from the table, and unreadable as the table is.
      Path entry;
      try (Stream<Path> entries = Files.list(icebergDir.resolve(LandingStampCache.FOLDER))) {
        entry = entries.sorted().findFirst().orElseThrow();
      }
      byte[] whole = Files.readAllBytes(entry);
      Files.delete(entry);
      assertThatThrownBy(
              () ->
                  new IcebergPreviousState(catalog.catalog(), release.outline(), caches)
                      .checksums())
          .isInstanceOf(StateUnreadableException.class)
          .hasMessageContaining("cannot read tfwh_state.landing_file of release");
      undo.run();

      // An entry that is not whole, another file's or missing is a miss: that file is read from
      // the table and its entry put again, and the others still come from the cache.
      Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));
      assertThat(new IcebergPreviousState(catalog.catalog(), release.outline(), caches).checksums())
          .containsExactlyInAnyOrderElementsOf(table);
      assertThat(Files.readAllBytes(entry)).as("put again, whole").isEqualTo(whole);
      Files.write(entry, LandingStampCache.encode("file:/another.parquet", table));
      assertThat(new IcebergPreviousState(catalog.catalog(), release.outline(), caches).checksums())
          .containsExactlyInAnyOrderElementsOf(table);
      assertThat(Files.readAllBytes(entry)).isEqualTo(whole);
      cache.keepOnly(Set.of());
      assertThat(new IcebergPreviousState(catalog.catalog(), release.outline(), caches).checksums())
          .containsExactlyInAnyOrderElementsOf(table);
      assertThat(files).as("every entry put again").allMatch(cache::has);
    }
  }

  /** The same returns read against the same reference set (their order means nothing). */
  private static void assertSameState(IcebergPreviousState reader, LoadState expected) {
    LoadState state = reader.returns().orElseThrow();
    assertThat(state.referenceDigest()).isEqualTo(expected.referenceDigest());
    assertThat(state.returns()).containsExactlyInAnyOrderElementsOf(expected.returns());
  }

  /** A kind of damage to the current release's state, and how to undo it. */
  private record Damage(String name, String reason, Function<Release, Runnable> apply) {}

  @Test
  @Order(3)
  void everyKindOfDamagedStateIsNoStateToTheReader() {
    List<Damage> damages =
        List.of(
            new Damage(
                "another state format",
                "state format " + (StateFormat.VERSION + 1) + ", this build reads",
                release ->
                    rewriteReturns(release, r -> with(r, "state_format", StateFormat.VERSION + 1))),
            new Damage(
                "JSON that does not parse",
                "ReturnSource: ",
                release -> rewriteReturns(release, r -> with(r, "source_json", "{\"stem\":"))),
            new Damage(
                "JSON of another shape",
                "ReturnIdentity: ",
                release ->
                    rewriteReturns(release, r -> with(r, "identity_json", "{\"authority\":1}"))),
            new Damage(
                "claim keys that do not add up",
                "claim results",
                release ->
                    rewriteReturns(
                        release, r -> with(r, "claim_results", ByteBuffer.wrap(new byte[] {9})))),
            new Damage(
                "a damaged data file",
                "cannot read tfwh_state.return_read of release",
                IcebergLoadStateTest::damageReturnFiles),
            new Damage(
                "no state tables named by the release",
                "names no tfwh_state.",
                IcebergLoadStateTest::forgetState));
    int returns = rows(current(), StateTable.RETURN_READ).size();
    try (WarehouseCatalog catalog = WarehouseCatalog.open(iceberg.settings())) {
      for (Damage damage : damages) {
        Runnable undo = damage.apply().apply(current());
        assertThatThrownBy(
                () -> new IcebergPreviousState(catalog.catalog(), current().outline()).returns())
            .as(damage.name())
            .isInstanceOf(StateUnreadableException.class)
            .hasMessageContaining(damage.reason());
        undo.run();
        assertThat(new IcebergPreviousState(catalog.catalog(), current().outline()).returns())
            .as("undone: " + damage.name())
            .hasValueSatisfying(state -> assertThat(state.returns()).hasSize(returns));
      }
    }
  }

  @Test
  @Order(4)
  void stateThatCannotBeUsedCostsAFullReadAndTheSameFigures() throws Exception {
    Map<String, Function<Release, Runnable>> damages = new java.util.LinkedHashMap<>();
    damages.put(
        "state format " + (StateFormat.VERSION + 1) + ", this build reads",
        release -> rewriteReturns(release, r -> with(r, "state_format", StateFormat.VERSION + 1)));
    damages.put("names no tfwh_state.", IcebergLoadStateTest::forgetState);
    List<String> added = List.of("bad-arithmetic", "bad-not-a-number");
    int i = 0;
    for (Map.Entry<String, Function<Release, Runnable>> damage : damages.entrySet()) {
      damage.getValue().apply(current());
      TestLandings.copyExamples(landing, added.get(i++));
      List<String> progress = new ArrayList<>();
      LoadResult result = job(progress::add).run(icebergRequest());
      String folderId = job(line -> {}).run(request(folders.root())).snapshotId();

      assertThat(progress)
          .as(damage.getKey())
          .anyMatch(
              line ->
                  line.contains("the previous load's state cannot be read")
                      && line.contains(damage.getKey())
                      && line.endsWith("every return is read again"));
      assertThat(result.report().totals().returnsReused()).as(damage.getKey()).isZero();
      assertThat(result.report().totals().returnsReadThisLoad())
          .as(damage.getKey())
          .isEqualTo(result.report().totals().returnsRead());
      assertSameRows(folderId, result);
      assertThat(rows(iceberg.release(result.snapshotId()), StateTable.RETURN_READ))
          .as(damage.getKey() + ": the full read leaves a whole state")
          .hasSize((int) result.report().totals().returnsRead());
    }
    // With the driver's cache gone, the next load reads the tables and fills it: its new file's
    // entry, and those of the files it keeps.
    ReturnReadCache cache = ReturnReadCache.in(icebergDir);
    cache.keepOnly(java.util.Set.of());
    TestLandings.copyExamples(landing, "bad-phase-period-mismatch");
    LoadResult healed = job(line -> {}).run(icebergRequest());
    assertThat(healed.report().totals().returnsReadThisLoad()).isEqualTo(1);
    assertThat(dataFiles(iceberg.release(healed.snapshotId()), StateTable.RETURN_READ))
        .hasSizeGreaterThan(1)
        .allMatch(cache::has);
    assertSameRows(job(line -> {}).run(request(folders.root())).snapshotId(), healed);
  }

  private static Release current() {
    return iceberg.releases().current().orElseThrow();
  }

  @Test
  @Order(5)
  void aLoadThatFailsBeforeItsCommitLeavesTheCurrentStateAsItWas() throws Exception {
    Release current = iceberg.releases().current().orElseThrow();
    List<Record> stateBefore = rows(current, StateTable.RETURN_READ);
    TestLandings.copyExamples(landing, "bad-not-utf8");
    Consumer<String> dieBeforeCommit =
        line -> {
          if (line.contains("sealed")) {
            throw new IllegalStateException("killed before the release commit");
          }
        };
    assertThatThrownBy(() -> job(dieBeforeCommit).run(icebergRequest()))
        .hasMessageContaining("killed before the release commit");
    assertThat(iceberg.releases().current().orElseThrow().id()).isEqualTo(current.id());
    assertThat(rows(current, StateTable.RETURN_READ)).hasSameSizeAs(stateBefore);

    List<String> progress = new ArrayList<>();
    LoadResult next = job(progress::add).run(icebergRequest());
    assertThat(next.report().totals().returnsReadThisLoad()).isEqualTo(1);
    assertThat(next.report().totals().returnsReused()).isEqualTo(stateBefore.size());
    assertSameRows(job(line -> {}).run(request(folders.root())).snapshotId(), next);
    assertNoStateFiles();
  }

  /** As a release committed before the state became tables: it names no tfwh_state table. */
  private static Runnable forgetState(Release release) {
    List<String> inserts = new ArrayList<>();
    for (var table : release.tables()) {
      if (table.namespace().equals(WarehouseCatalog.STATE_NAMESPACE)) {
        inserts.add(
            String.format(
                "INSERT INTO tfwh_release_table (catalog_name, release_seq, table_namespace,"
                    + " table_name, snapshot_id, schema_id, row_count, file_count) VALUES ('%s', %d, '%s', '%s', %d, %d, %d, %d)",
                iceberg.settings().name(),
                release.seq(),
                table.namespace(),
                table.name(),
                table.snapshotId(),
                table.schemaId(),
                table.rowCount(),
                table.fileCount()));
      }
    }
    sql(
        "DELETE FROM tfwh_release_table WHERE release_seq = ? AND table_namespace = 'tfwh_state'",
        release.seq(),
        null);
    return () -> inserts.forEach(insert -> sql(insert));
  }

  /** Commits the release's return_read rows, changed, and makes the release name them. */
  private static Runnable rewriteReturns(Release release, UnaryOperator<Record> change) {
    try (WarehouseCatalog catalog = WarehouseCatalog.open(iceberg.settings())) {
      Table table = catalog.table(StateTable.RETURN_READ);
      List<Record> changed = new ArrayList<>();
      for (Record row : rows(release, StateTable.RETURN_READ)) {
        changed.add(change.apply(row));
      }
      String branch = "tampered_" + release.seq() + "_" + System.nanoTime();
      table.manageSnapshots().createBranch(branch, snapshot(release)).commit();
      Map<Long, List<Record>> byBatch = new TreeMap<>();
      changed.forEach(
          r -> byBatch.computeIfAbsent((Long) r.getField("batch"), b -> new ArrayList<>()).add(r));
      var overwrite = table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
      byBatch
          .values()
          .forEach(rows -> overwrite.addFile(IcebergRecordFile.write(table, "state", rows)));
      overwrite.toBranch(branch).commit();
      long tampered = catalog.table(StateTable.RETURN_READ).snapshot(branch).snapshotId();
      sql(
          "UPDATE tfwh_release_table SET snapshot_id = ? WHERE release_seq = ?"
              + " AND table_namespace = 'tfwh_state' AND table_name = 'return_read'",
          tampered,
          release.seq());
    }
    long original = snapshot(release);
    return () ->
        sql(
            "UPDATE tfwh_release_table SET snapshot_id = ? WHERE release_seq = ?"
                + " AND table_namespace = 'tfwh_state' AND table_name = 'return_read'",
            original,
            release.seq());
  }

  /** Overwrites every data file of the release's return_read with bytes that are no Parquet. */
  private static Runnable damageReturnFiles(Release release) {
    return damageFiles(release, StateTable.RETURN_READ);
  }

  /** Overwrites every data file of a state table at the release's snapshot with noise. */
  private static Runnable damageFiles(Release release, StateTable state) {
    Map<Path, byte[]> originals = new java.util.HashMap<>();
    long snapshot =
        release
            .table(WarehouseCatalog.STATE_NAMESPACE, state.tableName())
            .orElseThrow()
            .snapshotId();
    try (WarehouseCatalog catalog = WarehouseCatalog.open(iceberg.settings());
        CloseableIterable<FileScanTask> tasks =
            catalog.table(state).newScan().useSnapshot(snapshot).planFiles()) {
      for (FileScanTask task : tasks) {
        Path file = Path.of(java.net.URI.create(task.file().location()));
        originals.put(file, Files.readAllBytes(file));
        byte[] noise = new byte[(int) Files.size(file)];
        Arrays.fill(noise, (byte) 'x');
        Files.write(file, noise);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return () ->
        originals.forEach(
            (file, bytes) -> {
              try {
                Files.write(file, bytes);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static Record with(Record row, String field, Object value) {
    Record copy = row.copy();
    copy.setField(field, value);
    return copy;
  }

  private static long snapshot(Release release) {
    return release
        .table(WarehouseCatalog.STATE_NAMESPACE, StateTable.RETURN_READ.tableName())
        .orElseThrow()
        .snapshotId();
  }

  private static void sql(String statement) {
    String url = "jdbc:sqlite:" + icebergDir.resolve("catalog.db");
    try (Connection connection = DriverManager.getConnection(url);
        java.sql.Statement update = connection.createStatement()) {
      assertThat(update.executeUpdate(statement)).isPositive();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sql(String statement, long first, Long second) {
    String url = "jdbc:sqlite:" + icebergDir.resolve("catalog.db");
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement update = connection.prepareStatement(statement)) {
      update.setLong(1, first);
      if (second != null) {
        update.setLong(2, second);
      }
      assertThat(update.executeUpdate()).isPositive();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A state table's rows at a release's snapshot, read as the load reads them. */
  private static List<Record> rows(Release release, StateTable state) {
    long snapshot =
        release
            .table(WarehouseCatalog.STATE_NAMESPACE, state.tableName())
            .orElseThrow()
            .snapshotId();
    List<Record> rows = new ArrayList<>();
    try (WarehouseCatalog catalog = WarehouseCatalog.open(iceberg.settings());
        CloseableIterable<Record> read =
            IcebergGenerics.read(catalog.table(state)).useSnapshot(snapshot).build()) {
      read.forEach(rows::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The paths of a state table's data files in a release. */
  private static List<String> dataFiles(Release release, StateTable state) {
    long snapshot =
        release
            .table(WarehouseCatalog.STATE_NAMESPACE, state.tableName())
            .orElseThrow()
            .snapshotId();
    List<String> paths = new ArrayList<>();
    try (WarehouseCatalog catalog = WarehouseCatalog.open(iceberg.settings());
        CloseableIterable<FileScanTask> tasks =
            catalog.table(state).newScan().useSnapshot(snapshot).planFiles()) {
      tasks.forEach(task -> paths.add(task.file().path().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return paths;
  }

  /** No Java-serialised state and no state folder anywhere under the Iceberg warehouse. */
  private static void assertNoStateFiles() throws IOException {
    try (Stream<Path> all = Files.walk(icebergDir)) {
      assertThat(all.map(Path::toString))
          .noneMatch(p -> p.endsWith(".ser"))
          .noneMatch(p -> p.contains("/releases/"))
          .noneMatch(p -> p.endsWith("checksums.ser"));
    }
    assertThat(icebergDir.resolve("releases")).doesNotExist();
  }

  private static List<String> fileNames(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
    }
  }

  /** Every table of the folder snapshot and of the release, row by row. */
  private static void assertSameRows(String folderId, LoadResult result) {
    Release release = iceberg.release(result.snapshotId());
    for (WarehouseTable table : WarehouseTable.values()) {
      Dataset<Row> folder = comparable(Snapshots.table(folders, folderId, table));
      Dataset<Row> released = comparable(iceberg.read(release, table));
      assertThat(released.count()).as(table.tableName() + " rows").isEqualTo(folder.count());
      assertThat(released.exceptAll(folder).count()).as(table + ": only in Iceberg").isZero();
      assertThat(folder.exceptAll(released).count()).as(table + ": only in folders").isZero();
    }
  }

  private static Dataset<Row> comparable(Dataset<Row> table) {
    Dataset<Row> kept = table.drop(WarehouseTable.LOAD_SPECIFIC_COLUMNS.toArray(String[]::new));
    return kept.select(
        Arrays.stream(kept.columns())
            .sorted()
            .map(functions::col)
            .toArray(org.apache.spark.sql.Column[]::new));
  }

  private static LoadJob job(Consumer<String> progress) {
    return new LoadJob(SharedSpark.session(), progress);
  }

  private static LoadRequest request(Path warehouse) {
    return new LoadRequest(landing, warehouse, TestLandings.reference(), 10);
  }

  private static LoadRequest icebergRequest() {
    return request(icebergDir).into(CatalogSettings.embedded(icebergDir));
  }
}
