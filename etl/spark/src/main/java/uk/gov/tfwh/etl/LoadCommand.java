package uk.gov.tfwh.etl;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.tfwh.etl.load.LoadJob;
import uk.gov.tfwh.etl.load.LoadRequest;
import uk.gov.tfwh.etl.load.LoadResult;
import uk.gov.tfwh.etl.read.LandingMirror;
import uk.gov.tfwh.etl.read.ObjectLanding;
import uk.gov.tfwh.etl.spark.BackgroundSparkSession;
import uk.gov.tfwh.returns.landing.SubmissionSidecars;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.S3Settings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;

/**
 * {@code ./tfwh load}: validates a landing folder of TFQR-1 returns and loads it into a new
 * warehouse snapshot. Exit 0 when the load ran (rejections are findings, not failures), 1 with a
 * one-line reason when it failed, 2 on bad options. Runs the same under {@code spark-submit}.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Validate every return in a landing folder and load it into a new warehouse release"
          + " (snapshot).",
      "",
      "The landing folder is the whole history of returns: files read by an earlier load are"
          + " reused, and loading the same files again changes nothing."
    })
public final class LoadCommand implements Callable<Integer> {
  @Option(
      names = "--landing",
      required = true,
      paramLabel = "DIR|s3://BUCKET/PREFIX",
      description =
          "Folder of TFQR-1 returns, or their place on object storage (s3://bucket/prefix, reached"
              + " as the --catalog file's tfwh.s3.* settings say; the driver keeps a copy in"
              + " --landing-copy and each executor fetches the returns it reads).")
  String landing;

  @Option(
      names = "--landing-copy",
      paramLabel = "DIR",
      description =
          "With --landing s3://..., the driver's own folder for its copy of the landing, kept from"
              + " one load to the next (default: <warehouse>/landing-mirror).")
  Path landingCopy;

  @Option(
      names = "--warehouse",
      required = true,
      description = "Warehouse folder (the embedded catalog, its tables and the load state).")
  Path warehouse;

  @Option(
      names = "--master",
      description = "Spark master URL (default: the one spark-submit gives, else local[2]).")
  String master;

  @Option(
      names = "--reference",
      description = "Reference set folder (default: ${tfwh.root.dir}/reference).")
  Path reference;

  @Option(
      names = "--retain",
      defaultValue = "10",
      description =
          "Committed snapshots to keep; current and published ones always stay (default: ${DEFAULT-VALUE}).")
  int retain;

  @Option(
      names = "--submissions",
      paramLabel = "DIR",
      description =
          "The submission service's folder, whose sidecars say who sent each return and when it"
              + " was received (default: submissions beside the landing folder). Returns without"
              + " one load as an operator's drop.")
  Path submissions;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "The Iceberg catalog's settings (a properties file; keys it leaves out keep the"
              + " embedded default; also TFWH_CATALOG). Without either: the embedded catalog"
              + " <warehouse>/catalog.db, tables under <warehouse>/tables. TFWH_STORE=folder"
              + " writes the legacy snapshot folders instead.")
  Path catalog;

  /** The folder in the warehouse folder that holds the driver's copy of a landing on S3. */
  static final String LANDING_MIRROR = "landing-mirror";

  private final PrintWriter out;
  private final PrintWriter err;

  private final Map<String, String> environment;

  LoadCommand(PrintWriter out, PrintWriter err) {
    this(out, err, System.getenv());
  }

  LoadCommand(PrintWriter out, PrintWriter err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Parses and runs; returns the exit code. */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    CommandLine line = new CommandLine(new LoadCommand(out, err));
    line.setOut(out);
    line.setErr(err);
    return line.execute(args);
  }

  @Override
  public Integer call() {
    LoadRequest request;
    Optional<ObjectLanding> objects;
    Optional<LandingMirror> landingMirror;
    Optional<LandingMirror> submissionsCopy;
    try {
      Optional<CatalogSettings> catalogSettings = catalogSettings();
      objects =
          ObjectLanding.isAddress(landing)
              ? Optional.of(ObjectLanding.at(landing, s3Properties(catalogSettings)))
              : Optional.empty();
      landingMirror = objects.map(o -> new LandingMirror(o, mirrorRoot("landing")));
      submissionsCopy =
          objects
              .filter(o -> submissions == null)
              .map(o -> new LandingMirror(o.submissions(), mirrorRoot("submissions")));
      Path landingDir = landingMirror.map(LandingMirror::folder).orElseGet(() -> Path.of(landing));
      request =
          new LoadRequest(
              landingDir.toAbsolutePath(),
              warehouse.toAbsolutePath(),
              (reference != null ? reference : defaultReference()).toAbsolutePath(),
              retain,
              submissions != null
                  ? submissions.toAbsolutePath()
                  : submissionsCopy
                      .map(LandingMirror::folder)
                      .orElseGet(() -> SubmissionSidecars.defaultFolder(landingDir)),
              catalogSettings);
    } catch (IllegalArgumentException e) {
      err.println("tfwh load: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    if (objects.isPresent()) {
      try {
        int copied = landingMirror.get().sync();
        submissionsCopy.ifPresent(LandingMirror::sync);
        out.println(
            "tfwh load: "
                + objects.get().address()
                + ": "
                + copied
                + " new or changed objects copied to "
                + request.landingDir());
      } catch (ObjectLanding.LandingUnavailableException | UncheckedIOException e) {
        err.println("tfwh load: " + e.getMessage());
        return CommandLine.ExitCode.SOFTWARE;
      }
      request = request.from(objects.get());
      out.println("tfwh load: " + objects.get().address() + " -> " + request.warehouseDir());
    } else {
      out.println("tfwh load: " + request.landingDir() + " -> " + request.warehouseDir());
    }
    try (BackgroundSparkSession spark = BackgroundSparkSession.start(master, request.catalog())) {
      LoadResult result = new LoadJob(spark, out::println).run(request);
      if (result.nothingNew()) {
        out.println("tfwh load: nothing new; snapshot " + result.snapshotId() + " stays current");
      } else {
        out.println(result.report().summary(request.reportPlace(result.snapshotId())));
        out.println(
            "tfwh load: "
                + (request.catalog().isPresent() ? "release " : "snapshot ")
                + result.snapshotId()
                + " committed (pre-release)");
      }
      return CommandLine.ExitCode.OK;
    } catch (RuntimeException | LinkageError e) {
      err.println("tfwh load: failed: " + oneLine(e));
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  /** The Iceberg catalog to load into, none for the legacy folder store ({@link StoreChoice}). */
  private Optional<CatalogSettings> catalogSettings() {
    return StoreChoice.iceberg(catalog, warehouse.toAbsolutePath(), environment);
  }

  /** Where the driver keeps its copy of the landing on object storage (and of its sidecars). */
  private Path mirrorRoot(String part) {
    Path root =
        landingCopy != null ? landingCopy : warehouse.toAbsolutePath().resolve(LANDING_MIRROR);
    return root.toAbsolutePath().resolve(part);
  }

  /** How to reach the landing's bucket: the catalog's tfwh.s3.* settings, or the SDK's defaults. */
  private Map<String, String> s3Properties(Optional<CatalogSettings> settings) {
    return settings
        .map(CatalogSettings::s3)
        .orElse(S3Settings.DEFAULTS)
        .icebergProperties(environment);
  }

  private static Path defaultReference() {
    String root = System.getProperty("tfwh.root.dir");
    if (root == null) {
      throw new IllegalArgumentException(
          "give --reference DIR (no tfwh.root.dir property to find the default reference set)");
    }
    return Path.of(root, "reference");
  }

  /** The reason a load failed, on one line: the deepest cause's message is usually the one. */
  static String oneLine(Throwable e) {
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
