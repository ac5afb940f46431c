package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.LoadProcess;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * A load killed with SIGKILL while it writes its snapshot leaves the previous snapshot current and
 * complete, and the next load succeeds.
 */
class KilledLoadTest {
  @TempDir Path temp;

  @Test
  void killDuringWriteKeepsThePreviousSnapshot() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    LoadJob job = new LoadJob(SharedSpark.session(), line -> {});
    LoadRequest request = new LoadRequest(landing, store.root(), TestLandings.reference(), 10);
    String before = job.run(request).snapshotId();

    TestLandings.copyExamples(landing, "bad-claims", "hostile");
    Path log = temp.resolve("killed-load.log");
    Process load = LoadProcess.startLoad(landing, store.root(), log);
    Path snapshots = store.root().resolve("snapshots");
    boolean writing = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!writing && load.isAlive() && System.nanoTime() < deadline) {
      writing = stagedTablesExist(snapshots);
      if (!writing) {
        Thread.sleep(20);
      }
    }
    assertThat(writing)
        .as("the load reached the write stage; log:\n" + Files.readString(log))
        .isTrue();
    load.destroyForcibly(); // SIGKILL on Linux
    assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(load.exitValue()).isEqualTo(137);

    assertThat(store.current().orElseThrow().id()).isEqualTo(before);
    assertThat(store.list()).extracting(m -> m.id()).containsExactly(before);
    Snapshots.assertManifestMatchesParquet(store, before);

    LoadResult next = job.run(request);
    assertThat(next.nothingNew()).isFalse();
    assertThat(store.current().orElseThrow().id()).isEqualTo(next.snapshotId());
    assertThat(next.report().totals().returnsRead()).isEqualTo(6);
    Snapshots.assertManifestMatchesParquet(store, next.snapshotId());
    try (Stream<Path> left = Files.list(snapshots)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".staging-"));
    }
  }

  private static boolean stagedTablesExist(Path snapshots) throws IOException {
    if (!Files.isDirectory(snapshots)) {
      return false;
    }
    try (Stream<Path> dirs = Files.list(snapshots)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(".staging-"))
          .anyMatch(d -> Files.isDirectory(d.resolve("tables")));
    }
  }
}
