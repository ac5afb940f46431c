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
 * with their sizes. Planning reads the tables' metadata only, never a data file.
 *
 * <p>Only what the load writes is read: Parquet data files on this machine ({@code file:}
 * locations; {@code s3://} comes with the local file cache) and no delete files, which the load
 * never writes (it replaces whole partitions). Anything else is refused with what was found.
 */
public final class ReleaseFiles {

  /** One data file: where it is on this machine and how big it is. */
  public record PlannedFile(Path path, long sizeBytes) {
    public PlannedFile {
      requireNonNull(path, "path");
    }
  }

  /**
   * One table of a release, planned.
   *
   * @param name the table's name in its namespace
   * @param snapshotId the Iceberg snapshot read
   * @param schema that snapshot's schema (its field ids are those in the files)
   * @param files the snapshot's data files, in path order; none for a table without rows
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

  private ReleaseFiles(String releaseId, Map<WarehouseTable, PlannedTable> tables) {
    this.releaseId = releaseId;
    this.tables = tables;
  }

  /**
   * Plans every contract table of a release in the catalog's warehouse namespace.
   *
   * @throws ReleaseFilesException when the release lacks a contract table, a table or snapshot is
   *     gone, or a file is not one this reader reads
   */
  public static ReleaseFiles plan(WarehouseCatalog catalog, Release release) {
    requireNonNull(catalog, "catalog");
    requireNonNull(release, "release");
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
      tables.put(contract, plan(table, named.snapshotId()));
    }
    return new ReleaseFiles(release.id(), tables);
  }

  /** Plans one table at one of its snapshots. */
  public static PlannedTable plan(Table table, long snapshotId) {
    requireNonNull(table, "table");
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
        files.add(file(table, snapshotId, task));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan table " + table.name(), e);
    }
    files.sort(Comparator.comparing(PlannedFile::path));
    return new PlannedTable(table.name(), snapshotId, schema, files);
  }

  private static PlannedFile file(Table table, long snapshotId, FileScanTask task) {
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
    if (!location.startsWith("file:")) {
      throw new ReleaseFilesException(
          where
              + "data file "
              + location
              + " is not a file: location; only files on this machine are read for now"
              + " (object storage comes with the local file cache)");
    }
    Path path;
    try {
      path = LocalFileIO.path(location);
    } catch (IllegalArgumentException e) {
      throw new ReleaseFilesException(where + e.getMessage(), e);
    }
    return new PlannedFile(path, file.fileSizeInBytes());
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
}
