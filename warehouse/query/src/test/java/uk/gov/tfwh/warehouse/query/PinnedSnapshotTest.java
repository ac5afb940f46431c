package uk.gov.tfwh.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** A pinned snapshot names one snapshot and its release, and its queries read only that one. */
class PinnedSnapshotTest {
  private static final String FIRST = "20260101T000000000Z-a";
  private static final String SECOND = "20260102T000000000Z-b";

  @TempDir Path warehouse;

  @Test
  void pinningResolvesTheSelectorOnceAndSaysWhetherTheSnapshotIsPublished() {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, FIRST, 0);
    store.publish(FIRST);
    SnapshotFixture.commit(store, SECOND, 1);

    PinnedSnapshot published = PinnedSnapshot.pin(store, SnapshotSelector.published());
    PinnedSnapshot current = PinnedSnapshot.pin(store, SnapshotSelector.current());

    assertThat(published).isEqualTo(new PinnedSnapshot(FIRST, Release.PUBLISHED));
    assertThat(published.selector()).isEqualTo(SnapshotSelector.byId(FIRST));
    assertThat(current).isEqualTo(new PinnedSnapshot(SECOND, Release.PRE_RELEASE));
    assertThat(current.preRelease()).isTrue();
    assertThat(current.published()).isFalse();
    // An older published snapshot stays published when a newer one is.
    store.publish(SECOND);
    assertThat(PinnedSnapshot.pin(store, SnapshotSelector.byId(FIRST)).published()).isTrue();
  }

  @Test
  void aQueryOnAPinnedSnapshotReadsItById() {
    RecordingQueries queries = new RecordingQueries(FIRST);
    PinnedSnapshot pinned = new PinnedSnapshot(FIRST, Release.PUBLISHED);

    QueryResult result = queries.run(pinned, Query.TABLE_ROWS, Map.of());

    assertThat(result.snapshotId()).isEqualTo(FIRST);
    assertThat(queries.asked).isEqualTo(SnapshotSelector.byId(FIRST));
  }

  @Test
  void aResultFromAnotherSnapshotThanThePinnedOneIsRefused() {
    RecordingQueries queries = new RecordingQueries(SECOND);
    PinnedSnapshot pinned = new PinnedSnapshot(FIRST, Release.PUBLISHED);

    assertThatThrownBy(() -> queries.run(pinned, Query.TABLE_ROWS, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table_rows read snapshot " + SECOND)
        .hasMessageContaining("pinned " + FIRST);
  }

  /** Answers every query with no rows from one snapshot, and remembers what it was asked. */
  private static final class RecordingQueries implements WarehouseQueries {
    private final String answersFrom;
    SnapshotSelector asked;

    RecordingQueries(String answersFrom) {
      this.answersFrom = answersFrom;
    }

    @Override
    public QueryResult run(SnapshotSelector snapshot, Query query, Map<String, ?> arguments) {
      asked = snapshot;
      return new QueryResult(query.columns(), List.of(), answersFrom);
    }

    @Override
    public String engineName() {
      return "recording";
    }

    @Override
    public void close() {}
  }
}
