package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.retention.ReleaseRefs;
import uk.gov.tfwh.warehouse.iceberg.testing.PostgresCatalogFile;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Two real {@code tfwh load --catalog FILE} processes on one PostgreSQL catalog (a real PostgreSQL
 * 15) and one warehouse (docs/design/iceberg.md, section 5.6): (a) with the writer lock,
 * PostgreSQL's advisory lock lets exactly one in and the other exits 1 naming the holder; (b) with
 * {@code tfwh.lock=none}, both build on the same parent and the release's own guard lets exactly
 * one commit, as parent + 1; the other exits 1 with the release conflict and releases nothing.
 */
class ConcurrentLoadsIT {
  @TempDir Path temp;

  private record Run(int code, String log, long pid) {}

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

    List<Run> runs = race(landing, warehouse, catalog);

    String both = runs.get(0).log() + runs.get(1).log();
    assertThat(runs).extracting(Run::code).as(both).containsExactlyInAnyOrder(0, 1);
    Run refused = runs.get(0).code() == 1 ? runs.get(0) : runs.get(1);
    Run winner = runs.get(0).code() == 1 ? runs.get(1) : runs.get(0);
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

  @Test
  void withNoLockTheReleasesOwnGuardLetsExactlyOneCommitAsParentPlusOne() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-");
    Path warehouse = temp.resolve("warehouse");
    PostgresCatalogFile catalog =
        PostgresCatalogFile.write(
            temp.resolve("catalog.properties"), warehouse, Map.of(CatalogSettings.LOCK, "none"));
    Process parentLoad = start(landing, warehouse, catalog, temp.resolve("parent.log"));
    assertThat(parentLoad.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(parentLoad.exitValue()).as(Files.readString(temp.resolve("parent.log"))).isZero();
    TestLandings.copyExamples(landing, "bad-claims");

    List<Run> runs = race(landing, warehouse, catalog);

    String both = runs.get(0).log() + runs.get(1).log();
    assertThat(runs).extracting(Run::code).as(both).containsExactlyInAnyOrder(0, 1);
    Run loser = runs.get(0).code() == 1 ? runs.get(0) : runs.get(1);
    assertThat(loser.log())
        .contains("tfwh load: failed: release ")
        .contains(
            "was not committed: release 2 (",
            ") was committed by another load while this one ran on release 1 (",
            "); nothing was released; load again");
    try (IcebergWarehouse iceberg = open(warehouse, catalog)) {
      List<ReleaseRecord> releases = iceberg.releases().list();
      assertThat(releases).extracting(ReleaseRecord::seq).containsExactly(1L, 2L);
      assertThat(releases.get(1).parentId()).contains(releases.get(0).id());
      // The loser removed its own branches and tags when it failed.
      List<String> kept = new ArrayList<>(List.of("main"));
      releases.forEach(r -> kept.add(ReleaseRefs.releaseTag(r.id())));
      for (WarehouseTable table : WarehouseTable.values()) {
        assertThat(iceberg.refs(table)).as(table.tableName()).isSubsetOf(kept);
      }
    }
  }

  private static IcebergWarehouse open(Path warehouse, PostgresCatalogFile catalog) {
    return new IcebergWarehouse(catalog.settings(warehouse), catalog.environment());
  }

  private List<Run> race(Path landing, Path warehouse, PostgresCatalogFile catalog)
      throws Exception {
    List<Process> loads = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path log = temp.resolve("load-" + i + ".log");
      logs.add(log);
      loads.add(start(landing, warehouse, catalog, log));
    }
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Process load = loads.get(i);
      assertThat(load.waitFor(3, TimeUnit.MINUTES)).isTrue();
      runs.add(new Run(load.exitValue(), Files.readString(logs.get(i)), load.pid()));
    }
    return runs;
  }

  private static Process start(Path landing, Path warehouse, PostgresCatalogFile catalog, Path log)
      throws IOException {
    ProcessBuilder load =
        LoadProcess.java(
            "uk.gov.tfwh.etl.LoadCommand",
            List.of(),
            List.of(
                "--landing",
                landing.toString(),
                "--warehouse",
                warehouse.toString(),
                "--reference",
                TestLandings.reference().toString(),
                "--catalog",
                catalog.file().toString()),
            log);
    load.environment().putAll(catalog.environment());
    return load.start();
  }
}
