package uk.gov.tfwh.etl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.spark.IcebergSparkCatalog;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * An embedded Iceberg warehouse as a test reads it: its releases from the release tables, and each
 * table of a release at the release's snapshot, with Spark (as the folder store's are read) or as
 * planned data files.
 */
public final class IcebergWarehouse implements AutoCloseable {
  private final CatalogSettings settings;
  private final WarehouseCatalog catalog;
  private final ReleaseCatalog releases;

  public IcebergWarehouse(Path warehouseDir) {
    this(CatalogSettings.embedded(requireNonNull(warehouseDir, "warehouseDir")), System.getenv());
  }

  /** The warehouse of these settings, the catalog's password (if any) read from environment. */
  public IcebergWarehouse(CatalogSettings settings, Map<String, String> environment) {
    this.settings = requireNonNull(settings, "settings");
    this.catalog = WarehouseCatalog.open(settings, environment);
    this.releases = new ReleaseCatalog(CatalogDatabase.of(settings, environment));
    releases.migrate();
  }

  public CatalogSettings settings() {
    return settings;
  }

  public ReleaseCatalog releases() {
    return releases;
  }

  public Release release(String id) {
    return releases.byId(id).orElseThrow(() -> new AssertionError("no release " + id));
  }

  public ReleaseTable table(Release release, WarehouseTable table) {
    return release
        .table(settings.namespace(), table.tableName())
        .orElseThrow(() -> new AssertionError(release.id() + " names no " + table.tableName()));
  }

  /**
   * A table of a release, as Spark reads it at the release's snapshot, in a session of its own:
   * Spark's catalog keeps the table as it first loaded it, and this one may be newer.
   */
  public Dataset<Row> read(Release release, WarehouseTable table) {
    SparkSession spark = IcebergSparkCatalog.session(SharedSpark.session(), settings);
    return spark
        .read()
        .option("snapshot-id", table(release, table).snapshotId())
        .table(settings.name() + "." + settings.namespace() + "." + table.tableName());
  }

  /** The data files of each quarter of a table partitioned by quarter, at a release. */
  public Map<LocalDate, List<String>> filesByQuarter(Release release, WarehouseTable table) {
    Table iceberg = catalog.table(table);
    Map<LocalDate, List<String>> files = new TreeMap<>();
    try (CloseableIterable<FileScanTask> tasks =
        iceberg.newScan().useSnapshot(table(release, table).snapshotId()).planFiles()) {
      for (FileScanTask task : tasks) {
        LocalDate quarter = LocalDate.ofEpochDay(task.file().partition().get(0, Integer.class));
        files.computeIfAbsent(quarter, q -> new ArrayList<>()).add(task.file().location());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.values().forEach(list -> list.sort(null));
    return files;
  }

  /** The locations of a table's data files at a release, in name order. */
  public List<String> dataFiles(Release release, WarehouseTable table) {
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        catalog
            .table(table)
            .newScan()
            .useSnapshot(table(release, table).snapshotId())
            .planFiles()) {
      tasks.forEach(task -> files.add(task.file().location()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  /** A table of the catalog, either namespace, by its qualified name ({@code namespace.table}). */
  public Table table(String qualifiedName) {
    return catalog.catalog().loadTable(TableIdentifier.parse(qualifiedName));
  }

  /** The names of every ref (branch or tag) of a table. */
  public List<String> refs(WarehouseTable table) {
    return new ArrayList<>(catalog.table(table).refs().keySet());
  }

  @Override
  public void close() {
    catalog.close();
  }
}
