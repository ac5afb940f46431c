package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import uk.gov.tfwh.etl.GeneratedReturns;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The load into the Iceberg warehouse (docs/design/iceberg.md, slice 4), against the folder store
 * on the same files: a small history from the generator (seed 1, the first quarters of every
 * authority, with faults) loaded into both gives the same rows in every table; a new quarter
 * rewrites only the partitions it changes and leaves the first release readable as it was; an
 * unchanged landing folder makes no release; a load that fails before its release commit leaves no
 * trace a reader sees. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcebergLoadTest {
  private static final Pattern QUARTER = Pattern.compile("20\\d{2}Q[1-4]");

  @TempDir static Path temp;
  static Path generated;
  static List<String> quarters;
  static Path landing;
  static SnapshotStore folders;
  static IcebergWarehouse iceberg;
  static LoadResult folderFirst;
  static LoadResult icebergFirst;
  static LoadResult icebergSecond;

  @BeforeAll
  static void generateAndLoadBoth() throws Exception {
    generated = GeneratedReturns.seed1();
    TreeSet<String> all = new TreeSet<>();
    try (var files = Files.list(generated)) {
      files.forEach(f -> quarterOf(f.getFileName().toString()).ifPresent(all::add));
    }
    quarters = new ArrayList<>(all);
    landing = Files.createDirectories(temp.resolve("landing"));
    copyQuarters(quarters.subList(0, 3));
    folders = new SnapshotStore(temp.resolve("folders"));
    iceberg = new IcebergWarehouse(temp.resolve("iceberg"));
    folderFirst = job(line -> {}).run(request(folders.root()));
    icebergFirst = job(line -> {}).run(icebergRequest());
  }

  @AfterAll
  static void close() {
    if (iceberg != null) {
      iceberg.close();
    }
  }

  @Test
  @Order(1)
  void theIcebergReleaseHoldsTheRowsOfTheFolderSnapshot() {
    assertThat(icebergFirst.nothingNew()).isFalse();
    assertSameRows(folders, folderFirst.snapshotId(), iceberg.release(icebergFirst.snapshotId()));
    assertThat(icebergFirst.report().totals()).isEqualTo(folderFirst.report().totals());
  }

  @Test
  @Order(2)
  void theReleaseRecordsTheManifestAndEveryTable() {
    Release release = iceberg.release(icebergFirst.snapshotId());
    assertThat(release.seq()).isEqualTo(1);
    assertThat(release.record().parentId()).isEmpty();
    SnapshotManifest manifest = ReleaseJson.manifest(release.record().manifestJson());
    SnapshotManifest folderManifest = folders.manifest(folderFirst.snapshotId());
    assertThat(manifest.id()).isEqualTo(release.id());
    assertThat(manifest.inputsDigest()).isEqualTo(folderManifest.inputsDigest());
    assertThat(manifest.inputs())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("receivedAt")
        .isEqualTo(folderManifest.inputs());
    assertThat(release.record().loadReportJson()).contains(release.id());
    assertThat(release.tables())
        .hasSize(WarehouseTable.values().length + StateTable.values().length);
    for (WarehouseTable table : WarehouseTable.values()) {
      assertThat(iceberg.table(release, table).rowCount())
          .as(table.tableName())
          .isEqualTo(manifest.tables().get(table.tableName()).rows())
          .isEqualTo(folderManifest.tables().get(table.tableName()).rows())
          .isEqualTo(iceberg.read(release, table).count());
      assertThat(iceberg.refs(table)).contains("main", "r_" + release.id());
      assertThat(iceberg.refs(table)).noneMatch(ref -> ref.startsWith("load_"));
    }
  }

  @Test
  @Order(3)
  void aNewQuarterRewritesOnlyWhatItChangesAndTheFirstReleaseStillReads() throws Exception {
    Release first = iceberg.release(icebergFirst.snapshotId());
    Map<LocalDate, List<String>> claimFilesBefore =
        iceberg.filesByQuarter(first, WarehouseTable.FACT_CLAIM);
    Map<LocalDate, List<String>> returnFilesBefore =
        iceberg.filesByQuarter(first, WarehouseTable.FACT_RETURN);
    long firstClaims = iceberg.read(first, WarehouseTable.FACT_CLAIM).count();
    copyQuarters(quarters.subList(3, 4));
    List<String> progress = new ArrayList<>();
    icebergSecond = job(progress::add).run(icebergRequest());
    LoadResult folderSecond = job(line -> {}).run(request(folders.root()));

    Release second = iceberg.release(icebergSecond.snapshotId());
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.record().parentId()).contains(first.id());
    assertThat(progress).anyMatch(line -> line.matches(".*fact_claim: 1 quarters written, 3 .*"));
    assertSameRows(folders, folderSecond.snapshotId(), second);
    assertKeptFiles(claimFilesBefore, iceberg.filesByQuarter(second, WarehouseTable.FACT_CLAIM));
    assertKeptFiles(returnFilesBefore, iceberg.filesByQuarter(second, WarehouseTable.FACT_RETURN));
    assertThat(iceberg.table(second, WarehouseTable.DIM_AUTHORITY).snapshotId())
        .as("an unchanged dimension is not written again")
        .isEqualTo(iceberg.table(first, WarehouseTable.DIM_AUTHORITY).snapshotId());
    assertThat(iceberg.read(first, WarehouseTable.FACT_CLAIM).count()).isEqualTo(firstClaims);
    assertThat(iceberg.read(second, WarehouseTable.FACT_CLAIM).count()).isGreaterThan(firstClaims);
  }

  @Test
  @Order(4)
  void anUnchangedLandingFolderMakesNoRelease() {
    LoadResult again = job(line -> {}).run(icebergRequest());
    assertThat(again.nothingNew()).isTrue();
    assertThat(again.snapshotId()).isEqualTo(icebergSecond.snapshotId());
    assertThat(iceberg.releases().list()).hasSize(2);
  }

  @Test
  @Order(5)
  void aLoadFailingBeforeItsReleaseCommitLeavesThePreviousReleaseCurrent() throws Exception {
    copyQuarters(quarters.subList(4, 5));
    Consumer<String> dieBeforeCommit =
        line -> {
          if (line.contains("sealed")) {
            throw new IllegalStateException("killed before the release commit");
          }
        };
    assertThatThrownBy(() -> job(dieBeforeCommit).run(icebergRequest()))
        .hasMessageContaining("killed before the release commit");

    assertThat(iceberg.releases().list()).hasSize(2);
    Release current = iceberg.releases().current().orElseThrow();
    assertThat(current.id()).isEqualTo(icebergSecond.snapshotId());
    for (WarehouseTable table : WarehouseTable.values()) {
      assertThat(iceberg.read(current, table).count())
          .as(table.tableName())
          .isEqualTo(iceberg.table(current, table).rowCount());
      assertThat(iceberg.refs(table)).noneMatch(ref -> ref.startsWith("load_"));
    }
    LoadResult next = job(line -> {}).run(icebergRequest());
    assertThat(iceberg.release(next.snapshotId()).seq()).isEqualTo(3);
  }

  /** Every table of the folder snapshot and of the release, row by row. */
  private static void assertSameRows(SnapshotStore store, String snapshotId, Release release) {
    for (WarehouseTable table : WarehouseTable.values()) {
      Dataset<Row> folder = comparable(Snapshots.table(store, snapshotId, table));
      Dataset<Row> released = comparable(iceberg.read(release, table));
      assertThat(released.count()).as(table.tableName() + " rows").isEqualTo(folder.count());
      assertThat(released.exceptAll(folder).count()).as(table + ": only in Iceberg").isZero();
      assertThat(folder.exceptAll(released).count()).as(table + ": only in folders").isZero();
    }
  }

  /** The files of every quarter of the first release that the second did not rewrite. */
  private static void assertKeptFiles(
      Map<LocalDate, List<String>> before, Map<LocalDate, List<String>> after) {
    assertThat(after.keySet()).containsAll(before.keySet()).hasSizeGreaterThan(before.size());
    before.forEach(
        (quarter, files) -> assertThat(after.get(quarter)).as(quarter.toString()).isEqualTo(files));
  }

  /** A table without the columns of the load that wrote a row, in a fixed column order. */
  private static Dataset<Row> comparable(Dataset<Row> table) {
    String[] loadSpecific = WarehouseTable.LOAD_SPECIFIC_COLUMNS.toArray(String[]::new);
    Dataset<Row> kept = table.drop(loadSpecific);
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
    return request(temp.resolve("iceberg")).into(CatalogSettings.embedded(temp.resolve("iceberg")));
  }

  private static void copyQuarters(List<String> wanted) {
    GeneratedReturns.copy(name -> quarterOf(name).filter(wanted::contains).isPresent(), landing);
  }

  private static java.util.Optional<String> quarterOf(String name) {
    Matcher quarter = QUARTER.matcher(name);
    return quarter.find() ? java.util.Optional.of(quarter.group()) : java.util.Optional.empty();
  }
}
