package uk.gov.tfwh.warehouse.iceberg.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.id;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.StopAfter;

/**
 * Two writers' ref changes on one table, each through its own handle, as two loads without the
 * writer lock make them: Iceberg refuses a ref commit when another commit came between, {@link
 * RefCommit} makes it again on the new metadata.
 */
class RefCommitTest {
  @TempDir Path dir;

  @Test
  void aRefChangeThatMeetsAnotherWritersCommitIsMadeAgainOnTheNewMetadata() {
    try (FixtureWarehouse warehouse = FixtureWarehouse.open(dir)) {
      Release one =
          warehouse.load(id(1), List.of(LocalDate.of(2015, 3, 31)), true, StopAfter.NOTHING);
      long snapshot = warehouse.claims().refs().get("main").snapshotId();
      Table first = warehouse.claims();
      Table second = warehouse.claims();
      ManageSnapshots pending = second.manageSnapshots().createBranch("load_b", snapshot);
      first.manageSnapshots().createBranch("load_a", snapshot).commit();
      assertThatThrownBy(pending::commit)
          .isInstanceOf(CommitFailedException.class)
          .hasMessageContaining("refresh is required");

      int[] attempts = {0};
      boolean committed =
          RefCommit.apply(
              second,
              (table, manage) -> {
                attempts[0]++;
                if (table.refs().containsKey("load_b")) {
                  return false;
                }
                manage.createBranch("load_b", snapshot);
                if (attempts[0] == 1) { // the other writer gets in between again
                  first.manageSnapshots().createBranch("load_c", snapshot).commit();
                }
                return true;
              });

      assertThat(committed).isTrue();
      assertThat(attempts[0]).isEqualTo(2);
      assertThat(warehouse.claims().refs())
          .containsKeys("main", "r_" + one.id(), "load_a", "load_b", "load_c");
      assertThat(RefCommit.apply(second, (table, manage) -> !table.refs().containsKey("load_b")))
          .as("nothing to change: no commit")
          .isFalse();
    }
  }
}
