package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.load.IcebergLoadProcess.Ended;
import uk.gov.tfwh.etl.load.IcebergLoadProcess.Race;
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

    Race race = IcebergLoadProcess.embedded(landing, warehouse).race(temp);

    Ended refused = race.loser();
    Ended winner = race.winner();
    assertThat(refused.log())
        .contains("tfwh load: failed: the warehouse tfwh is busy: load (process " + winner.pid());
    assertThat(winner.log()).contains("release ", " committed");

    try (IcebergWarehouse iceberg = new IcebergWarehouse(warehouse)) {
      assertThat(iceberg.releases().list()).hasSize(1);
      Release release = iceberg.releases().current().orElseThrow();
      assertThat(iceberg.table(release, WarehouseTable.FACT_RETURN).rowCount()).isPositive();
    }
  }
}
