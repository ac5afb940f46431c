package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.WarehouseBusyException;
import uk.gov.tfwh.warehouse.snapshot.WarehouseLock;

/**
 * Two loads on one warehouse (issue 17, finding 7): the second used to delete the first's staging
 * folder or move CURRENT back to an older snapshot. Now the one that comes second is refused at
 * once with who holds the warehouse, and the first completes as if alone.
 */
class ConcurrentLoadsTest {
  @TempDir Path temp;

  @Test
  void aSecondLoadWhileTheFirstRunsIsRefusedAndTheFirstCompletes() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-", "bad-claims");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    LoadRequest request = new LoadRequest(landing, store.root(), TestLandings.reference(), 10);
    CountDownLatch firstIsLoading = new CountDownLatch(1);
    CountDownLatch letFirstGoOn = new CountDownLatch(1);
    LoadJob first =
        new LoadJob(
            SharedSpark.session(),
            line -> {
              // The first word a load says comes after it took the lock: hold it there.
              if (firstIsLoading.getCount() == 1) {
                firstIsLoading.countDown();
                awaitQuietly(letFirstGoOn);
              }
            });
    CompletableFuture<LoadResult> firstRun =
        CompletableFuture.supplyAsync(() -> first.run(request));
    assertThat(firstIsLoading.await(2, TimeUnit.MINUTES)).isTrue();

    LoadJob second = new LoadJob(SharedSpark.session(), line -> {});
    assertThatThrownBy(() -> second.run(request))
        .isInstanceOf(WarehouseBusyException.class)
        .hasMessageContaining("is busy: load (process " + ProcessHandle.current().pid());
    assertThatThrownBy(() -> new SnapshotStore(store.root()).publish("anything"))
        .isInstanceOf(WarehouseBusyException.class);

    letFirstGoOn.countDown();
    LoadResult result = firstRun.get(3, TimeUnit.MINUTES);

    assertThat(store.currentId()).contains(result.snapshotId());
    assertThat(store.list()).hasSize(1);
    Snapshots.assertManifestMatchesParquet(store, result.snapshotId());
    assertThat(result.report().totals().returnsRead())
        .isEqualTo(
            result.report().totals().returnsAccepted()
                + result.report().totals().returnsRejected());
    LoadResult again = second.run(request);
    assertThat(again.nothingNew()).as("the refused load lost nothing: all was loaded").isTrue();
  }

  @Test
  void aLoadProcessFindingTheWarehouseHeldFailsWithOneLineAndTouchesNothing() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p1-birm");
    Path warehouse = temp.resolve("warehouse");
    Path log = temp.resolve("refused-load.log");
    try (WarehouseLock publishing = WarehouseLock.acquire(warehouse, "publish")) {
      Process load = LoadProcess.startLoad(landing, warehouse, log);
      assertThat(load.waitFor(3, TimeUnit.MINUTES)).isTrue();

      String out = Files.readString(log);
      assertThat(load.exitValue()).as(out).isEqualTo(1);
      assertThat(out)
          .contains(
              "tfwh load: failed: the warehouse "
                  + warehouse
                  + " is busy: publish (process "
                  + ProcessHandle.current().pid());
    }
    try (Stream<Path> left = Files.list(warehouse)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly(".lock");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(3, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
