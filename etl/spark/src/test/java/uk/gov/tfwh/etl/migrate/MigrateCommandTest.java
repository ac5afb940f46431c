package uk.gov.tfwh.etl.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.load.LoadJob;
import uk.gov.tfwh.etl.load.LoadRequest;
import uk.gov.tfwh.etl.load.LoadResult;
import uk.gov.tfwh.etl.spark.IcebergSparkCatalog;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.Publisher;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * {@code ./tfwh migrate --from-snapshots DIR} (docs/design/iceberg.md, section 5.13) on a
 * folder-store history made by real loads of generated seed-1 returns (the unitary authorities, to
 * stay small): an initial quarter, a new quarter, resubmissions of both; the first two published in
 * turn. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateCommandTest {
  private static final String AUTHORITIES = "E06";

  @TempDir static Path temp;
  static Path generated;
  static Path landing;
  static SnapshotStore source;
  static Path target;
  static IcebergWarehouse iceberg;
  static IcebergReleases releases;
  static List<String> loaded = new ArrayList<>();
  static Map<String, String> sourceBefore;
  static SnapshotMigration.Result migrated;
  static List<String> progress = new ArrayList<>();

  @BeforeAll
  static void loadAFolderHistoryAndMigrateIt() throws Exception {
    generated = GeneratedReturns.seed1();
    landing = Files.createDirectories(temp.resolve("landing"));
    source = new SnapshotStore(temp.resolve("folders"));

    copy(name -> name.matches(".*-(2012Q4|2013Q1)-.*") && !name.contains("revised"));
    loaded.add(folderLoad().snapshotId());
    source.publish(loaded.get(0));
    copy(name -> name.contains("-2013Q2-") && !name.contains("revised"));
    loaded.add(folderLoad().snapshotId());
    source.publish(loaded.get(1));
    copy(name -> name.matches(".*-(2012Q4|2013Q1|2013Q2)-.*revised.*"));
    LoadResult resubmission = folderLoad();
    assertThat(resubmission.report().totals().returnsSuperseded()).isPositive();
    loaded.add(resubmission.snapshotId());

    sourceBefore = tree(source.root());
    target = temp.resolve("iceberg");
    migrated =
        new SnapshotMigration(SharedSpark.session(), progress::add)
            .run(source.root(), CatalogSettings.embedded(target), target);
    iceberg = new IcebergWarehouse(target);
    releases = new IcebergReleases(CatalogDatabase.of(iceberg.settings()));
  }

  @AfterAll
  static void close() {
    if (iceberg != null) {
      iceberg.close();
    }
  }

  @Test
  @Order(1)
  void theListingShowsTheSameSnapshotsStatusesAndCounts() {
    assertThat(migrated.releaseIds()).isEqualTo(loaded);
    assertThat(migrated.publications()).isEqualTo(2);
    assertThat(releases.list()).usingRecursiveComparison().isEqualTo(source.list());
    assertThat(releases.currentId()).isEqualTo(source.currentId()).contains(loaded.get(2));
    assertThat(releases.publishedId()).isEqualTo(source.publishedId()).contains(loaded.get(1));
    assertThat(releases.publications())
        .as("the publications with their original times")
        .isEqualTo(source.publications());
    for (int i = 0; i < loaded.size(); i++) {
      Release release = iceberg.release(loaded.get(i));
      SnapshotManifest manifest = source.manifest(loaded.get(i));
      assertThat(release.seq()).isEqualTo(i + 1);
      assertThat(release.record().createdAt()).isEqualTo(manifest.createdAt());
      assertThat(release.record().referenceVersion()).isEqualTo(manifest.referenceVersion());
      assertThat(release.record().inputsDigest()).isEqualTo(manifest.inputsDigest());
      assertThat(release.record().parentId())
          .isEqualTo(java.util.Optional.ofNullable(manifest.parentId()));
      assertThat(release.record().loadReportJson()).contains(manifest.id());
    }
  }

  @Test
  @Order(2)
  void everyReleaseHoldsTheRowCountsOfItsManifest() {
    for (String id : loaded) {
      Release release = iceberg.release(id);
      Map<String, SnapshotManifest.TableStats> stats = source.manifest(id).tables();
      for (WarehouseTable table : WarehouseTable.values()) {
        assertThat(iceberg.table(release, table).rowCount())
            .as(id + " " + table.tableName())
            .isEqualTo(stats.get(table.tableName()).rows());
      }
    }
  }

  @Test
  @Order(3)
  void verifyFindsEveryReleaseEqualToItsSnapshotRowByRow() {
    List<String> said = new ArrayList<>();
    MigrationCheck.Result checked =
        new MigrationCheck(SharedSpark.session(), said::add)
            .verify(source.root(), iceberg.settings());

    int tables = WarehouseTable.values().length;
    assertThat(checked.releases()).isEqualTo(3);
    assertThat(checked.tables()).isEqualTo(3 * tables);
    assertThat(checked.tablesRead())
        .as("the first release's tables all read, and the dimensions only once")
        .isGreaterThan(tables)
        .isLessThan(3 * tables);
    assertThat(said).hasSize(3).allMatch(line -> line.endsWith("equals its snapshot"));
  }

  @Test
  @Order(4)
  void verifyNamesTheReleaseAndTableWhoseRowsWereTamperedWith() throws Exception {
    // Release 1's dim_authority, rewritten on a branch with one row in place of another (the
    // same count), and the release row pointed at it.
    Release first = iceberg.release(loaded.get(0));
    long original = iceberg.table(first, WarehouseTable.DIM_AUTHORITY).snapshotId();
    Dataset<Row> rows = iceberg.read(first, WarehouseTable.DIM_AUTHORITY);
    List<Row> tampered = new ArrayList<>(rows.collectAsList());
    assertThat(tampered).hasSizeGreaterThan(1);
    tampered.set(0, tampered.get(1));
    SparkSession session = IcebergSparkCatalog.session(SharedSpark.session(), iceberg.settings());
    String name =
        iceberg.settings().name()
            + "."
            + iceberg.settings().namespace()
            + "."
            + WarehouseTable.DIM_AUTHORITY.tableName();
    Table table =
        IcebergSparkCatalog.icebergCatalog(session, iceberg.settings())
            .loadTable(
                TableIdentifier.of(
                    iceberg.settings().namespace(), WarehouseTable.DIM_AUTHORITY.tableName()));
    table.manageSnapshots().createBranch("tamper", original).commit();
    session
        .createDataFrame(tampered, rows.schema())
        .writeTo(name + ".branch_tamper")
        .overwrite(functions.lit(true));
    table.refresh();
    long changed = table.refs().get("tamper").snapshotId();
    pointReleaseAt(1, WarehouseTable.DIM_AUTHORITY, changed);
    try {
      assertThatThrownBy(
              () ->
                  new MigrationCheck(SharedSpark.session(), line -> {})
                      .verify(source.root(), iceberg.settings()))
          .isInstanceOf(MigrationMismatchException.class)
          .hasMessageContaining("release " + first.id() + ", table dim_authority")
          .hasMessageContaining("the rows differ");
    } finally {
      pointReleaseAt(1, WarehouseTable.DIM_AUTHORITY, original);
      // through a catalog opened now: the one above may read SQLite as it was before the update
      try (WarehouseCatalog fresh = WarehouseCatalog.open(iceberg.settings())) {
        fresh.table(WarehouseTable.DIM_AUTHORITY).manageSnapshots().removeBranch("tamper").commit();
      }
    }
  }

  private static void pointReleaseAt(long seq, WarehouseTable table, long snapshotId)
      throws SQLException {
    try (Connection connection = CatalogDatabase.of(iceberg.settings()).connect();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE tfwh_release_table SET snapshot_id = ?"
                    + " WHERE release_seq = ? AND table_name = ?")) {
      update.setLong(1, snapshotId);
      update.setLong(2, seq);
      update.setString(3, table.tableName());
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  @Order(5)
  void whatTheFolderStoreLinkedIsNotWrittenAgainAndEveryFileIsIcebergs() throws IOException {
    Release first = iceberg.release(loaded.get(0));
    Release second = iceberg.release(loaded.get(1));
    Release third = iceberg.release(loaded.get(2));
    assertThat(iceberg.table(third, WarehouseTable.DIM_AUTHORITY).snapshotId())
        .as("an unchanged dimension names the first release's snapshot")
        .isEqualTo(iceberg.table(first, WarehouseTable.DIM_AUTHORITY).snapshotId());
    assertThat(progress)
        .as("the second snapshot's new quarter written, the earlier ones carried")
        .anyMatch(line -> line.matches(".*fact_claim: 1 quarters written, [1-9]\\d* carried.*"));
    assertThat(iceberg.filesByQuarter(first, WarehouseTable.FACT_CLAIM)).isNotEmpty();
    assertThat(iceberg.filesByQuarter(second, WarehouseTable.FACT_CLAIM))
        .as("the first quarter's claims carried into the second release")
        .containsAllEntriesOf(iceberg.filesByQuarter(first, WarehouseTable.FACT_CLAIM));
    for (WarehouseTable table : WarehouseTable.values()) {
      for (String location : iceberg.dataFiles(third, table)) {
        Path file = Path.of(URI.create(location));
        assertThat(file).startsWith(target);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
          MessageType schema = reader.getFooter().getFileMetaData().getSchema();
          assertThat(schema.getFields()).as(location).allMatch(field -> field.getId() != null);
          assertThat(schema.getFields().stream().map(Type::getName))
              .as(location)
              .containsAll(table.partitionColumns());
        }
      }
    }
    assertThat(iceberg.refs(WarehouseTable.FACT_CLAIM)).contains(Publisher.PUBLISHED_TAG);
  }

  @Test
  @Order(6)
  void aSecondMigrationIntoTheSameWarehouseIsRefused() throws Exception {
    Path log = temp.resolve("migrate-again.log");
    Process again =
        LoadProcess.java(
                MigrateCommand.class.getName(),
                List.of("-Dtfwh.root.dir=" + TestLandings.root()),
                List.of(
                    "--from-snapshots", source.root().toString(), "--warehouse", target.toString()),
                log)
            .start();
    assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(log);
    assertThat(again.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("refused").contains("already has 3 releases");
    assertThat(releases.list()).hasSize(3);
  }

  @Test
  @Order(7)
  void theSourceFolderIsUnchanged() throws IOException {
    assertThat(tree(source.root())).isEqualTo(sourceBefore);
  }

  @Test
  @Order(8)
  void theFirstLoadAfterMigrationReadsOnlyTheNewReturnAndEqualsAFolderLoad() throws Exception {
    String newReturn;
    try (Stream<Path> files = Files.list(generated)) {
      newReturn =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.startsWith(AUTHORITIES))
              .filter(name -> name.matches(".*-2013Q3-p1\\.claims\\.csv"))
              .sorted()
              .findFirst()
              .orElseThrow()
              .replace(".claims.csv", ".");
    }
    // The newest snapshot's state went into the tfwh_state tables, not into files.
    try (Stream<Path> all = Files.walk(target)) {
      assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith(".ser"));
    }
    assertThat(target.resolve("releases")).doesNotExist();
    copy(name -> name.startsWith(newReturn));
    List<String> icebergProgress = new ArrayList<>();
    LoadResult afterMigration =
        new LoadJob(SharedSpark.session(), icebergProgress::add)
            .run(
                new LoadRequest(landing, target, TestLandings.reference(), 10)
                    .into(CatalogSettings.embedded(target)));
    LoadResult folder = folderLoad();

    assertThat(afterMigration.report().totals().returnsReadThisLoad()).isEqualTo(1);
    assertThat(afterMigration.report().totals()).isEqualTo(folder.report().totals());
    assertThat(icebergProgress)
        .anyMatch(line -> line.matches(".*fact_claim: 1 quarters written, [1-9]\\d* carried.*"));
    Release release = iceberg.release(afterMigration.snapshotId());
    assertThat(release.record().parentId()).contains(loaded.get(2));
    for (WarehouseTable table : WarehouseTable.values()) {
      Dataset<Row> folderRows = comparable(Snapshots.table(source, folder.snapshotId(), table));
      Dataset<Row> released = comparable(iceberg.read(release, table));
      assertThat(released.count()).as(table + " rows").isEqualTo(folderRows.count());
      assertThat(released.exceptAll(folderRows).count()).as(table + ": only in Iceberg").isZero();
      assertThat(folderRows.exceptAll(released).count()).as(table + ": only in folders").isZero();
    }
  }

  private static LoadResult folderLoad() {
    return new LoadJob(SharedSpark.session(), line -> {})
        .run(new LoadRequest(landing, source.root(), TestLandings.reference(), 10));
  }

  private static void copy(java.util.function.Predicate<String> wanted) {
    GeneratedReturns.copy(name -> name.startsWith(AUTHORITIES) && wanted.test(name), landing);
  }

  /** Every file and folder under a root, with each file's SHA-256. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        String name = root.relativize(path).toString();
        tree.put(name, Files.isRegularFile(path) ? sha256(path) : "folder");
      }
    }
    return tree;
  }

  private static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every column, in name order. */
  private static Dataset<Row> sorted(Dataset<Row> table) {
    return table.select(
        Arrays.stream(table.columns())
            .sorted()
            .map(functions::col)
            .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** Without the columns of the load that wrote a row. */
  private static Dataset<Row> comparable(Dataset<Row> table) {
    return sorted(table.drop(WarehouseTable.LOAD_SPECIFIC_COLUMNS.toArray(String[]::new)));
  }
}
