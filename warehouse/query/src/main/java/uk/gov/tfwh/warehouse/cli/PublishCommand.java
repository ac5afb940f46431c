package uk.gov.tfwh.warehouse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.snapshot.WarehouseLock;

/**
 * {@code ./tfwh publish}: releases a committed (pre-release) snapshot to the public, lists the
 * snapshots and prunes old ones. On the Iceberg store (the default, {@link StoreChoice}) it works
 * on releases ({@link IcebergPublish}), and {@code --trino} points the {@code published} and {@code
 * current} views of Trino's catalog of the warehouse at them, so Trino users switch too. Trino does
 * not serve the legacy folder store ({@code TFWH_STORE=folder}): there {@code --trino} is refused,
 * naming {@code ./tfwh migrate}.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Release a loaded (pre-release) snapshot to the public, list snapshots, keep the newest N.",
      "",
      "With --trino (or TFWH_TRINO_URL), point Trino's views <catalog>.published.<table> and"
          + " <catalog>.current.<table> at the published and current releases (the Iceberg store"
          + " only)."
    },
    exitCodeOnExecutionException = 1)
public final class PublishCommand implements Callable<Integer> {
  /** Where the Trino URL comes from when --trino is not given. */
  public static final String TRINO_URL_ENV = "TFWH_TRINO_URL";

  @Spec CommandSpec spec;

  @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "Warehouse.")
  Path warehouse;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description =
          "The Iceberg store's catalog settings (a properties file; also TFWH_CATALOG)."
              + " Without either: the embedded catalog in the warehouse folder. TFWH_STORE=folder"
              + " works on the legacy snapshot folders instead.")
  Path catalog;

  @ArgGroup(exclusive = true)
  Which which;

  static final class Which {
    @Option(names = "--snapshot", paramLabel = "ID", description = "Publish this snapshot.")
    String snapshot;

    @Option(names = "--current", description = "Publish the current (latest loaded) snapshot.")
    boolean current;
  }

  @Option(names = "--list", description = "List snapshots: created, status and row counts.")
  boolean list;

  @Option(
      names = "--retain",
      paramLabel = "N",
      description = "Delete the oldest snapshots beyond N (never the current or a published one).")
  Integer retain;

  @Option(
      names = "--trino",
      paramLabel = "URL",
      description =
          "Trino whose views to point: jdbc:trino://HOST:PORT or http://HOST:PORT (Iceberg store).")
  String trino;

  private final Optional<String> configuredTrino;
  private final Map<String, String> environment;

  public PublishCommand() {
    this(
        Optional.ofNullable(System.getenv(TRINO_URL_ENV)).filter(s -> !s.isBlank()),
        System.getenv());
  }

  PublishCommand(Optional<String> configuredTrino, Map<String, String> environment) {
    this.configuredTrino = configuredTrino;
    this.environment = Map.copyOf(environment);
  }

  public static void main(String[] args) {
    System.exit(commandLine(new PublishCommand()).execute(args));
  }

  /** The command line with tfwh's error handling: one line saying why, exit 1. */
  static CommandLine commandLine(PublishCommand command) {
    CommandLine line = new CommandLine(command);
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("tfwh publish: " + e.getMessage());
          return 1;
        });
    return line;
  }

  @Override
  public Integer call() {
    if (which == null && !list && retain == null) {
      throw new ParameterException(
          spec.commandLine(), "say what to do: --snapshot ID, --current, --list or --retain N");
    }
    if (retain != null && retain < 1) {
      throw new ParameterException(spec.commandLine(), "--retain must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<CatalogSettings> iceberg = StoreChoice.iceberg(catalog, warehouse, environment);
    if (iceberg.isPresent()) {
      return publishIceberg(iceberg.get(), out);
    }
    SnapshotStore store = new SnapshotStore(warehouse);
    if (!store.root().toFile().isDirectory()) {
      throw new IllegalStateException("there is no warehouse at " + store.root());
    }
    // Trino serves the Iceberg store only, so this refuses --trino here, before anything changes.
    if (trino != null || configuredTrino.isPresent()) {
      throw new IllegalStateException(
          "--trino"
              + (trino == null ? " (" + TRINO_URL_ENV + ")" : "")
              + ": "
              + StoreChoice.trinoRefusal(warehouse));
    }
    // Publishing and retention change the warehouse: not while a load (or another publish) does.
    try (WarehouseLock lock = which != null || retain != null ? store.lock("publish") : null) {
      return changeAndList(store, lock, out);
    }
  }

  private Integer changeAndList(SnapshotStore store, WarehouseLock lock, PrintWriter out) {
    if (which != null) {
      String id = which.current ? currentId(store) : which.snapshot;
      if (!store.isCommitted(id)) {
        throw new IllegalStateException(
            "there is no committed snapshot " + id + " in " + store.root());
      }
      store.publish(id, lock);
      out.println("published " + id);
    }
    if (retain != null) {
      List<String> deleted = store.retain(retain, lock);
      out.println(
          deleted.isEmpty() ? "nothing to delete" : "deleted " + String.join(", ", deleted));
    }
    if (list) {
      new SnapshotListing(store).print(out);
    }
    out.flush();
    return 0;
  }

  /**
   * The Iceberg store: publishing and retention under the writer lock the catalog settings choose
   * (a publish while a load runs is refused naming the load), then Trino's views, then the listing.
   */
  private Integer publishIceberg(CatalogSettings settings, PrintWriter out) {
    Optional<String> snapshot =
        which == null
            ? Optional.empty()
            : Optional.ofNullable(which.current ? null : which.snapshot);
    Optional<String> trinoUrl = Optional.ofNullable(trino).or(() -> configuredTrino);
    IcebergPublish publish = new IcebergPublish(warehouse, settings, environment);
    if (which != null || retain != null) {
      try (WriterLock lock = publish.lock()) {
        if (which != null) {
          out.println("published " + publish.publish(lock, snapshot));
        }
        if (retain != null) {
          List<String> deleted = publish.retain(lock, retain);
          out.println(
              deleted.isEmpty() ? "nothing to delete" : "deleted " + String.join(", ", deleted));
        }
      }
    }
    if (trinoUrl.isPresent()) {
      publish.updateViews(jdbcUrl(trinoUrl.get()), out);
    }
    if (list) {
      publish.list(out);
    }
    out.flush();
    return 0;
  }

  private static String currentId(SnapshotStore store) {
    return store
        .currentId()
        .orElseThrow(
            () -> new IllegalStateException("no snapshot has been loaded in " + store.root()));
  }

  /** Accepts the JDBC URL or the server's HTTP address, as operators have either to hand. */
  static String jdbcUrl(String url) {
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:trino://")) {
      return trimmed;
    }
    if (trimmed.startsWith("http://")) {
      return "jdbc:trino://" + trimmed.substring("http://".length()).replaceAll("/+$", "");
    }
    throw new IllegalArgumentException(
        "--trino must be jdbc:trino://HOST:PORT or http://HOST:PORT, not " + url);
  }

  /** The listing: one line per snapshot, oldest first. */
  static final class SnapshotListing {
    private final WarehouseReleases store;

    SnapshotListing(WarehouseReleases store) {
      this.store = store;
    }

    void print(PrintWriter out) {
      String current = store.currentId().orElse("");
      String published = store.publishedId().orElse("");
      List<SnapshotManifest> snapshots = store.list();
      if (snapshots.isEmpty()) {
        out.println("no snapshots in " + store.location());
        return;
      }
      String format = "%-40s %-24s %-20s %9s %9s %9s %12s%n";
      out.printf(
          format, "SNAPSHOT", "CREATED", "STATUS", "RETURNS", "CLAIMS", "FINDINGS", "AUTH-QTRS");
      for (SnapshotManifest manifest : snapshots) {
        out.printf(
            format,
            manifest.id(),
            manifest.createdAt().toString(),
            status(manifest.id(), current, published),
            rows(manifest, "fact_return"),
            rows(manifest, "fact_claim"),
            rows(manifest, "fact_finding"),
            rows(manifest, "agg_authority_quarter"));
      }
    }

    private String status(String id, String current, String published) {
      if (id.equals(current) && id.equals(published)) {
        return "current, published";
      }
      if (id.equals(published)) {
        return "published";
      }
      if (id.equals(current)) {
        return "current, pre-release";
      }
      return store.isPublished(id) ? "previously published" : "pre-release";
    }

    private static String rows(SnapshotManifest manifest, String table) {
      SnapshotManifest.TableStats stats = manifest.tables().get(table);
      return stats == null ? "-" : Long.toString(stats.rows());
    }
  }
}
