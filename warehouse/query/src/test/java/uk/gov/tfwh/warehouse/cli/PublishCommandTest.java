package uk.gov.tfwh.warehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.WarehouseLock;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

class PublishCommandTest {
  private static final String FIRST = "20260101T000000000Z-first";
  private static final String SECOND = "20260102T000000000Z-second";
  private static final String THIRD = "20260103T000000000Z-third";

  @TempDir Path warehouse;
  private SnapshotStore store;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void twoLoads() {
    store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, FIRST, 0);
    SnapshotFixture.commit(store, SECOND, 1);
  }

  private int run(String... args) {
    CommandLine line =
        PublishCommand.commandLine(
            new PublishCommand(Optional.empty(), Map.of("TFWH_STORE", "folder")));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @Test
  void publishingWhileALoadRunsIsRefusedWithOneLineAndChangesNothing() {
    try (WarehouseLock load = store.lock("load")) {
      int code = run("--warehouse", warehouse.toString(), "--current", "--retain", "1");

      assertThat(code).isEqualTo(1);
      assertThat(err.toString())
          .startsWith("tfwh publish: the warehouse ")
          .contains("is busy: load (process " + ProcessHandle.current().pid())
          .hasLineCount(1);
    }
    assertThat(store.publishedId()).isEmpty();
    assertThat(store.list()).hasSize(2);
  }

  @Test
  void listingNeedsNoLockAndWorksDuringALoad() {
    try (WarehouseLock load = store.lock("load")) {
      int code = run("--warehouse", warehouse.toString(), "--list");

      assertThat(code).isZero();
      assertThat(out.toString()).contains(FIRST).contains(SECOND);
    }
  }

  @Test
  void publishesTheSnapshotNamed() {
    int code = run("--warehouse", warehouse.toString(), "--snapshot", FIRST);

    assertThat(code).isZero();
    assertThat(store.publishedId()).contains(FIRST);
    assertThat(store.currentId()).contains(SECOND);
    assertThat(out.toString()).contains("published " + FIRST);
  }

  @Test
  void publishesTheCurrentSnapshotAndListsEveryStatusWithRowCounts() {
    run("--warehouse", warehouse.toString(), "--snapshot", FIRST);
    SnapshotFixture.commit(store, THIRD, 2);
    store.publish(SECOND);
    out.getBuffer().setLength(0);

    int code = run("--warehouse", warehouse.toString(), "--current", "--list");

    assertThat(code).isZero();
    assertThat(store.publishedId()).contains(THIRD);
    String[] lines = out.toString().split("\\R");
    assertThat(lines[0]).isEqualTo("published " + THIRD);
    assertThat(lines[1]).startsWith("SNAPSHOT").contains("CREATED", "STATUS", "RETURNS");
    assertThat(lines[2]).startsWith(FIRST).contains("previously published");
    assertThat(lines[3]).startsWith(SECOND).contains("previously published");
    assertThat(lines[4])
        .startsWith(THIRD)
        .contains("current, published")
        .contains("2026-01-01T00:00:02Z")
        // 17 return versions (one superseded), 5 claims, 6 findings, 16 authority-quarters
        .containsPattern("\\s17\\s+5\\s+6\\s+16$");
  }

  @Test
  void aNeverPublishedSnapshotIsPreRelease() {
    run("--warehouse", warehouse.toString(), "--list");

    assertThat(out.toString())
        .containsPattern(FIRST + "\\s+\\S+\\s+pre-release")
        .containsPattern(SECOND + "\\s+\\S+\\s+current, pre-release");
  }

  @Test
  void retainKeepsTheNewestButNeverThePublishedOne() {
    run("--warehouse", warehouse.toString(), "--snapshot", FIRST);
    SnapshotFixture.commit(store, THIRD, 2);

    int code = run("--warehouse", warehouse.toString(), "--retain", "1");

    assertThat(code).isZero();
    assertThat(store.list()).extracting(m -> m.id()).containsExactly(FIRST, THIRD);
    assertThat(out.toString()).contains("deleted " + SECOND);
  }

  @Test
  void badOptionsExitTwo() {
    assertThat(run("--warehouse", warehouse.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--snapshot ID, --current, --list or --retain N");
    assertThat(run("--warehouse", warehouse.toString(), "--snapshot", FIRST, "--current"))
        .isEqualTo(2);
    assertThat(run("--snapshot", FIRST)).isEqualTo(2);
    assertThat(run("--warehouse", warehouse.toString(), "--retain", "0")).isEqualTo(2);
    assertThat(store.publishedId()).isEmpty();
  }

  @Test
  void failuresExitOneWithAOneLineReason() {
    int unknown = run("--warehouse", warehouse.toString(), "--snapshot", "20990101T000000000Z-x");
    int noWarehouse = run("--warehouse", warehouse.resolve("missing").toString(), "--list");
    int badTrino =
        run("--warehouse", warehouse.toString(), "--snapshot", FIRST, "--trino", "ftp://x");

    assertThat(unknown).isEqualTo(1);
    assertThat(noWarehouse).isEqualTo(1);
    assertThat(badTrino).isEqualTo(1);
    assertThat(err.toString().split("\\R"))
        .containsExactly(
            "tfwh publish: there is no committed snapshot 20990101T000000000Z-x in " + warehouse,
            "tfwh publish: there is no warehouse at " + warehouse.resolve("missing"),
            "tfwh publish: --trino: " + StoreChoice.trinoRefusal(warehouse));
  }

  @Test
  void trinoIsRefusedOnTheFolderStoreBeforeAnythingIsPublished() {
    int refused =
        run(
            "--warehouse",
            warehouse.toString(),
            "--snapshot",
            FIRST,
            "--trino",
            "http://127.0.0.1:8090");

    assertThat(refused).isEqualTo(1);
    assertThat(store.publishedId()).isEmpty();
    assertThat(err.toString().strip())
        .isEqualTo("tfwh publish: --trino: " + StoreChoice.trinoRefusal(warehouse))
        .contains("./tfwh migrate --from-snapshots");
  }

  @Test
  void trinoAddressesAreAcceptedAsJdbcOrHttp() {
    assertThat(PublishCommand.jdbcUrl("http://127.0.0.1:8090/"))
        .isEqualTo("jdbc:trino://127.0.0.1:8090");
    assertThat(PublishCommand.jdbcUrl("jdbc:trino://h:1")).isEqualTo("jdbc:trino://h:1");
  }
}
