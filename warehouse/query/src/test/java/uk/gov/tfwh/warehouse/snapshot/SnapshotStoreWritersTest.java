package uk.gov.tfwh.warehouse.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * Two writers of one warehouse (issue 17, finding 7): the second load used to delete the first's
 * staging folder, and with other timing moved CURRENT back to a snapshot that missed a newer
 * return. Every change is now made under the warehouse's lock, and a snapshot commits only onto the
 * parent it was built on.
 */
class SnapshotStoreWritersTest {
  private static final String FIRST = "20260101T000000000Z-first";
  private static final String SECOND = "20260102T000000000Z-second";
  private static final String THIRD = "20260103T000000000Z-third";

  @TempDir Path warehouse;
  private SnapshotStore store;

  @BeforeEach
  void twoCommittedSnapshots() {
    store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, FIRST, 0);
    SnapshotFixture.commit(store, SECOND, 1);
  }

  @Test
  void aSecondLoadCannotStageWhileTheFirstHoldsTheWarehouse() {
    try (WarehouseLock load = store.lock("load")) {
      StagedSnapshot first = store.stage(THIRD, load);

      assertThatThrownBy(() -> new SnapshotStore(warehouse).stage("20260104T000000000Z-x"))
          .isInstanceOf(WarehouseBusyException.class);

      assertThat(first.directory())
          .as("the first load's staging folder is untouched")
          .isDirectory();
      store.abort(first);
    }
  }

  @Test
  void publishAndRetentionAreRefusedWhileALoadRuns() {
    try (WarehouseLock load = store.lock("load")) {
      assertThatThrownBy(() -> new SnapshotStore(warehouse).publish(FIRST))
          .isInstanceOf(WarehouseBusyException.class)
          .hasMessageContaining("load (process");
      assertThatThrownBy(() -> new SnapshotStore(warehouse).retain(1))
          .isInstanceOf(WarehouseBusyException.class);
    }
    assertThat(store.publishedId()).isEmpty();
    assertThat(store.list()).hasSize(2);
  }

  @Test
  void aSnapshotDoesNotCommitOntoACurrentThatMovedUnderIt() throws Exception {
    try (WarehouseLock load = store.lock("load")) {
      StagedSnapshot staged = store.stage(THIRD, load);
      // A writer that ignored the lock (an old build, a copy by hand) moves CURRENT meanwhile.
      Files.writeString(warehouse.resolve("CURRENT"), FIRST + "\n", StandardCharsets.UTF_8);

      assertThatThrownBy(() -> store.commit(staged, manifest(THIRD, SECOND)))
          .isInstanceOf(SnapshotException.class)
          .hasMessageContaining("was built on " + SECOND)
          .hasMessageContaining("the current snapshot is now " + FIRST);

      assertThat(store.currentId()).contains(FIRST);
      assertThat(store.isCommitted(THIRD)).isFalse();
      assertThat(staged.directory()).doesNotExist();
    }
  }

  @Test
  void aSnapshotCommitsOntoItsParent() {
    try (WarehouseLock load = store.lock("load")) {
      StagedSnapshot staged = store.stage(THIRD, load);

      store.commit(staged, manifest(THIRD, SECOND));

      assertThat(store.currentId()).contains(THIRD);
      assertThat(load.isHeld()).as("a load's own lock outlives its commit").isTrue();
    }
  }

  @Test
  void theFirstSnapshotOfAWarehouseHasNoParentAndNoOtherDoes() {
    SnapshotStore empty = new SnapshotStore(warehouse.resolve("other"));
    StagedSnapshot staged = empty.stage(FIRST);
    empty.commit(staged, manifest(FIRST, null));
    assertThat(empty.currentId()).contains(FIRST);

    StagedSnapshot orphan = empty.stage(SECOND);
    assertThatThrownBy(() -> empty.commit(orphan, manifest(SECOND, null)))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("was built on an empty warehouse");
    assertThat(empty.currentId()).contains(FIRST);
  }

  @Test
  void aStageThatTookItsOwnLockReleasesItWhenCommittedOrAborted() {
    StagedSnapshot staged = store.stage(THIRD);
    assertThat(staged.ownLock().isHeld()).isTrue();
    store.abort(staged);
    assertThat(staged.ownLock().isHeld()).isFalse();

    StagedSnapshot again = store.stage(THIRD);
    store.commit(again, manifest(THIRD, SECOND));
    assertThat(again.ownLock().isHeld()).isFalse();
    try (WarehouseLock next = store.lock("publish")) {
      assertThat(next.isHeld()).isTrue();
    }
  }

  private static SnapshotManifest manifest(String id, String parent) {
    return new SnapshotManifest(
        id,
        Instant.parse("2026-01-05T00:00:00Z"),
        parent,
        SnapshotFixture.REFERENCE_VERSION,
        "digest-" + id,
        List.of(),
        Map.of());
  }
}
