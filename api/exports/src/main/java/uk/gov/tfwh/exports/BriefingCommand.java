package uk.gov.tfwh.exports;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.gov.tfwh.exports.format.PoiLogging;
import uk.gov.tfwh.exports.pdf.PageImages;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.WarehouseReader;

/**
 * {@code ./tfwh briefing}: writes the ministerial briefing PDF for a phase and quarter from a
 * warehouse, and optionally its pages as PNGs (how docs/briefing-page1.png is made). Exit 2 for a
 * bad option or argument (usage), 1 when the briefing cannot be made (no such snapshot, no figures
 * for the quarter, cannot write the file).
 */
@Command(
    name = "briefing",
    mixinStandardHelpOptions = true,
    description = {
      "Write the ministerial briefing PDF (A4) for a phase and quarter, or authority profiles.",
      "",
      "It reads the current snapshot by default, marked OFFICIAL-SENSITIVE: PRE-RELEASE on every"
          + " page until that snapshot is published.",
      "",
      "With --authority CODE it writes that authority's two-page profile instead; with"
          + " --all-authorities every authority's profile into the folder --out, with an index.csv"
          + " of the files (exit 1 if any authority failed; the others are still written)."
    },
    exitCodeOnExecutionException = 1)
public final class BriefingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse.")
  Path warehouse;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "The Iceberg store's catalog settings (a properties file; also TFWH_CATALOG). Without"
              + " either: the embedded catalog in the warehouse folder. TFWH_STORE=folder reads"
              + " the legacy snapshot folders instead.")
  Path catalog;

  private final Map<String, String> environment;

  public BriefingCommand() {
    this(System.getenv());
  }

  /** With the environment that chooses the store (TFWH_STORE, TFWH_CATALOG). */
  BriefingCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Option(names = "--phase", required = true, paramLabel = "N", description = "1 or 2.")
  int phase;

  @Option(
      names = "--period",
      required = true,
      paramLabel = "QUARTER",
      description = "The quarter: 2013Q3, or its last day 2013-09-30.")
  String period;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE|DIR",
      description = "The PDF to write (with --all-authorities, the folder to write into).")
  Path out;

  @Option(
      names = "--authority",
      paramLabel = "CODE",
      description = "Write this authority's profile (a GSS code such as E10000016).")
  String authority;

  @Option(
      names = "--all-authorities",
      description = "Write every authority's profile for the quarter, and DIR/index.csv.")
  boolean allAuthorities;

  @Option(
      names = "--snapshot",
      paramLabel = "current|published|ID",
      defaultValue = "current",
      description = "Which snapshot to read (default: ${DEFAULT-VALUE}).")
  String snapshot;

  @Option(
      names = "--png",
      paramLabel = "FILE",
      description =
          "Also render every page to PNGs (PDFBox's renderer) named after FILE with -page1,"
              + " -page2... before .png (docs/briefing.png gives docs/briefing-page1.png).")
  Path png;

  @Option(
      names = "--dpi",
      paramLabel = "DPI",
      defaultValue = "110",
      description = "Resolution of the PNG (default: ${DEFAULT-VALUE}).")
  int dpi;

  public static void main(String[] args) {
    PoiLogging.keepErrorsOnly();
    System.exit(commandLine(new BriefingCommand()).execute(args));
  }

  /** The command line with tfwh's error handling: one line saying why; 2 for usage, 1 otherwise. */
  static CommandLine commandLine(BriefingCommand command) {
    CommandLine line = new CommandLine(command);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("tfwh briefing: " + e.getMessage());
          return e instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE : 1;
        });
    return line;
  }

  @Override
  public Integer call() {
    Quarter quarter = parsePeriod();
    if (phase != 1 && phase != 2) {
      throw new ParameterException(spec.commandLine(), "--phase must be 1 or 2, not " + phase);
    }
    Phase checkedPhase = Phase.ofNumber(phase);
    if (!checkedPhase.covers(quarter)) {
      throw new ParameterException(
          spec.commandLine(),
          "--period "
              + quarter.label()
              + " is outside phase "
              + phase
              + " ("
              + checkedPhase.firstQuarter().label()
              + " to "
              + checkedPhase.lastQuarter().label()
              + ")");
    }
    if (dpi < 36 || dpi > 600) {
      throw new ParameterException(spec.commandLine(), "--dpi must be between 36 and 600");
    }
    if (authority != null && allAuthorities) {
      throw new ParameterException(
          spec.commandLine(), "--authority and --all-authorities: choose one");
    }
    if (allAuthorities && png != null) {
      throw new ParameterException(spec.commandLine(), "--png takes one document, not a folder");
    }
    try (WarehouseReader store = WarehouseReader.open(catalog, warehouse, environment);
        WarehouseQueries queries = store.queries(QueryEngineConfig.defaults())) {
      Exports exports = new Exports(queries, store.releases(), Clock.systemUTC());
      if (allAuthorities) {
        return new ProfileRun(exports, spec.commandLine().getErr())
            .write(checkedPhase, quarter, selector(), out, spec.commandLine().getOut());
      }
      ExportFile pdf =
          authority == null
              ? exports.briefingPdf(checkedPhase, quarter, selector())
              : exports.authorityProfilePdf(authority, checkedPhase, quarter, selector());
      write(out, pdf.content());
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(
          "wrote "
              + out
              + " ("
              + pdf.size()
              + " bytes, snapshot "
              + pdf.snapshotId()
              + (pdf.published() ? ", published" : ", PRE-RELEASE")
              + ")");
      if (png != null) {
        List<byte[]> pages = PageImages.png(pdf.content(), dpi);
        for (int i = 0; i < pages.size(); i++) {
          Path page = pageImage(png, i + 1);
          write(page, pages.get(i));
          stdout.println("wrote " + page + " (page " + (i + 1) + " at " + dpi + " dpi)");
        }
      }
      stdout.flush();
    }
    return 0;
  }

  /** The quarter as the API and the pages take it: {@code 2013Q3} or {@code 2013-09-30}. */
  private Quarter parsePeriod() {
    try {
      return Quarter.parse(period);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--period must be a quarter such as 2013Q3 or its last day such as 2013-09-30: "
              + e.getMessage());
    }
  }

  private SnapshotSelector selector() {
    return switch (snapshot) {
      case "current" -> SnapshotSelector.current();
      case "published" -> SnapshotSelector.published();
      default -> SnapshotSelector.byId(snapshot);
    };
  }

  /** {@code docs/profile.png} and 2 give {@code docs/profile-page2.png}. */
  static Path pageImage(Path png, int page) {
    String name = png.getFileName().toString();
    String stem =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".png")
            ? name.substring(0, name.length() - 4)
            : name;
    return png.resolveSibling(stem + "-page" + page + ".png");
  }

  static void write(Path file, byte[] bytes) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
