package uk.gov.tfwh.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The folder store: a load writes a {@code .staging-} folder, its tables first and its manifest
 * last, then syncs, moves and points to it.
 */
final class FolderTrialStore implements TrialStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SnapshotStore store;

  FolderTrialStore(Path warehouse) {
    this.store = new SnapshotStore(warehouse);
  }

  @Override
  public String name() {
    return "folder";
  }

  @Override
  public WarehouseReleases releases() {
    return store;
  }

  @Override
  public List<String> apiArguments() {
    return List.of("--tfwh.store.kind=folder");
  }

  @Override
  public void awaitWriting(Process load, Path log, Random random, long deadlineNanos)
      throws InterruptedException {
    while (load.isAlive() && !staged("tables") && System.nanoTime() < deadlineNanos) {
      Thread.sleep(10);
    }
    Thread.sleep(random.nextInt(300));
  }

  @Override
  public void awaitSwitch(Process load, Path log, Random random, long deadlineNanos)
      throws InterruptedException {
    // Polled gently until the tables are being written (spinning through the load's start-up would
    // take a core from it on a small machine), then as fast as possible: the manifest is the last
    // thing written before the folder is synced, moved and pointed to.
    while (load.isAlive() && !staged("tables") && System.nanoTime() < deadlineNanos) {
      Thread.sleep(10);
    }
    while (load.isAlive() && !staged("manifest.json") && System.nanoTime() < deadlineNanos) {
      Thread.onSpinWait();
    }
  }

  @Override
  public void assertComplete(String id) {
    SnapshotCompleteness.assertComplete(store, id);
  }

  @Override
  public void assertClean(boolean committed) {
    try (Stream<Path> dirs = Files.list(store.root().resolve("snapshots"))) {
      assertThat(dirs.filter(d -> d.getFileName().toString().startsWith(".staging-")).count())
          .as("staging folders after a successful load")
          .isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public JsonNode report(String id) {
    try {
      return JSON.readTree(store.snapshotDir(id).resolve("load-report.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("no readable load report in " + id, e);
    }
  }

  @Override
  public void close() {}

  private boolean staged(String entry) {
    Path snapshots = store.root().resolve("snapshots");
    if (!Files.isDirectory(snapshots)) {
      return false;
    }
    try (Stream<Path> dirs = Files.list(snapshots)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(".staging-"))
          .anyMatch(d -> Files.exists(d.resolve(entry)));
    } catch (NoSuchFileException e) {
      return false; // moved or removed while listed
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
