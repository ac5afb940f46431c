package uk.gov.tfwh.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The exit codes an operator's scripts rely on: 0 when the load ran, rejections and all; 1 with a
 * one-line reason when the load itself failed; 2 on bad options. The two that run a load do so in a
 * child JVM, as {@code ./tfwh load} runs, since the command stops its Spark session on the way out.
 */
class LoadCommandTest {
  @TempDir Path temp;

  private record Outcome(int code, String out, String err) {}

  /** Runs the command in this JVM: only for option errors, which stop before Spark starts. */
  private static Outcome runHere(String... args) {
    return runHere(Map.of(), args);
  }

  private static Outcome runHere(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine line = new CommandLine(new LoadCommand(outWriter, errWriter, environment));
    line.setOut(outWriter);
    line.setErr(errWriter);
    int code = line.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Runs {@code tfwh load} of a landing folder with the test reference set in a child JVM. */
  private Outcome runInChildJvm(Path landing, Path warehouse) throws Exception {
    Path log = temp.resolve("load-" + System.nanoTime() + ".log");
    Process load = LoadProcess.startLoad(landing, warehouse, log);
    assertThat(load.waitFor(3, TimeUnit.MINUTES)).as("the load finished").isTrue();
    return new Outcome(load.exitValue(), Files.readString(log), "");
  }

  @Test
  void aLoadWithRejectedReturnsRanAndExitsZero() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p1-birm", "bad-");
    Path warehouse = temp.resolve("warehouse");

    Outcome load = runInChildJvm(landing, warehouse);

    assertThat(load.code()).as(load.out()).isZero();
    assertThat(load.out())
        .contains("returns     read ")
        .containsPattern("rejected [1-9]")
        .contains("committed (pre-release)");
    assertThat(new SnapshotStore(warehouse).current()).isPresent();
  }

  @Test
  void aFailedLoadExitsOneWithItsReasonOnOneLine() throws Exception {
    Path missing = temp.resolve("no-such-landing");
    Path warehouse = temp.resolve("warehouse");

    Outcome load = runInChildJvm(missing, warehouse);

    assertThat(load.code()).as(load.out()).isEqualTo(1);
    assertThat(load.out().lines().filter(l -> l.startsWith("tfwh load: failed: ")))
        .singleElement()
        .isEqualTo("tfwh load: failed: landing folder " + missing + " is not a folder");
    assertThat(load.out().lines()).noneMatch(l -> l.startsWith("\tat "));
    assertThat(new SnapshotStore(warehouse).current()).isEmpty();
  }

  @Test
  void missingOptionsExitTwoAndSayWhich() {
    Outcome run = runHere("--landing", temp.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--warehouse=<warehouse>'");
  }

  @Test
  void aRetentionBelowOneExitsTwo() throws IOException {
    Outcome run =
        runHere(
            "--landing",
            Files.createDirectories(temp.resolve("landing")).toString(),
            "--warehouse",
            temp.resolve("warehouse").toString(),
            "--reference",
            TestLandings.reference().toString(),
            "--retain",
            "0");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("tfwh load: retain at least one snapshot, not 0\n");
  }

  @Test
  void anUnknownStoreExitsTwoAndSaysWhichThereAre() throws IOException {
    Outcome run =
        runHere(
            Map.of("TFWH_STORE", "s3"),
            "--landing",
            Files.createDirectories(temp.resolve("landing")).toString(),
            "--warehouse",
            temp.resolve("warehouse").toString(),
            "--reference",
            TestLandings.reference().toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "tfwh load: TFWH_STORE must be iceberg (the default) or folder (the legacy snapshot"
                + " folders), not 's3'\n");
  }

  @Test
  void aCatalogFileNamedByTfwhCatalogIsTheOneRead() throws IOException {
    Path settings = temp.resolve("from-environment.properties");
    Outcome run =
        runHere(
            Map.of("TFWH_CATALOG", settings.toString()),
            "--landing",
            Files.createDirectories(temp.resolve("landing")).toString(),
            "--warehouse",
            temp.resolve("warehouse").toString(),
            "--reference",
            TestLandings.reference().toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("tfwh load: no catalog settings file at " + settings + "\n");
  }

  @Test
  void aWarehouseOfSnapshotFoldersIsRefusedUnlessTheFolderStoreIsAskedFor() throws IOException {
    Path warehouse = Files.createDirectories(temp.resolve("warehouse/snapshots")).getParent();
    String[] args = {
      "--landing",
      Files.createDirectories(temp.resolve("landing")).toString(),
      "--warehouse",
      warehouse.toString(),
      "--reference",
      TestLandings.reference().toString()
    };

    Outcome run = runHere(args);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "tfwh load: "
                + warehouse
                + " holds snapshot folders (the legacy folder store), which the Iceberg store (the"
                + " default) does not read: migrate them with ./tfwh migrate --from-snapshots "
                + warehouse
                + " --warehouse NEW_DIR, or keep using them with TFWH_STORE=folder\n");
    assertThat(warehouse.resolve("catalog.db")).doesNotExist();
  }

  @Test
  void aMissingCatalogFileExitsTwo() throws IOException {
    Path settings = temp.resolve("catalog.properties");
    Outcome run =
        runHere(
            "--landing",
            Files.createDirectories(temp.resolve("landing")).toString(),
            "--warehouse",
            temp.resolve("warehouse").toString(),
            "--reference",
            TestLandings.reference().toString(),
            "--catalog",
            settings.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("tfwh load: no catalog settings file at " + settings + "\n");
    assertThat(temp.resolve("warehouse")).doesNotExist();
  }
}
