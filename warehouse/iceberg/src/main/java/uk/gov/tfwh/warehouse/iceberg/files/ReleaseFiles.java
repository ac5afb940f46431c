package uk.gov.tfwh.warehouse.iceberg.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import uk.gov.tfwh.warehouse.iceberg.catalog.LocalFileIO;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A release planned for a reader (docs/design/iceberg.md, section 5.10): for every contract table,
 * the Iceberg snapshot the release names, that snapshot's schema, and its data files as local paths
 * with their sizes. Planning reads the tables' metadata only, and for a warehouse on object storage
 * copies the data files into the {@link ReleaseFileCache} (those not there yet).
 *
 * <p>Only what the load writes is read: Parquet data files on this machine ({@code file:}
 * locations) or in the warehouse's object storage ({@code s3://}, read through the table's file
 * IO), and no delete files, which the load never writes (it replaces whole partitions). Anything
 * else is refused with what was found.
 *
 * <p>Close it when the release's reader closes: that lets the cache evict the release's copies.
 */
public final class ReleaseFiles implements AutoCloseable {

  /**
   * One data file: its location in the table's metadata, where it is on this machine (the file
   * itself, or its cached copy) and how big it is.
   */
  public record PlannedFile(String location, Path path, long sizeBytes) {
    public PlannedFile {
      requireNonNull(location, "location");
      requireNonNull(path, "path");
    }

    /** A file on this machine, whose location is its {@code file:} URI. */
    public PlannedFile(Path path, long sizeBytes) {
      this("file:" + path, path, sizeBytes);
    }
  }

  /**
   * One table of a release, planned.
   *
   * @param name the table's name in its namespace
   * @param snapshotId the Iceberg snapshot read
   * @param schema that snapshot's schema (its field ids are those in the files)
   * @param files the snapshot's data files, in location order; none for a table without rows
   */
  public record PlannedTable(String name, long snapshotId, Schema schema, List<PlannedFile> files) {
    public PlannedTable {
      requireNonNull(name, "name");
      requireNonNull(schema, "schema");
      files = List.copyOf(files);
    }

    /** The size of all its files together. */
    public long bytes() {
      return files.stream().mapToLong(PlannedFile::sizeBytes).sum();
    }
  }

  private final String releaseId;
  private final Map<WarehouseTable, PlannedTable> tables;
  private final Optional<ReleaseFileCache.Pin> pin;

  private ReleaseFiles(
      String releaseId,
      Map<WarehouseTable, PlannedTable> tables,
      Optional<ReleaseFileCache.Pin> pin) {
    this.releaseId = releaseId;
    this.tables = tables;
    this.pin = pin;
  }

  /**
   * Plans every contract table of a release in the catalog's warehouse namespace. For a warehouse
   * on object storage the files are copied into the process's cache of the catalog's cache folder
   * ({@link ReleaseFileCache#shared}) and held there until this is closed.
   *
   * @throws ReleaseFilesException when the release lacks a contract table, a table or snapshot is
   *     gone, or a file is not one this reader reads
   */
  public static ReleaseFiles plan(WarehouseCatalog catalog, Release release) {
    requireNonNull(catalog, "catalog");
    return plan(
        catalog,
        release,
        catalog.settings().onObjectStorage()
            ? Optional.of(ReleaseFileCache.shared(catalog.settings().cache()))
            : Optional.empty());
  }

  /**
   * As {@link #plan(WarehouseCatalog, Release)}, with the files of an {@code s3://} warehouse
   * copied into this cache.
   */
  public static ReleaseFiles plan(
      WarehouseCatalog catalog, Release release, Optional<ReleaseFileCache> cache) {
    requireNonNull(catalog, "catalog");
    requireNonNull(release, "release");
    requireNonNull(cache, "cache");
    Optional<ReleaseFileCache.Pin> pin = cache.map(c -> c.pin(release.id()));
    try {
      ReleaseFiles files = new ReleaseFiles(release.id(), planTables(catalog, release, pin), pin);
      cache.ifPresent(ReleaseFileCache::evict);
      return files;
    } catch (RuntimeException e) {
      pin.ifPresent(ReleaseFileCache.Pin::close);
      throw e;
    }
  }

