package uk.gov.tfwh.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.SnapshotRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.Publisher;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.WarehouseLock;
import uk.gov.tfwh.warehouse.table.WarehouseTable;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * {@code ./tfwh publish} on the Iceberg store: the fixture's rows written as two Iceberg releases
 * (real Parquet through Iceberg's writer): the default store, also chosen by {@code
 * TFWH_STORE=iceberg}, {@code TFWH_CATALOG} or {@code --catalog}.
 */
class PublishCommandIcebergTest {
  private static final String FIRST = "20260101T000000000Z-first";
  private static final String SECOND = "20260102T000000000Z-second";
  private static final String THIRD = "20260103T000000000Z-third";
  private static final String FOURTH = "20260104T000000000Z-fourth";
  private static final String FIFTH = "20260105T000000000Z-fifth";
  private static final Map<String, String> ICEBERG = Map.of("TFWH_STORE", "iceberg");

  @TempDir Path dir;
  private Path warehouse;
  private IcebergFixture fixture;
  private Release first;
  private Release second;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void twoLoads() {
    warehouse = dir.resolve("warehouse");
    fixture = IcebergFixture.open(warehouse);
    first = fixture.commit(FIRST, 0);
    second = fixture.commit(SECOND, 1);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private int run(Map<String, String> environment, String... args) {
    CommandLine line =
        PublishCommand.commandLine(new PublishCommand(Optional.empty(), environment));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private IcebergReleases releases() {
    return new IcebergReleases(
        uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase.of(fixture.catalog().settings()));
  }

  @Test
  void publishesTheNamedReleaseAndTagsItsTables() {
    int code = run(ICEBERG, "--warehouse", warehouse.toString(), "--snapshot", FIRST);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("published " + FIRST + System.lineSeparator());
    assertThat(releases().publishedId()).contains(FIRST);
    assertThat(releases().currentId()).contains(SECOND);
    SnapshotRef tag =
        fixture.catalog().table(WarehouseTable.FACT_CLAIM).refs().get(Publisher.PUBLISHED_TAG);
    assertThat(tag.snapshotId())
        .isEqualTo(first.table("warehouse", "fact_claim").orElseThrow().snapshotId());
    assertThat(releases().catalog().publications().get(0).publishedBy()).contains("./tfwh publish");
  }

  @Test
  void publishesTheCurrentReleaseAndListsAsTheFolderStoreListsTheSameRows() throws IOException {
    Path settings = dir.resolve("catalog.properties");
    Files.writeString(settings, "tfwh.catalog.name=tfwh\n");
    int code =
        run(
            Map.of(),
            "--warehouse",
            warehouse.toString(),
            "--catalog",
            settings.toString(),
            "--current",
            "--list");
    String iceberg = out.toString();

    Path folder = dir.resolve("folder");
    SnapshotStore store = new SnapshotStore(folder);
    SnapshotFixture.commit(store, FIRST, 0);
    SnapshotFixture.commit(store, SECOND, 1);
    out.getBuffer().setLength(0);
    run(Map.of("TFWH_STORE", "folder"), "--warehouse", folder.toString(), "--current", "--list");

    assertThat(code).as(err.toString()).isZero();
    assertThat(releases().publishedId()).contains(SECOND);
    assertThat(iceberg).isEqualTo(out.toString());
    assertThat(iceberg.split("\\R"))
        .hasSize(4)
        .satisfies(
            lines -> {
              assertThat(lines[0]).isEqualTo("published " + SECOND);
              assertThat(lines[2]).startsWith(FIRST).contains("pre-release");
              assertThat(lines[3])
                  .startsWith(SECOND)
                  .contains("current, published")
                  .containsPattern("\\s17\\s+5\\s+6\\s+16$");
            });
  }

  @Test
  void theIcebergStoreIsTheDefaultAndTfwhCatalogNamesItsSettings() throws IOException {
    Path settings = Files.writeString(dir.resolve("env.properties"), "tfwh.catalog.name=tfwh\n");

    int byDefault = run(Map.of(), "--warehouse", warehouse.toString(), "--snapshot", FIRST);
    int fromEnvironment =
        run(
            Map.of("TFWH_CATALOG", settings.toString()),
            "--warehouse",
            warehouse.toString(),
            "--snapshot",
            SECOND);

    assertThat(byDefault).as(err.toString()).isZero();
    assertThat(fromEnvironment).as(err.toString()).isZero();
    assertThat(releases().publications())
        .extracting(publication -> publication.snapshotId())
        .containsExactly(FIRST, SECOND);
  }

  @Test
  void aWarehouseOfSnapshotFoldersIsRefusedUnlessTheFolderStoreIsAskedFor() {
    Path folder = dir.resolve("folder");
    SnapshotStore store = new SnapshotStore(folder);
    SnapshotFixture.commit(store, FIRST, 0);

    int refused = run(Map.of(), "--warehouse", folder.toString(), "--current");
    String refusal = err.toString();
    int legacy = run(Map.of("TFWH_STORE", "folder"), "--warehouse", folder.toString(), "--current");

    assertThat(refused).isEqualTo(1);
    assertThat(refusal)
        .isEqualTo(
            "tfwh publish: "
                + folder
                + " holds snapshot folders (the legacy folder store), which the Iceberg store (the"
                + " default) does not read: migrate them with ./tfwh migrate --from-snapshots "
                + folder
                + " --warehouse NEW_DIR, or keep using them with TFWH_STORE=folder"
                + System.lineSeparator());
    assertThat(folder.resolve("catalog.db")).doesNotExist();
    assertThat(legacy).as(err.toString()).isZero();
    assertThat(store.publishedId()).contains(FIRST);
  }

  @Test
  void aPublishWhileALoadHoldsTheLockIsRefusedAndChangesNothing() {
    try (WarehouseLock load = WarehouseLock.acquire(warehouse, "load")) {
      int code = run(ICEBERG, "--warehouse", warehouse.toString(), "--current");

      assertThat(code).isEqualTo(1);
      assertThat(err.toString())
          .startsWith("tfwh publish: the warehouse tfwh is busy: load (process ")
          .contains("load (process " + ProcessHandle.current().pid())
          .hasLineCount(1);
    }
    assertThat(releases().publications()).isEmpty();
  }

  @Test
  void whatTheIcebergStoreDoesNotHoldIsRefusedWithOneLine() {
    int unknown =
        run(ICEBERG, "--warehouse", warehouse.toString(), "--snapshot", "20990101T000000000Z-x");
    int noCatalog = run(ICEBERG, "--warehouse", dir.toString(), "--list");
    int badStore = run(Map.of("TFWH_STORE", "s3"), "--warehouse", warehouse.toString(), "--list");

    assertThat(unknown).isEqualTo(1);
    assertThat(noCatalog).isEqualTo(1);
    assertThat(badStore).isEqualTo(1);
    assertThat(err.toString().split("\\R"))
        .containsExactly(
            "tfwh publish: there is no committed snapshot 20990101T000000000Z-x in the catalog"
                + " tfwh at jdbc:sqlite:"
                + warehouse.resolve("catalog.db"),
            "tfwh publish: there is no Iceberg catalog at "
                + dir.resolve("catalog.db")
                + ": nothing has been loaded into it",
            "tfwh publish: TFWH_STORE must be iceberg (the default) or folder (the legacy snapshot"
                + " folders), not 's3'");
    assertThat(releases().publications()).isEmpty();
  }

  @Test
  void retainKeepsTheCurrentEveryPublishedAndTheNewestReleasesWithTheirFilesAndRemovesTheRest() {
    Release third = fixture.commit(THIRD, 2);
    fixture.publish(FIRST);
    fixture.publish(THIRD);
    Release fourth = fixture.commit(FOURTH, 3);
    Release fifth = fixture.commit(FIFTH, 4);
    Map<String, List<Path>> files = new LinkedHashMap<>();
    for (Release release : List.of(first, second, third, fourth, fifth)) {
      files.put(release.id(), dataFiles(release));
    }

    int code = run(ICEBERG, "--warehouse", warehouse.toString(), "--retain", "2");

    assertThat(code).as(err.toString()).isZero();
    // Kept: FOURTH and FIFTH (the newest two; FIFTH is current), FIRST and THIRD (published).
    assertThat(out.toString()).isEqualTo("deleted " + SECOND + System.lineSeparator());
    assertThat(releases().list())
        .extracting(m -> m.id())
        .containsExactly(FIRST, THIRD, FOURTH, FIFTH);
    for (Release kept : List.of(first, third, fourth, fifth)) {
      assertThat(dataFiles(kept)).isEqualTo(files.get(kept.id())).allMatch(Files::isRegularFile);
    }
    assertThat(files.get(SECOND)).isNotEmpty().noneMatch(Files::exists);

    out.getBuffer().setLength(0);
    assertThat(run(ICEBERG, "--warehouse", warehouse.toString(), "--retain", "1")).isZero();
    assertThat(out.toString()).isEqualTo("deleted " + FOURTH + System.lineSeparator());
    assertThat(files.get(FOURTH)).noneMatch(Files::exists);
    assertThat(dataFiles(fifth)).allMatch(Files::isRegularFile);
  }

  @Test
  void aRetainWhileALoadHoldsTheLockIsRefusedAndDeletesNothing() {
    try (WarehouseLock load = WarehouseLock.acquire(warehouse, "load")) {
      int code = run(ICEBERG, "--warehouse", warehouse.toString(), "--retain", "1");

      assertThat(code).isEqualTo(1);
      assertThat(err.toString())
          .startsWith("tfwh publish: the warehouse tfwh is busy: load (process ")
          .hasLineCount(1);
    }
    assertThat(releases().list()).hasSize(2);
  }

  /** Every data file the release's tables read, planned from the catalog as a reader plans them. */
  private List<Path> dataFiles(Release release) {
    try (ReleaseFiles planned = ReleaseFiles.plan(fixture.catalog(), release)) {
      return planned.tables().values().stream()
          .flatMap(table -> table.files().stream())
          .map(ReleaseFiles.PlannedFile::path)
          .sorted()
          .toList();
    }
  }
}
