package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.load.IcebergLoadProcess.Ended;
import uk.gov.tfwh.etl.load.IcebergLoadProcess.Race;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.retention.ReleaseRefs;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.iceberg.testing.PostgresCatalogFile;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Two real {@code tfwh load --catalog FILE} processes on one PostgreSQL catalog (a real PostgreSQL
 * 15) and one warehouse (docs/design/iceberg.md, section 5.6): (a) with the writer lock,
 * PostgreSQL's advisory lock lets exactly one in and the other exits 1 naming the holder; (b) with
 * {@code tfwh.lock=none}, both build on the same parent and exactly one commits, as parent + 1; the
 * other exits 1 with one line saying another writer got in first, releases nothing and leaves
 * nothing the next load does not clear.
 */
class ConcurrentLoadsIT {
  @TempDir Path temp;

  @Test
  void withTheAdvisoryLockOneLoadReleasesAndTheOtherIsRefusedNamingIt() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-", "bad-claims");
    Path warehouse = temp.resolve("warehouse");
    // An orphan age of 0 with PostgreSQL's lock is refused by retention: the winner's retention
    // fails after its commit, which must not fail the load.
    PostgresCatalogFile catalog =
        PostgresCatalogFile.write(
            temp.resolve("catalog.properties"),
            warehouse,
            Map.of(CatalogSettings.ORPHAN_MIN_AGE, "PT0S"));

    Race race = IcebergLoadProcess.into(landing, warehouse, catalog).race(temp);

    Ended refused = race.loser();
    Ended winner = race.winner();
    assertThat(refused.log())
        .contains("tfwh load: failed: the warehouse tfwh is busy: load (host ")
        .contains("process " + winner.pid() + ", since ");
    assertThat(winner.log())
        .contains("release ", " committed")
        .contains("retention failed after the commit: the release is committed and current");
    try (IcebergWarehouse iceberg = open(warehouse, catalog)) {
      assertThat(iceberg.releases().list()).hasSize(1);
      Release release = iceberg.releases().current().orElseThrow();
      assertThat(iceberg.table(release, WarehouseTable.FACT_RETURN).rowCount()).isPositive();
    }
  }

  /**
   * Without the lock both loads build on release 1; whichever loses (at a ref commit, a table
   * commit or the release commit) must exit 1 with one line from {@link #LOSER_LINES} and leave
   * nothing the next load does not clear. Invariants, not one message: the releases are numbered 1,
   * 2 with each one's parent the one before, every table of every release resolves, and a next load
   * under the lock releases 3 with every landing file and leaves no ref but main and the releases'
   * tags.
   */
  @Test
  void withNoLockExactlyOneLoadReleasesAndTheOtherFailsCleanly() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-");
    Path warehouse = temp.resolve("warehouse");
    PostgresCatalogFile catalog =
        PostgresCatalogFile.write(
            temp.resolve("catalog.properties"), warehouse, Map.of(CatalogSettings.LOCK, "none"));
    IcebergLoadProcess load = IcebergLoadProcess.into(landing, warehouse, catalog);
    load.run(temp.resolve("parent.log"));
    TestLandings.copyExamples(landing, "bad-claims");

    Ended loser = load.race(temp).loser();
    List<String> failures =
        loser.log().lines().filter(line -> line.startsWith("tfwh load: failed: ")).toList();
    assertThat(failures).as(loser.log()).hasSize(1);
    assertThat(failures.get(0)).as(loser.log()).matches(LOSER_LINES);
    System.out.println("ConcurrentLoadsIT (b), the loser: " + failures.get(0));
    try (IcebergWarehouse iceberg = open(warehouse, catalog)) {
      assertReleasesInOrderAndWhole(iceberg, 2);
    }

    // The next load, under PostgreSQL's lock again: its retention clears what the loser left.
    TestLandings.copyExamples(landing, "bad-arithmetic", "bad-not-", "hostile-");
    PostgresCatalogFile locked = withLock(catalog, temp.resolve("locked.properties"));
    load.with(locked).run(temp.resolve("next.log"));
    try (IcebergWarehouse iceberg = open(warehouse, locked)) {
      List<ReleaseRecord> releases = assertReleasesInOrderAndWhole(iceberg, 3);
      SnapshotManifest manifest = ReleaseJson.manifest(releases.get(2).manifestJson());
      try (Stream<Path> files = Files.list(landing)) {
        assertThat(manifest.inputs())
            .extracting(SnapshotManifest.InputFile::name)
            .containsExactlyInAnyOrderElementsOf(
                files.map(f -> f.getFileName().toString()).toList());
      }
      List<String> kept = new ArrayList<>(List.of(ReleaseRefs.MAIN));
      releases.forEach(r -> kept.add(ReleaseRefs.releaseTag(r.id())));
      for (ReleaseTable table : iceberg.releases().current().orElseThrow().tables()) {
        assertThat(iceberg.table(table.qualifiedName()).refs().keySet())
            .as(table.qualifiedName())
            .isSubsetOf(kept);
      }
    }
  }

  /**
   * The one line a load that lost the race may end with: another load's release, or another
   * writer's commit to the tables (docs/design/iceberg.md, section 5.6).
   */
  private static final String LOSER_LINES =
      "tfwh load: failed: (another load committed release 2 \\(\\S+\\) while this one ran on"
          + " release 1 \\(\\S+\\)|another writer committed to the warehouse's tables while this"
          + " load wrote them on release 1 \\(\\S+\\) \\(.*\\)); nothing of this load was released;"
          + " run it again";

  /**
   * Releases 1 to {@code count}, each the next one's parent, and every table each names at a
   * snapshot its table holds: no release lost, doubled, backwards or partial.
   */
  private static List<ReleaseRecord> assertReleasesInOrderAndWhole(
      IcebergWarehouse iceberg, int count) {
    List<ReleaseRecord> releases = iceberg.releases().list();
    assertThat(releases)
        .extracting(ReleaseRecord::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
    for (int i = 1; i < releases.size(); i++) {
      assertThat(releases.get(i).parentId()).contains(releases.get(i - 1).id());
    }
    for (ReleaseOutline release : iceberg.releases().outlines()) {
      assertThat(release.tables())
          .hasSize(WarehouseTable.values().length + StateTable.values().length);
      for (ReleaseTable table : release.tables()) {
        assertThat(iceberg.table(table.qualifiedName()).snapshot(table.snapshotId()))
            .as(release.id() + " " + table.qualifiedName())
            .isNotNull();
      }
    }
    return releases;
  }

  /** The same catalog with the lock its settings choose by default (PostgreSQL's). */
  private static PostgresCatalogFile withLock(PostgresCatalogFile catalog, Path file)
      throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(catalog.file())) {
      properties.load(reader);
    }
    properties.remove(CatalogSettings.LOCK);
    try (Writer writer = Files.newBufferedWriter(file)) {
      properties.store(writer, "the race's catalog under the lock");
    }
    return new PostgresCatalogFile(file, catalog.passwordEnv(), catalog.environment());
  }

  private static IcebergWarehouse open(Path warehouse, PostgresCatalogFile catalog) {
    return new IcebergWarehouse(catalog.settings(warehouse), catalog.environment());
  }
}