  private static Map<WarehouseTable, PlannedTable> planTables(
      WarehouseCatalog catalog, Release release, Optional<ReleaseFileCache.Pin> pin) {
    String namespace = catalog.namespace().toString();
    Map<WarehouseTable, PlannedTable> tables = new EnumMap<>(WarehouseTable.class);
    for (WarehouseTable contract : WarehouseTable.values()) {
      ReleaseTable named =
          release
              .table(namespace, contract.tableName())
              .orElseThrow(
                  () ->
                      new ReleaseFilesException(
                          "release "
                              + release.id()
                              + " names no table "
                              + namespace
                              + "."
                              + contract.tableName()));
      Table table;
      try {
        table = catalog.table(contract);
      } catch (RuntimeException e) {
        throw new ReleaseFilesException(
            "release " + release.id() + ": cannot load table " + named.qualifiedName() + ": " + e,
            e);
      }
      tables.put(contract, plan(table, named.snapshotId(), pin));
    }
    return tables;
  }

  /** Plans one table at one of its snapshots; its files must be on this machine. */
  public static PlannedTable plan(Table table, long snapshotId) {
    return plan(table, snapshotId, Optional.empty());
  }

  /**
   * Plans one table at one of its snapshots, its files on object storage copied to the cache and
   * held by this pin.
   */
  public static PlannedTable plan(
      Table table, long snapshotId, Optional<ReleaseFileCache.Pin> pin) {
    requireNonNull(table, "table");
    requireNonNull(pin, "pin");
    Snapshot snapshot = table.snapshot(snapshotId);
    if (snapshot == null) {
      throw new ReleaseFilesException(
          "table " + table.name() + " has no snapshot " + snapshotId + " (expired?)");
    }
    Integer schemaId = snapshot.schemaId();
    Schema schema = schemaId == null ? table.schema() : table.schemas().get(schemaId);
    if (schema == null) {
      throw new ReleaseFilesException(
          "table " + table.name() + " has no schema " + schemaId + " for snapshot " + snapshotId);
    }
    List<PlannedFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(snapshotId).planFiles()) {
      for (FileScanTask task : tasks) {
        files.add(file(table, snapshotId, task, pin));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan table " + table.name(), e);
    }
    files.sort(Comparator.comparing(PlannedFile::location));
    return new PlannedTable(table.name(), snapshotId, schema, files);
  }

  private static PlannedFile file(
      Table table, long snapshotId, FileScanTask task, Optional<ReleaseFileCache.Pin> pin) {
    DataFile file = task.file();
    String location = file.location();
    String where = "table " + table.name() + " at snapshot " + snapshotId + ": ";
    if (!task.deletes().isEmpty()) {
      DeleteFile delete = task.deletes().get(0);
      throw new ReleaseFilesException(
          where
              + "data file "
              + location
              + " has "
              + task.deletes().size()
              + " delete file(s), such as "
              + delete.location()
              + " ("
              + delete.content()
              + "); the load never writes delete files, and this reader does not apply them");
    }
    if (file.format() != FileFormat.PARQUET) {
      throw new ReleaseFilesException(
          where + "data file " + location + " is " + file.format() + ", not Parquet");
    }
    if (location.startsWith("s3://") && pin.isPresent()) {
      try {
        return new PlannedFile(
            location,
            pin.get().local(table.io(), location, file.fileSizeInBytes()),
            file.fileSizeInBytes());
      } catch (RuntimeException e) {
        throw new ReleaseFilesException(where + "cannot copy data file " + location + ": " + e, e);
      }
    }
    if (!location.startsWith("file:")) {
      throw new ReleaseFilesException(
          where
              + "data file "
              + location
              + " is not a file: location, and "
              + (pin.isPresent()
                  ? "the file cache copies s3:// files only"
                  : "this warehouse is not on object storage (no file cache)"));
    }
    Path path;
    try {
      path = LocalFileIO.path(location);
    } catch (IllegalArgumentException e) {
      throw new ReleaseFilesException(where + e.getMessage(), e);
    }
    return new PlannedFile(location, path, file.fileSizeInBytes());
  }

  /** The release's id. */
  public String releaseId() {
    return releaseId;
  }

  /** A contract table, planned. */
  public PlannedTable table(WarehouseTable table) {
    return tables.get(table);
  }

  /** Every contract table, planned, in contract order. */
  public Map<WarehouseTable, PlannedTable> tables() {
    return Collections.unmodifiableMap(tables);
  }

  /** Lets the cache evict this release's copies (nothing for a warehouse on this machine). */
  @Override
  public void close() {
    pin.ifPresent(ReleaseFileCache.Pin::close);
  }
}
