package uk.gov.tfwh.warehouse.iceberg.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.id;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.lock.FileWriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.StopAfter;

/** Repair after a writer killed between its release commit and moving {@code main}. */
class RepairTest {
  private static final LocalDate Q1 = LocalDate.of(2015, 3, 31);
  private static final LocalDate Q2 = LocalDate.of(2015, 6, 30);

  @TempDir Path dir;

  @Test
  void aKillBetweenTheReleaseCommitAndMovingMainIsRepairedOnceAndRetentionThenKeepsIt() {
    try (WriterLock lock = FileWriterLock.acquire("tfwh", dir, "load");
        FixtureWarehouse warehouse = FixtureWarehouse.open(dir)) {
      Release one = warehouse.load(id(1), List.of(Q1), true, StopAfter.NOTHING);
      warehouse.commits.publish(one.id(), "test"); // killed before the published tags
      Release two = warehouse.load(id(2), List.of(Q2), false, StopAfter.RELEASE);
      Table authorities = warehouse.authorities();
      authorities.manageSnapshots().removeTag("r_" + one.id()).commit();
      assertThat(warehouse.claims().refs().get("main").snapshotId())
          .isEqualTo(snapshot(one, "fact_claim"));

      List<String> changed = new Repair(warehouse.catalog, warehouse.database).run();

      assertThat(changed)
          .contains(
              "warehouse.fact_claim main -> " + snapshot(two, "fact_claim"),
              "tfwh_state.landing_file main -> " + snapshot(two, "landing_file"),
              "warehouse.dim_authority r_" + one.id() + " -> " + snapshot(one, "dim_authority"),
              "warehouse.fact_claim published -> " + snapshot(one, "fact_claim"))
          .noneMatch(change -> change.startsWith("warehouse.dim_authority main"));
      for (ReleaseTable table : two.tables()) {
        Table iceberg = warehouse.table(table);
        assertThat(iceberg.refs().get("main").snapshotId()).isEqualTo(table.snapshotId());
        assertThat(iceberg.refs().get("r_" + two.id()).snapshotId()).isEqualTo(table.snapshotId());
      }
      for (ReleaseTable table : one.tables()) {
        Table iceberg = warehouse.table(table);
        assertThat(iceberg.refs().get("r_" + one.id()).snapshotId()).isEqualTo(table.snapshotId());
        assertThat(iceberg.refs().get("published").snapshotId()).isEqualTo(table.snapshotId());
      }
      assertThat(new Repair(warehouse.catalog, warehouse.database).run()).isEmpty();

      RetentionReport retained = new Retention(warehouse.catalog, warehouse.database, lock).run(1);
      assertThat(retained.releasesDeleted()).isEmpty();
      assertThat(warehouse.files(one)).isNotEmpty().allMatch(Files::exists);
      assertThat(warehouse.files(two)).allMatch(Files::exists);
    }
  }

  @Test
  void afterItsCommitAWriterMovesOnlyItsReleasesRefsAndLeavesWhatTheFullRunWould() {
    try (FixtureWarehouse warehouse = FixtureWarehouse.open(dir)) {
      Release one = warehouse.load(id(1), List.of(Q1), true, StopAfter.NOTHING);
      warehouse.publish(one);
      Release two = warehouse.load(id(2), List.of(Q2), false, StopAfter.RELEASE);
      // as if the seal had not reached every table: the commit's own tag is missing on one
      warehouse.claims().manageSnapshots().removeTag("r_" + two.id()).commit();
      Repair repair = new Repair(warehouse.catalog, warehouse.database);

      assertThat(repair.release(one))
          .as("an older release's refs agree already, and main is not moved back to it")
          .isEmpty();
      List<String> changed = repair.release(two);

      assertThat(changed)
          .contains(
              "warehouse.fact_claim r_" + two.id() + " -> " + snapshot(two, "fact_claim"),
              "warehouse.fact_claim main -> " + snapshot(two, "fact_claim"),
              "tfwh_state.landing_file main -> " + snapshot(two, "landing_file"))
          .noneMatch(change -> change.contains("published") || change.contains(one.id()));
      assertThat(repair.run()).as("the full run finds nothing left to do").isEmpty();
    }
  }

  private static long snapshot(Release release, String table) {
    return release.tables().stream()
        .filter(t -> t.name().equals(table))
        .findFirst()
        .orElseThrow()
        .snapshotId();
  }
}
