package uk.gov.tfwh.etl.migrate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.etl.spark.BackgroundSparkSession;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterBusyException;

/**
 * {@code ./tfwh migrate --from-snapshots DIR --warehouse DIR}: turns a folder-store warehouse into
 * an Iceberg warehouse ({@link SnapshotMigration}). Exit 0 when migrated, 1 with a one-line reason
 * when refused or failed, 2 on bad options.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Turn a folder-store warehouse (snapshot folders, CURRENT, PUBLISHED, publications.log)"
          + " into an empty Iceberg warehouse: every retained snapshot becomes a release with the"
          + " same id and manifest, oldest first, and every publication keeps its time.",
      "",
      "The source folder is only read. Refused when the target already has releases.",
      "",
      "With --verify, every migrated release is then compared with its snapshot, table by table"
          + " and row by row, with the statuses and publications; on a warehouse migrated"
          + " already, --verify only compares. Exit 1 names the first release and table that"
          + " differs."
    })
public final class MigrateCommand implements Callable<Integer> {
  @Option(
      names = "--from-snapshots",
      required = true,
      paramLabel = "DIR",
      description = "The folder-store warehouse to migrate (the folder with snapshots/).")
  Path source;

  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "DIR",
      description = "The Iceberg warehouse folder to create (must have no releases yet).")
  Path warehouse;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "Catalog settings file (a properties file; keys it leaves out keep the embedded"
              + " default; also TFWH_CATALOG). Without either: the embedded catalog"
              + " <warehouse>/catalog.db.")
  Path catalog;

  @Option(
      names = "--verify",
      description =
          "After migrating (or, when the warehouse has releases already, instead), compare every"
              + " migrated release with its source snapshot row by row.")
  boolean verify;

  @Option(
      names = "--master",
      description = "Spark master URL (default: the one spark-submit gives, else local[2]).")
  String master;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> environment;

  MigrateCommand(PrintWriter out, PrintWriter err) {
    this(out, err, System.getenv());
  }

  MigrateCommand(PrintWriter out, PrintWriter err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Parses and runs; returns the exit code. */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    CommandLine line = new CommandLine(new MigrateCommand(out, err));
    line.setOut(out);
    line.setErr(err);
    return line.execute(args);
  }

  @Override
  public Integer call() {
    Path dir = warehouse.toAbsolutePath();
    CatalogSettings settings;
    try {
      settings =
          StoreChoice.iceberg(catalog, dir, environment)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "migrate writes an Iceberg warehouse: unset TFWH_STORE=folder"));
    } catch (IllegalArgumentException e) {
      err.println("tfwh migrate: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    out.println("tfwh migrate: " + source.toAbsolutePath() + " -> " + dir);
    boolean migrate = true;
    try {
      // Before Spark starts: a refusal costs a second, not the seconds a session takes.
      SnapshotMigration.refuseUnlessMigratable(source, settings, dir);
    } catch (MigrationRefusedException e) {
      if (verify && SnapshotMigration.hasReleases(settings, dir)) {
        out.println("tfwh migrate: the warehouse is migrated already; verifying only");
        migrate = false;
      } else {
        err.println("tfwh migrate: refused: " + e.getMessage());
        return CommandLine.ExitCode.SOFTWARE;
      }
    } catch (RuntimeException e) {
      err.println("tfwh migrate: failed: " + oneLine(e));
      return CommandLine.ExitCode.SOFTWARE;
    }
    try (BackgroundSparkSession spark =
        BackgroundSparkSession.start(master, java.util.Optional.of(settings))) {
      if (migrate) {
        SnapshotMigration.Result result =
            new SnapshotMigration(spark.get(), out::println).run(source, settings, dir);
        out.println(
            "tfwh migrate: "
                + result.releaseIds().size()
                + " releases and "
                + result.publications()
                + " publications migrated; current release "
                + result.releaseIds().get(result.releaseIds().size() - 1));
      }
      if (verify) {
        MigrationCheck.Result checked =
            new MigrationCheck(spark.get(), out::println).verify(source, settings);
        out.println(
            "tfwh migrate: verified: "
                + checked.releases()
                + " releases, "
                + checked.tables()
                + " tables equal to their snapshots ("
                + checked.tablesRead()
                + " compared row by row, the others the same files and snapshots as one of"
                + " them), statuses and publications equal");
      }
      return CommandLine.ExitCode.OK;
    } catch (MigrationMismatchException e) {
      err.println("tfwh migrate: verify failed: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    } catch (MigrationRefusedException | WriterBusyException e) {
      err.println("tfwh migrate: refused: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    } catch (RuntimeException | LinkageError e) {
      err.println("tfwh migrate: failed: " + oneLine(e));
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  /** The reason on one line: the deepest cause's message is usually the one. */
  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message = message + " (" + root.getMessage() + ")";
    }
    return message.replaceAll("\\s+", " ").trim();
  }
}
