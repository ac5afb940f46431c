package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A load into the Iceberg warehouse killed with SIGKILL while it reads and writes (its branches
 * made, its claim rows being written into {@code tfwh_state.claim_row}) leaves the previous release
 * current and whole, its load state too: the next load builds on it and reads only the new returns
 * (docs/design/iceberg.md, sections 5.7 and 5.9).
 */
class IcebergKilledLoadTest {
  @TempDir Path temp;

  @Test
  void aKillDuringTheLoadKeepsThePreviousRelease() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-");
    Path warehouse = temp.resolve("warehouse");
    List<String> progress = new java.util.ArrayList<>();
    LoadJob job = new LoadJob(SharedSpark.session(), progress::add);
    LoadRequest request =
        new LoadRequest(landing, warehouse, TestLandings.reference(), 10)
            .into(CatalogSettings.embedded(warehouse));
    LoadResult firstLoad = job.run(request);
    String before = firstLoad.snapshotId();

    TestLandings.copyExamples(landing, "bad-claims", "hostile");
    Path log = temp.resolve("killed-load.log");
    Process load = IcebergLoadProcess.embedded(landing, warehouse).start(log);
    boolean reading = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!reading && load.isAlive() && System.nanoTime() < deadline) {
      reading = claimsBeingWritten(warehouse);
      if (!reading) {
        Thread.sleep(20);
      }
    }
    assertThat(reading)
        .as("the load reached its read stage; log:\n" + Files.readString(log))
        .isTrue();
    load.destroyForcibly(); // SIGKILL on Linux
    assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(load.exitValue()).isEqualTo(137);

    try (IcebergWarehouse iceberg = new IcebergWarehouse(warehouse)) {
      assertThat(iceberg.releases().list()).extracting(r -> r.id()).containsExactly(before);
      Release current = iceberg.releases().current().orElseThrow();
      for (WarehouseTable table : WarehouseTable.values()) {
        assertThat(iceberg.read(current, table).count())
            .as(table.tableName())
            .isEqualTo(iceberg.table(current, table).rowCount());
      }
      LoadResult next = job.run(request);
      Release after = iceberg.release(next.snapshotId());
      assertThat(after.seq()).isEqualTo(2);
      assertThat(after.record().parentId()).contains(before);
      assertThat(next.report().totals().returnsRead()).isEqualTo(6);
      assertThat(next.report().totals().returnsReused())
          .as("the previous release's state is whole: only the new returns are read")
          .isEqualTo(firstLoad.report().totals().returnsRead());
      assertThat(progress).noneMatch(line -> line.contains("cannot be read"));
      assertThat(iceberg.read(after, WarehouseTable.FACT_RETURN).count())
          .isEqualTo(iceberg.table(after, WarehouseTable.FACT_RETURN).rowCount());
    }
  }

  /**
   * Whether the second load has begun writing its claim rows (batch 1) into the load state's {@code
   * claim_row} table.
   */
  private static boolean claimsBeingWritten(Path warehouse) throws IOException {
    Path data =
        warehouse.resolve("tables").resolve("tfwh_state").resolve("claim_row").resolve("data");
    if (!Files.isDirectory(data)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files.anyMatch(f -> f.toString().contains("batch=1") && Files.isRegularFile(f));
    }
  }
}
