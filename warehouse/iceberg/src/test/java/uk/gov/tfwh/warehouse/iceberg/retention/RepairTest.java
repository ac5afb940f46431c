package uk.gov.tfwh.warehouse.iceberg.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * What a load killed after its release commit left undone (tags, {@code main}) is done by the next
 * writer, once: a second run finds nothing to do, and a {@code main} moved away is moved back.
 */
class RepairTest {
  @TempDir Path dir;

  @Test
  void tagsAndMainFollowTheReleaseAndASecondRunDoesNothing() {
    try (WarehouseCatalog catalog = WarehouseCatalog.open(CatalogSettings.embedded(dir))) {
      List<ReleaseTable> tables = new ArrayList<>();
      for (WarehouseTable table : WarehouseTable.values()) {
        Table iceberg = catalog.table(table);
        // A snapshot on a branch only, as a load's: main does not exist yet.
        iceberg.manageSnapshots().createBranch("load_1").commit();
        long snapshotId = catalog.table(table).snapshot("load_1").snapshotId();
        tables.add(new ReleaseTable("warehouse", table.tableName(), snapshotId, 0, 0, 0));
      }
      Release release = new Release(record("20261206T000000000Z-abcdef12"), tables);

      List<String> done = Repair.run(catalog.catalog(), release);

      assertThat(done).hasSize(2 * tables.size());
      for (ReleaseTable table : tables) {
        Table iceberg = catalog.table(WarehouseTable.valueOf(table.name().toUpperCase()));
        assertThat(iceberg.refs().get(SnapshotRef.MAIN_BRANCH).snapshotId())
            .isEqualTo(table.snapshotId());
        assertThat(iceberg.refs().get("r_" + release.id()).snapshotId())
            .isEqualTo(table.snapshotId());
      }
      assertThat(Repair.run(catalog.catalog(), release)).isEmpty();

      Table claims = catalog.table(WarehouseTable.FACT_CLAIM);
      claims.newAppend().commit(); // someone moved main on
      assertThat(Repair.run(catalog.catalog(), release))
          .containsExactly("warehouse.fact_claim: main moved to " + tables.get(5).snapshotId());
    }
  }

  private static ReleaseRecord record(String id) {
    return new ReleaseRecord(
        1, id, Optional.empty(), Instant.EPOCH, "ref", "digest", "{}", "{}", "RepairTest");
  }
}
