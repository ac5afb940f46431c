package uk.gov.tfwh.api.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The Iceberg store ({@code TFWH_STORE=iceberg}): a load writes branches, seals them as {@code
 * r_<id>} tags, commits one release row with its tables, then moves {@code main}
 * (docs/design/iceberg.md, section 5.7). The moments are read from the load's own stage lines
 * ({@code [ 12.3s] write ...}, {@code [ 20.1s] commit ...}), since nothing in the file system marks
 * them.
 *
 * <p>Either in its embedded catalog (SQLite and tables in the warehouse folder), or with its tables
 * on object storage ({@link #onObjectStorage}): the shared s3proxy of the test JVM, the embedded
 * SQLite catalog still in the warehouse folder, both named by a catalog settings file that the
 * loads ({@code --catalog}) and the API ({@code tfwh.store.catalog}) are given, as an operator
 * would. On object storage the orphan sweep's minimum age is 0 (safe under SQLite's file lock), so
 * the trial also asserts that a committing load leaves no data object in the bucket that no
 * snapshot reaches: what a killed load wrote is swept, not left to cost storage.
 */
final class IcebergTrialStore implements TrialStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMMIT_TOOK = Pattern.compile("\\] commit: .*\\(([0-9,]+) ms\\)");

  /** The object store's bucket; each trial has a prefix of its own in it. */
  static final String BUCKET = "tfwh-crash-trial";

  private final String name;
  private final Path warehouse;
  private final CatalogSettings settings;
  private final Optional<Path> catalogFile;
  private final Map<String, String> environment;
  private IcebergReleases releases;

  /** How long a whole commit stage took in the last load seen; kills fall within it. */
  private volatile long commitMillis = 1_000;

  /** What a killed load left that a "nothing new" load does not clean (design, section 5.7). */
  private final List<String> left = new ArrayList<>();

  /** The embedded catalog in the warehouse folder. */
  IcebergTrialStore(Path warehouse) {
    this("iceberg", warehouse, CatalogSettings.embedded(warehouse), Optional.empty(), Map.of());
  }

  private IcebergTrialStore(
      String name,
      Path warehouse,
      CatalogSettings settings,
      Optional<Path> catalogFile,
      Map<String, String> environment) {
    this.name = name;
    this.warehouse = warehouse;
    this.settings = settings;
    this.catalogFile = catalogFile;
    this.environment = environment;
  }

  /**
   * Tables at {@code s3://}{@value #BUCKET}{@code /<unique prefix>} on the test JVM's s3proxy, the
   * SQLite catalog in the warehouse folder; the settings file is written next to that folder.
   */
  static IcebergTrialStore onObjectStorage(Path warehouse) {
    S3ProxyServer s3 = S3ProxyServer.shared();
    String location = "s3://" + BUCKET + "/trial-" + System.nanoTime();
    Map<String, String> keys = new TreeMap<>(s3.settings(location));
    keys.put(CatalogSettings.ORPHAN_MIN_AGE, "PT0S");
    Path file = warehouse.resolveSibling("catalog-s3.properties");
    StringBuilder text = new StringBuilder();
    keys.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    CatalogSettings settings = CatalogSettings.read(file, warehouse);
    return new IcebergTrialStore("s3", warehouse, settings, Optional.of(file), s3.environment());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TfwhLoad load(Path projectRoot, Path landing, Path warehouse) {
    List<String> arguments =
        catalogFile.map(file -> List.of("--catalog", file.toString())).orElse(List.of());
    return new TfwhLoad(projectRoot, landing, warehouse, "iceberg", arguments, environment);
  }

  /** This process's environment, with the object store's keys when the trial has one. */
  private Map<String, String> environment() {
    if (environment.isEmpty()) {
      return System.getenv();
    }
    Map<String, String> all = new HashMap<>(System.getenv());
    all.putAll(environment);
    return all;
  }

  /** Opened on first use: the first load creates the catalog. */
  @Override
  public synchronized WarehouseReleases releases() {
    if (releases == null) {
      releases = IcebergReleases.open(CatalogDatabase.of(settings, environment()));
    }
    return releases;
  }

  @Override
  public List<String> apiArguments() {
    List<String> arguments = new ArrayList<>(List.of("--tfwh.store.kind=iceberg"));
    catalogFile.ifPresent(file -> arguments.add("--tfwh.store.catalog=" + file));
    return arguments;
  }

  @Override
  public void learn(Path log) {
    Matcher took = COMMIT_TOOK.matcher(read(log));
    while (took.find()) {
      commitMillis = Math.max(1, Long.parseLong(took.group(1).replace(",", "")));
    }
  }

  @Override
  public void awaitWriting(Process load, Path log, Random random, long deadlineNanos)
      throws InterruptedException {
    awaitStage(load, log, "write", deadlineNanos);
    Thread.sleep(random.nextInt(300));
  }

  /**
   * From the start of the commit stage to within its length, as the last finished load took: the
   * seal (tags per table), the release transaction, moving {@code main} and removing old state
   * folders all get kills, and now and then the retention just after.
   */
  @Override
  public void awaitSwitch(Process load, Path log, Random random, long deadlineNanos)
      throws InterruptedException {
    awaitStage(load, log, "commit", deadlineNanos);
    load.waitFor(random.nextLong(commitMillis), TimeUnit.MILLISECONDS);
  }

  private static void awaitStage(Process load, Path log, String stage, long deadlineNanos)
      throws InterruptedException {
    String begun = "] " + stage + " ...";
    while (load.isAlive() && System.nanoTime() < deadlineNanos && !read(log).contains(begun)) {
      Thread.sleep(5);
    }
  }

  @Override
  public void assertComplete(String id) {
    ReleaseCatalog catalogued = new ReleaseCatalog(CatalogDatabase.of(settings, environment()));
    Release release =
        catalogued
            .byId(id)
            .orElseThrow(() -> new AssertionError(id + " is not a committed release"));
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings, environment())) {
      // Every release row, not only this one: a kill must not cost an older release its tables.
      for (ReleaseRecord record : catalogued.list()) {
        Release each =
            catalogued
                .byId(record.id())
                .orElseThrow(() -> new AssertionError(record.id() + " lost its tables"));
        for (ReleaseTable named : each.tables()) {
          Table table = load(catalog, named);
          if (table.snapshot(named.snapshotId()) == null) {
            throw new AssertionError(
                "release "
                    + each.id()
                    + " names snapshot "
                    + named.snapshotId()
                    + " of "
                    + named.qualifiedName()
                    + ", which is gone");
          }
        }
      }
      try (ReleaseFiles files = ReleaseFiles.plan(catalog, release);
          Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
        String namespace = catalog.namespace().toString();
        for (WarehouseTable contract : WarehouseTable.values()) {
          ReleaseTable named = release.table(namespace, contract.tableName()).orElseThrow();
          ReleaseFiles.PlannedTable planned = files.table(contract);
          long rows = rows(duckdb, planned.files().stream().map(f -> f.path()).toList());
          if (rows != named.rowCount() || planned.files().size() != named.fileCount()) {
            throw new AssertionError(
                id
                    + " "
                    + contract.tableName()
                    + ": release row says "
                    + named.rowCount()
                    + " rows in "
                    + named.fileCount()
                    + " files, planned Parquet has "
                    + rows
                    + " in "
                    + planned.files().size());
          }
        }
      } catch (SQLException e) {
        throw new AssertionError(id + " has unreadable Parquet: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void assertClean(boolean committed) {
    ReleaseCatalog catalogued = new ReleaseCatalog(CatalogDatabase.of(settings, environment()));
    Release current = catalogued.current().orElseThrow();
    List<Release> all =
        catalogued.list().stream().map(r -> catalogued.byId(r.id()).orElseThrow()).toList();
    Set<String> tags = all.stream().map(r -> "r_" + r.id()).collect(Collectors.toUnmodifiableSet());
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings, environment())) {
      for (ReleaseTable named : current.tables()) {
        Map<String, SnapshotRef> refs = load(catalog, named).refs();
        assertThat(refs.get("main"))
            .as("%s main", named.qualifiedName())
            .isNotNull()
            .extracting(SnapshotRef::snapshotId)
            .as("%s main at the current release %s", named.qualifiedName(), current.id())
            .isEqualTo(named.snapshotId());
        assertThat(refs.keySet())
            .as("%s: no load_ branch", named.qualifiedName())
            .allMatch(ref -> !ref.startsWith("load_"));
        List<String> stale =
            refs.keySet().stream()
                .filter(ref -> ref.startsWith("r_") && !tags.contains(ref))
                .sorted()
                .toList();
        if (committed) {
          assertThat(stale)
              .as("%s: r_ tags without their release after retention", named.qualifiedName())
              .isEmpty();
        } else if (!stale.isEmpty()) {
          left.add(named.qualifiedName() + " " + stale);
          System.out.println(
              "CRASH-TRIAL note: left for the next committing load's retention: "
                  + named.qualifiedName()
                  + " "
                  + stale);
        }
        for (Release release : all) {
          release
              .table(named.namespace(), named.name())
              .ifPresent(
                  table ->
                      assertThat(refs.get("r_" + release.id()))
                          .as("%s tag r_%s", named.qualifiedName(), release.id())
                          .isNotNull()
                          .extracting(SnapshotRef::snapshotId)
                          .isEqualTo(table.snapshotId()));
        }
      }
      if (committed && settings.onObjectStorage()) {
        assertNoOrphanData(catalog);
      }
    }
    // The load's state folders: a committing load keeps only its own release's. A load killed
    // after its commit point may leave the one before; a "nothing new" load that follows commits
    // nothing and cleans nothing, so the next committing load removes it.
    Path folders = warehouse.resolve("releases");
    if (Files.isDirectory(folders)) {
      try (Stream<Path> dirs = Files.list(folders)) {
        List<String> others =
            dirs.map(d -> d.getFileName().toString()).filter(d -> !d.equals(current.id())).toList();
        if (committed) {
          assertThat(others).as("release state folders after a committing load").isEmpty();
        } else if (!others.isEmpty()) {
          left.add("state folders " + others);
          System.out.println(
              "CRASH-TRIAL note: left for the next committing load: state folders " + others);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * On object storage: an object under {@code fact_claim}'s data folder that no snapshot names, as
   * an executor killed after its upload and before the commit leaves one. The next committing
   * load's sweep must delete it ({@link #assertNoOrphanData}); kills alone leave one only now and
   * then.
   */
  @Override
  public void leaveUncommittedFile(int trial) {
    if (!settings.onObjectStorage()) {
      return;
    }
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings, environment())) {
      Table claims = catalog.table(WarehouseTable.FACT_CLAIM);
      String location = claims.location() + "/data/uncommitted-trial-" + trial + ".parquet";
      try (OutputStream out = claims.io().newOutputFile(location).createOrOverwrite()) {
        out.write(("left by trial " + trial + ", never committed").getBytes(UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every data object under each table's location in the bucket (listed through S3, as retention's
   * sweep lists it) is a data file of one of the table's snapshots: after a committing load, whose
   * retention swept with a minimum age of 0, nothing a killed load wrote is left in the bucket.
   */
  private static void assertNoOrphanData(WarehouseCatalog catalog) {
    for (Namespace namespace :
        List.of(catalog.namespace(), Namespace.of(WarehouseCatalog.STATE_NAMESPACE))) {
      for (TableIdentifier identifier : catalog.catalog().listTables(namespace)) {
        Table table = catalog.catalog().loadTable(identifier);
        Set<String> reachable = new HashSet<>();
        for (Snapshot snapshot : table.snapshots()) {
          try (CloseableIterable<FileScanTask> tasks =
              table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
            tasks.forEach(task -> reachable.add(task.file().location()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        SupportsPrefixOperations objects = (SupportsPrefixOperations) table.io();
        List<String> orphans = new ArrayList<>();
        for (FileInfo object : objects.listPrefix(table.location() + "/data/")) {
          // A key ending in / is a folder s3proxy's filesystem backend lists, not an object.
          if (!object.location().endsWith("/") && !reachable.contains(object.location())) {
            orphans.add(object.location());
          }
        }
        assertThat(orphans)
            .as("%s: data objects no snapshot reaches, after a committing load", identifier)
            .isEmpty();
      }
    }
  }

  @Override
  public String notes() {
    return "left by a load killed after its commit point for the next committing load (the one"
        + " after it committed nothing new): "
        + left.size()
        + (left.isEmpty() ? "" : " " + left);
  }

  @Override
  public JsonNode report(String id) {
    ReleaseCatalog catalogued = new ReleaseCatalog(CatalogDatabase.of(settings, environment()));
    Release release =
        catalogued.byId(id).orElseThrow(() -> new AssertionError(id + " is not committed"));
    try {
      return JSON.readTree(release.record().loadReportJson());
    } catch (IOException e) {
      throw new UncheckedIOException("release " + id + " has no readable load report", e);
    }
  }

  @Override
  public void close() {}

  private static Table load(WarehouseCatalog catalog, ReleaseTable named) {
    return catalog.catalog().loadTable(TableIdentifier.of(named.namespace(), named.name()));
  }

  private static long rows(Connection duckdb, List<Path> files) throws SQLException {
    if (files.isEmpty()) {
      return 0;
    }
    String list =
        files.stream()
            .map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
    try (Statement statement = duckdb.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT count(*) FROM read_parquet(" + list + ")")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
