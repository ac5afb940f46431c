package uk.gov.tfwh.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The Iceberg store in its embedded catalog ({@code TFWH_STORE=iceberg}): a load writes branches,
 * seals them as {@code r_<id>} tags, commits one release row with its tables, then moves {@code
 * main} (docs/design/iceberg.md, section 5.7). The moments are read from the load's own stage lines
 * ({@code [ 12.3s] write ...}, {@code [ 20.1s] commit ...}), since nothing in the file system marks
 * them.
 */
final class IcebergTrialStore implements TrialStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMMIT_TOOK = Pattern.compile("\\] commit: .*\\(([0-9,]+) ms\\)");

  private final Path warehouse;
  private final CatalogSettings settings;
  private IcebergReleases releases;

  /** How long a whole commit stage took in the last load seen; kills fall within it. */
  private volatile long commitMillis = 1_000;

  /** What a killed load left that a "nothing new" load does not clean (design, section 5.7). */
  private final List<String> left = new ArrayList<>();

  IcebergTrialStore(Path warehouse) {
    this.warehouse = warehouse;
    this.settings = CatalogSettings.embedded(warehouse);
  }

  @Override
  public String name() {
    return "iceberg";
  }

  /** Opened on first use: the first load creates the catalog. */
  @Override
  public synchronized WarehouseReleases releases() {
    if (releases == null) {
      releases = IcebergReleases.open(CatalogDatabase.of(settings));
    }
    return releases;
  }

  @Override
  public List<String> apiArguments() {
    return List.of("--tfwh.store.kind=iceberg");
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
    ReleaseCatalog catalogued = new ReleaseCatalog(CatalogDatabase.of(settings));
    Release release =
        catalogued
            .byId(id)
            .orElseThrow(() -> new AssertionError(id + " is not a committed release"));
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings)) {
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
    ReleaseCatalog catalogued = new ReleaseCatalog(CatalogDatabase.of(settings));
    Release current = catalogued.current().orElseThrow();
    List<Release> all =
        catalogued.list().stream().map(r -> catalogued.byId(r.id()).orElseThrow()).toList();
    Set<String> tags = all.stream().map(r -> "r_" + r.id()).collect(Collectors.toUnmodifiableSet());
    try (WarehouseCatalog catalog = WarehouseCatalog.open(settings)) {
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

  @Override
  public String notes() {
    return "left by a load killed after its commit point for the next committing load (the one"
        + " after it committed nothing new): "
        + left.size()
        + (left.isEmpty() ? "" : " " + left);
  }

  @Override
  public JsonNode report(String id) {
    ReleaseCatalog catalogued = new ReleaseCatalog(CatalogDatabase.of(settings));
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
