package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Two {@code tfwh load} processes on one embedded Iceberg warehouse ({@code TFWH_STORE=iceberg},
 * one SQLite catalog): SQLite allows one writer process, so the writer lock lets exactly one load
 * in; the other exits 1 naming the holder, and exactly one release is committed.
 */
class IcebergConcurrentLoadsTest {
  @TempDir Path temp;

  @Test
  void twoLoadProcessesMakeOneReleaseAndTheOtherIsRefused() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-", "bad-claims");
    Path warehouse = temp.resolve("warehouse");
    List<Process> loads = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path log = temp.resolve("load-" + i + ".log");
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
                  TestLandings.reference().toString()),
              log);
      load.environment().put("TFWH_STORE", "iceberg");
      logs.add(log);
      loads.add(load.start());
    }
    List<Integer> codes = new ArrayList<>();
    for (Process load : loads) {
      assertThat(load.waitFor(3, TimeUnit.MINUTES)).isTrue();
      codes.add(load.exitValue());
    }
    String both = Files.readString(logs.get(0)) + Files.readString(logs.get(1));
    assertThat(codes).as(both).containsExactlyInAnyOrder(0, 1);
    int refused = codes.indexOf(1);
    long winner = loads.get(1 - refused).pid();
    assertThat(Files.readString(logs.get(refused)))
        .contains("tfwh load: failed: the warehouse tfwh is busy: load (process " + winner);
    assertThat(Files.readString(logs.get(1 - refused))).contains("release ", " committed");

    try (IcebergWarehouse iceberg = new IcebergWarehouse(warehouse)) {
      assertThat(iceberg.releases().list()).hasSize(1);
      Release release = iceberg.releases().current().orElseThrow();
      assertThat(iceberg.table(release, WarehouseTable.FACT_RETURN).rowCount()).isPositive();
    }
  }
}
