package uk.gov.tfwh.etl.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./tfwh migrate} chooses its target catalog by the rule every command follows ({@code
 * StoreChoice}): {@code --catalog}, else {@code TFWH_CATALOG}, else the embedded catalog. These
 * stop before Spark starts.
 */
class MigrateCommandOptionsTest {
  @TempDir Path temp;

  private record Outcome(int code, String err) {}

  private Outcome run(Map<String, String> environment) throws IOException {
    return run(environment, temp.resolve("target"));
  }

  private Outcome run(Map<String, String> environment, Path target) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine line = new CommandLine(new MigrateCommand(outWriter, errWriter, environment));
    line.setOut(outWriter);
    line.setErr(errWriter);
    int code =
        line.execute(
            "--from-snapshots",
            Files.createDirectories(temp.resolve("folders")).toString(),
            "--warehouse",
            target.toString());
    return new Outcome(code, err.toString());
  }

  @Test
  void theCatalogFileTfwhCatalogNamesIsTheTarget() throws IOException {
    Path settings = temp.resolve("from-environment.properties");

    Outcome run = run(Map.of("TFWH_CATALOG", settings.toString()));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("tfwh migrate: no catalog settings file at " + settings + "\n");
    assertThat(temp.resolve("target")).doesNotExist();
  }

  @Test
  void aTargetThatHoldsSnapshotFoldersIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path target = Files.createDirectories(temp.resolve("old"));
    Files.writeString(target.resolve("CURRENT"), "20261205T210902158Z-c588b832\n");

    Outcome run = run(Map.of(), target);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "tfwh migrate: "
                + target
                + " holds snapshot folders (the legacy folder store), which the Iceberg store (the"
                + " default) does not read: migrate them with ./tfwh migrate --from-snapshots "
                + target
                + " --warehouse NEW_DIR, or keep using them with TFWH_STORE=folder\n");
    assertThat(target.resolve("catalog.db")).doesNotExist();
  }

  @Test
  void theFolderStoreOrAnUnknownStoreIsRefusedWithTheSharedWording() throws IOException {
    assertThat(run(Map.of("TFWH_STORE", "folder")))
        .isEqualTo(
            new Outcome(
                2, "tfwh migrate: migrate writes an Iceberg warehouse: unset TFWH_STORE=folder\n"));
    assertThat(run(Map.of("TFWH_STORE", "s3")))
        .isEqualTo(
            new Outcome(
                2,
                "tfwh migrate: TFWH_STORE must be iceberg (the default) or folder (the legacy"
                    + " snapshot folders), not 's3'\n"));
    assertThat(temp.resolve("target")).doesNotExist();
  }
}
