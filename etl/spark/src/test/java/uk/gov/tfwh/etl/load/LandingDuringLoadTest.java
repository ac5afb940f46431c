package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.report.ReturnCounts;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Returns that land while a load runs (issue 17, finding 3): a file that appears after the scan's
 * listing used to be recorded as seen without being read, so every later load said "nothing new"; a
 * claims file completed mid-load gave a return without its claims. What a load depends on is now
 * exactly what it read, and a return that changes while it is read waits for the next load. The
 * moments are chosen with the load's own progress lines, so the tests are deterministic.
 */
class LandingDuringLoadTest {
  @TempDir Path temp;

  private LoadResult load(Path landing, SnapshotStore store, Consumer<String> atProgress) {
    return new LoadJob(SharedSpark.session(), atProgress)
        .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));
  }

  @Test
  void aReturnThatLandsAfterTheScanIsLoadedByTheNextLoad() {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p1-birm");
    Path late = temp.resolve("late");
    TestLandings.copyExamples(late, "valid-p2-kent");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    List<String> said = new ArrayList<>();

    LoadResult first =
        load(
            landing,
            store,
            line -> {
              said.add(line);
              // The scan has listed the folder and said what it found: Kent's return lands now.
              if (line.contains("scan:") && line.contains("returns,")) {
                copy(late, landing);
              }
            });

    assertThat(first.report().totals().returnsRead()).isEqualTo(1);
    assertThat(stems(store, first.snapshotId())).containsExactly("valid-p1-birmingham-2013Q3");

    LoadResult second = load(landing, store, line -> {});

    assertThat(second.nothingNew()).as("the late return was never read: not seen").isFalse();
    assertThat(stems(store, second.snapshotId()))
        .containsExactlyInAnyOrder("valid-p1-birmingham-2013Q3", "valid-p2-kent-2015Q2");
    assertThat(claimRows(store, second.snapshotId())).isEqualTo(5);
    assertAccounted(second);
  }

  @Test
  void aClaimsFileCompletedWhileItsReturnIsReadWaitsForTheNextLoad() {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p1-birm");
    Path claims = landing.resolve("valid-p2-kent-2015Q2.claims.csv");
    TestLandings.copyExamples(temp.resolve("kent"), "valid-p2-kent");
    List<String> fullClaims = lines(temp.resolve("kent").resolve(claims.getFileName()));
    copyFile(temp.resolve("kent").resolve("valid-p2-kent-2015Q2.summary.csv"), landing);
    // The claims file is being written: two of its five rows are there at the scan.
    write(claims, fullClaims.subList(0, 3));
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    List<String> said = new ArrayList<>();

    LoadResult first =
        load(
            landing,
            store,
            line -> {
              said.add(line);
              // The executors are about to read: the sender finishes writing the claims file.
              if (line.contains("new returns on the executors")) {
                write(claims, fullClaims);
              }
            });

    assertThat(said).anyMatch(l -> l.contains("changed while they were read"));
    assertThat(stems(store, first.snapshotId())).containsExactly("valid-p1-birmingham-2013Q3");
    assertAccounted(first);

    LoadResult second = load(landing, store, line -> {});

    assertThat(second.nothingNew()).isFalse();
    ReturnCounts kent =
        second.report().returns().stream()
            .filter(c -> c.stem().equals("valid-p2-kent-2015Q2"))
            .findFirst()
            .orElseThrow();
    assertThat(kent.status()).isEqualTo("CURRENT");
    assertThat(kent.claimRowsRead()).as("every claim, not the half seen mid-write").isEqualTo(5);
    assertThat(claimRows(store, second.snapshotId())).isEqualTo(5);
    assertAccounted(second);
    assertThat(load(landing, store, line -> {}).nothingNew()).isTrue();
  }

  private static void assertAccounted(LoadResult result) {
    var totals = result.report().totals();
    assertThat(totals.returnsRead()).isEqualTo(totals.returnsAccepted() + totals.returnsRejected());
    assertThat(totals.claimRowsRead())
        .isEqualTo(totals.claimRowsAccepted() + totals.claimRowsRejected());
  }

  private static List<String> stems(SnapshotStore store, String snapshot) {
    return Snapshots.rows(store, snapshot, WarehouseTable.FACT_RETURN, "true").stream()
        .map(r -> r.<String>getAs("source_stem"))
        .toList();
  }

  private static long claimRows(SnapshotStore store, String snapshot) {
    return Snapshots.rows(store, snapshot, WarehouseTable.FACT_CLAIM, "true").size();
  }

  private static void copy(Path from, Path to) {
    try (var files = Files.list(from)) {
      files.forEach(f -> copyFile(f, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyFile(Path file, Path folder) {
    try {
      Files.copy(file, folder.resolve(file.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, List<String> lines) {
    try {
      Files.write(
          file,
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
