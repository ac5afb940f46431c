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

  @Test
  void ranksAreWithheldFromAPreReleasePinnedToWithholdThemAndNeverFromAPublishedOne() {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, FIRST, 0);
    store.publish(FIRST);
    SnapshotSelector withheld = SnapshotSelector.current().withRanksWithheld();

    PinnedSnapshot published = PinnedSnapshot.pin(store, withheld);
    assertThat(published.ranksWithheld()).as("the current snapshot is the published one").isFalse();
    SnapshotFixture.commit(store, SECOND, 1);
    PinnedSnapshot preRelease = PinnedSnapshot.pin(store, withheld);
    assertThat(preRelease).isEqualTo(new PinnedSnapshot(SECOND, Release.PRE_RELEASE, true));
    assertThat(preRelease.selector()).isEqualTo(SnapshotSelector.byId(SECOND).withRanksWithheld());
    assertThat(PinnedSnapshot.pin(store, preRelease.selector())).isEqualTo(preRelease);
    assertThatThrownBy(() -> new PinnedSnapshot(FIRST, Release.PUBLISHED, true))
        .isInstanceOf(IllegalArgumentException.class);

    RowsQueries queries = new RowsQueries(SECOND);
    QueryResult read = queries.run(preRelease, Query.AUTHORITY_PROGRESS, Map.of());
    for (String column : QueryResult.RANK_COLUMNS) {
      assertThat(read.column(column)).as(column).containsOnlyNulls();
    }
    assertThat(read.column("turned_around")).as("the authority's own figures").containsExactly(77L);
    QueryResult full =
        queries.run(
            new PinnedSnapshot(SECOND, Release.PRE_RELEASE), Query.AUTHORITY_PROGRESS, Map.of());
    assertThat(full.column("national_rank")).containsExactly(30);
  }

  /** Answers one row of the query's columns: 77 in turned_around, 30 in every integer column. */
  private static final class RowsQueries implements WarehouseQueries {
    private final String answersFrom;

    RowsQueries(String answersFrom) {
      this.answersFrom = answersFrom;
    }

    @Override
    public QueryResult run(SnapshotSelector snapshot, Query query, Map<String, ?> arguments) {
      List<Object> row = new java.util.ArrayList<>();
      for (ResultColumn column : query.columns()) {
        row.add(
            column.name().equals("turned_around")
                ? (Object) 77L
                : column.name().endsWith("rank") || column.name().equals("quartile") ? 30 : null);
      }
      return new QueryResult(query.columns(), List.of(row), answersFrom);
    }

    @Override
    public String engineName() {
      return "rows";
    }

    @Override
    public void close() {}
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
