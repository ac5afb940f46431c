package uk.gov.tfwh.warehouse.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.KENT;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.Q2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** New snapshots are picked up without a restart, and no query in flight fails or mixes two. */
class SnapshotSwitchTest {
  private static final Map<String, Object> LEAGUE = Map.of("phase", 1, "period", Q2);

  @TempDir Path warehouse;

  /** Kent's figure in the fixture is 512 plus the snapshot's bump; each id encodes its bump. */
  private static long bumpOf(String snapshotId) {
    return Long.parseLong(snapshotId.substring(snapshotId.lastIndexOf('-') + 2));
  }

  private static String id(int bump) {
    return "20260101T0000" + String.format("%05d", bump) + "Z-b" + bump;
  }

  @Test
  void queriesRunningWhileSnapshotsAreCommittedEachReadOneSnapshot() throws Exception {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, id(0), 0);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    // Without the result cache, so every query runs on DuckDB while databases are retired.
    QueryEngineConfig uncached = QueryEngineConfig.defaults().withResultCacheEntries(0);
    try (EmbeddedQueries queries = new EmbeddedQueries(store, uncached)) {
      CountDownLatch started = new CountDownLatch(6);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        Thread thread =
            new Thread(
                () -> {
                  started.countDown();
                  while (!stop.get()) {
                    try {
                      QueryResult result =
                          queries.run(SnapshotSelector.current(), Query.LEAGUE_TABLE, LEAGUE);
                      seen.add(result.snapshotId());
                      int kent = result.column("authority_code").indexOf(KENT);
                      long expected = 512 + bumpOf(result.snapshotId());
                      if (result.value(kent, "turned_around", Long.class) != expected) {
                        failures.add(new AssertionError("mixed snapshot: " + result));
                      }
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  }
                });
        thread.start();
        threads.add(thread);
      }
      started.await();
      for (int bump = 1000; bump <= 4000; bump += 1000) {
        Thread.sleep(150);
        SnapshotFixture.commit(store, id(bump), bump);
      }
      Thread.sleep(300);
      stop.set(true);
      for (Thread thread : threads) {
        thread.join(30_000);
      }

      assertThat(failures).isEmpty();
      assertThat(seen).contains(id(0), id(4000)).hasSizeGreaterThanOrEqualTo(3);
      // Superseded snapshots were let go once their queries finished.
      assertThat(queries.openSnapshots()).containsExactly(id(4000));
    }
  }

  @Test
  void publishedAndCurrentAreServedSideBySide() {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, id(0), 0);
    store.publish(id(0));
    SnapshotFixture.commit(store, id(7), 7);
    try (EmbeddedQueries queries = new EmbeddedQueries(store, QueryEngineConfig.defaults())) {
      QueryResult published = queries.run(SnapshotSelector.published(), Query.LEAGUE_TABLE, LEAGUE);
      QueryResult current = queries.run(SnapshotSelector.current(), Query.LEAGUE_TABLE, LEAGUE);
      QueryResult byId = queries.run(SnapshotSelector.byId(id(0)), Query.LEAGUE_TABLE, LEAGUE);

      assertThat(published.snapshotId()).isEqualTo(id(0));
      assertThat(current.snapshotId()).isEqualTo(id(7));
      assertThat(byId.rows()).isEqualTo(published.rows());
      assertThat(
              current.value(
                  current.column("authority_code").indexOf(KENT), "turned_around", Long.class))
          .isEqualTo(512 + 7);
      assertThat(queries.openSnapshots()).containsExactlyInAnyOrder(id(0), id(7));

      store.publish(id(7));
      queries.run(SnapshotSelector.published(), Query.LEAGUE_TABLE, LEAGUE);
      SnapshotFixture.commit(store, id(9), 9);
      assertThat(queries.run(SnapshotSelector.current(), Query.PERIODS, Map.of()).snapshotId())
          .isEqualTo(id(9));
      assertThat(queries.openSnapshots()).containsExactlyInAnyOrder(id(7), id(9));
    }
  }

  @Test
  void aSnapshotThatIsMissingOrUnpublishedIsUnavailableNotAnError() {
    SnapshotStore store = new SnapshotStore(warehouse);
    try (EmbeddedQueries queries = new EmbeddedQueries(store, QueryEngineConfig.defaults())) {
      assertThatThrownBy(() -> queries.run(SnapshotSelector.current(), Query.PERIODS, Map.of()))
          .isInstanceOf(SnapshotUnavailableException.class)
          .hasMessageContaining("no snapshot has been loaded");
      SnapshotFixture.commit(store, id(0), 0);
      assertThatThrownBy(() -> queries.run(SnapshotSelector.published(), Query.PERIODS, Map.of()))
          .isInstanceOf(SnapshotUnavailableException.class)
          .hasMessageContaining("no snapshot has been published");
      assertThatThrownBy(
              () -> queries.run(SnapshotSelector.byId("nope-1"), Query.PERIODS, Map.of()))
          .isInstanceOf(SnapshotUnavailableException.class)
          .hasMessageContaining("no committed snapshot nope-1");
      assertThatThrownBy(
              () -> queries.run(SnapshotSelector.byId("../../etc"), Query.PERIODS, Map.of()))
          .isInstanceOf(SnapshotUnavailableException.class);
    }
  }

  @Test
  void aRetiredDatabaseClosesOnlyWhenItsLastQueryEnds() {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, id(0), 0);
    SnapshotDatabase database =
        SnapshotDatabase.open(id(0), store.snapshotDir(id(0)), QueryEngineConfig.defaults());

    assertThat(database.acquire()).isTrue();
    database.retire();
    assertThat(database.isClosed()).isFalse();
    assertThat(database.run(Query.LEAGUE_TABLE, Query.LEAGUE_TABLE.bind(LEAGUE))).hasSize(7);
    database.release();

    assertThat(database.isClosed()).isTrue();
    assertThat(database.acquire()).isFalse();
  }

  @Test
  void tablesReadFromParquetPerQueryAnswerAsTablesCopiedIntoMemory() {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, id(0), 0, false);
    QueryEngineConfig fromParquet = QueryEngineConfig.defaults().withInMemoryTableLimitBytes(0);
    try (EmbeddedQueries copied = new EmbeddedQueries(store, QueryEngineConfig.defaults());
        EmbeddedQueries views = new EmbeddedQueries(store, fromParquet)) {
      for (Query query : Query.values()) {
        Map<String, Object> arguments = CatalogueArguments.typical(query);
        assertThat(views.run(SnapshotSelector.current(), query, arguments).rows())
            .as(query.fileName())
            .isEqualTo(copied.run(SnapshotSelector.current(), query, arguments).rows());
      }
    }
  }
}
