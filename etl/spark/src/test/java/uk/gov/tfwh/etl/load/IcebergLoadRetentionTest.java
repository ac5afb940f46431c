package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.IcebergWarehouse;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.retention.ReleaseRefs;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The load on the Iceberg store retains after its commit, under its writer lock, as the folder
 * store's load does: with {@code retain=1} the second load removes the first release (neither
 * current nor published), its row and its {@code r_} tags, says so, and its own release reads
 * whole.
 */
class IcebergLoadRetentionTest {
  @TempDir Path temp;

  @Test
  void theSecondLoadWithRetainOneRemovesTheFirstReleaseAndSaysSo() {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-");
    Path warehouse = temp.resolve("warehouse");
    LoadRequest request =
        new LoadRequest(landing, warehouse, TestLandings.reference(), 1)
            .into(CatalogSettings.embedded(warehouse));
    List<String> progress = new ArrayList<>();
    LoadResult first = new LoadJob(SharedSpark.session(), progress::add).run(request);
    TestLandings.copyExamples(landing, "bad-claims");
    progress.clear();

    LoadResult second = new LoadJob(SharedSpark.session(), progress::add).run(request);

    assertThat(second.deletedSnapshots()).containsExactly(first.snapshotId());
    assertThat(progress).contains("retention: removed old releases " + first.snapshotId());
    try (IcebergWarehouse iceberg = new IcebergWarehouse(warehouse)) {
      assertThat(iceberg.releases().list())
          .extracting(r -> r.id())
          .containsExactly(second.snapshotId());
      Release current = iceberg.releases().current().orElseThrow();
      for (WarehouseTable table : WarehouseTable.values()) {
        assertThat(iceberg.refs(table))
            .as(table.tableName())
            .doesNotContain(ReleaseRefs.releaseTag(first.snapshotId()))
            .contains(ReleaseRefs.releaseTag(second.snapshotId()));
        assertThat(iceberg.read(current, table).count())
            .as(table.tableName())
            .isEqualTo(iceberg.table(current, table).rowCount());
      }
    }
  }
}
