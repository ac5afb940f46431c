package uk.gov.tfwh.etl.state;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The state of the current release, read on the driver from the {@code tfwh_state} tables at the
 * snapshots the release names, with Iceberg's generic reader (no Spark job). The tables are looked
 * up when it is made (on the load's thread, through the catalog the load opened first); their rows
 * are read when asked, on any thread. A release that names no state table (one committed before the
 * state became tables), a table gone, a row of another {@code state_format} or a value that does
 * not parse is no state: {@link StateUnreadableException}. The returns come from the driver's
 * {@link ReturnReadCache} instead when it holds every data file of them, and the landing stamps
 * from its {@link LandingStampCache}, file by file (docs/load-state.md).
 */
public final class IcebergPreviousState implements PreviousState {
  private final String releaseId;
  private final Map<StateTable, Table> tables = new EnumMap<>(StateTable.class);
  private final Map<StateTable, Long> snapshots = new EnumMap<>(StateTable.class);
  private final RuntimeException unreadable;
  private final Optional<StateCaches> caches;
  private Map<String, Map<String, String>> digests;
  private Map<LocalDate, ClaimPartitions.Partition> claimPartitions;
  private List<Record> partitionDigestRows;

  /** Reads the returns from the tables only. */
  public IcebergPreviousState(Catalog catalog, ReleaseOutline release) {
    this(catalog, release, Optional.empty());
  }

  /**
   * Reads the returns from the driver's cache when it holds every data file of them, else the
   * tables; and each landing stamps file from the cache when it holds it, else from the table,
   * keeping what it read there for the next load.
   */
  public IcebergPreviousState(Catalog catalog, ReleaseOutline release, StateCaches caches) {
    this(catalog, release, Optional.of(caches));
  }

  private IcebergPreviousState(
      Catalog catalog, ReleaseOutline release, Optional<StateCaches> caches) {
    this.releaseId = release.id();
    this.caches = caches;
    RuntimeException failure = null;
    try {
      for (StateTable table : StateTable.values()) {
        Optional<ReleaseTable> named =
            release.table(WarehouseCatalog.STATE_NAMESPACE, table.tableName());
        if (named.isPresent()) {
          snapshots.put(table, named.get().snapshotId());
          tables.put(
              table,
              catalog.loadTable(
                  TableIdentifier.of(WarehouseCatalog.STATE_NAMESPACE, table.tableName())));
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    this.unreadable = failure;
  }

  @Override
  public Optional<LoadState> returns() {
    Optional<LoadState> cached = cachedReturns();
    if (cached.isPresent()) {
      return cached;
    }
    List<Record> rows = rows(StateTable.RETURN_READ);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String digest = StateRecords.referenceDigest(rows.get(0));
    List<ReadReturn> returns = new ArrayList<>(rows.size());
    for (Record row : rows) {
      if (!digest.equals(StateRecords.referenceDigest(row))) {
        throw new StateUnreadableException(
            "release " + releaseId + "'s returns were read against two reference sets", null);
      }
      returns.add(StateRecords.returnRead(row));
    }
    return Optional.of(new LoadState(digest, returns));
  }

  /**
   * The returns from the cache, when it has a usable entry of every data file the release's {@code
   * return_read} holds (with as many returns as the file has rows) and all were read against one
   * reference set; else empty, and the tables are read.
   */
  private Optional<LoadState> cachedReturns() {
    Long snapshot = snapshots.get(StateTable.RETURN_READ);
    if (caches.isEmpty() || unreadable != null || snapshot == null) {
      return Optional.empty();
    }
    List<ReadReturn> returns = new ArrayList<>();
    Set<String> digests = new HashSet<>();
    boolean whole = true;
    try (CloseableIterable<FileScanTask> tasks =
        tables.get(StateTable.RETURN_READ).newScan().useSnapshot(snapshot).planFiles()) {
      // Every file is looked up even after a miss, so each unusable entry is removed now and the
      // load's writer puts them all again, not one per load.
      for (FileScanTask task : tasks) {
        Optional<ReturnReadCache.Entry> entry =
            task.deletes().isEmpty()
                ? caches.get().returns().get(task.file().location())
                : Optional.<ReturnReadCache.Entry>empty();
        if (entry.isEmpty() || entry.get().returns().size() != task.file().recordCount()) {
          whole = false;
        } else if (whole) {
          digests.add(entry.get().referenceDigest());
          returns.addAll(entry.get().returns());
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the tables say what is wrong, if anything is
    }
    return whole && digests.size() == 1
        ? Optional.of(new LoadState(digests.iterator().next(), returns))
        : Optional.empty();
  }

  @Override
  public List<FileChecksums.Stamp> checksums() {
    if (caches.isEmpty()) {
      return stamps(rows(StateTable.LANDING_FILE));
    }
    LandingStampCache cache = caches.get().stamps();
    List<FileScanTask> files = dataFiles(StateTable.LANDING_FILE);
    if (files.stream().anyMatch(task -> !task.deletes().isEmpty())) {
      return stamps(rows(StateTable.LANDING_FILE)); // never written so; the table says what it is
    }
    List<FileChecksums.Stamp> stamps = new ArrayList<>();
    for (FileScanTask task : files) {
      String location = task.file().location();
      Optional<List<FileChecksums.Stamp>> cached =
          cache.get(location).filter(entry -> entry.size() == task.file().recordCount());
      if (cached.isPresent()) {
        stamps.addAll(cached.get());
      } else {
        List<FileChecksums.Stamp> read = stamps(rows(StateTable.LANDING_FILE, task));
        cache.put(location, read);
        stamps.addAll(read);
      }
    }
    return stamps;
  }

  private static List<FileChecksums.Stamp> stamps(List<Record> rows) {
    List<FileChecksums.Stamp> stamps = new ArrayList<>(rows.size());
    rows.forEach(row -> stamps.add(StateRecords.landingFile(row)));
    return stamps;
  }

  @Override
  public synchronized Map<LocalDate, ClaimPartitions.Partition> claimPartitions() {
    if (claimPartitions == null) {
      Map<LocalDate, ClaimPartitions.Partition> partitions = new TreeMap<>();
      try {
        for (Record row : partitionDigestRows()) {
          StateRecords.checkFormat(row);
          if (WarehouseTable.FACT_CLAIM
              .tableName()
              .equals(String.valueOf(row.getField("table_name")))) {
            StateRecords.addClaimPartition(row, partitions);
          }
        }
      } catch (RuntimeException e) {
        partitions = new TreeMap<>(); // every quarter is written again
      }
      claimPartitions = partitions;
    }
    return claimPartitions;
  }

  @Override
  public synchronized Map<String, String> partitionDigests(WarehouseTable table) {
    if (digests == null) {
      Map<String, Map<String, String>> all = new TreeMap<>();
      try {
        for (Record row : partitionDigestRows()) {
          StateRecords.addDigest(row, all);
        }
      } catch (RuntimeException e) {
        all = new TreeMap<>(); // every partition is written again
      }
      digests = all;
    }
    return digests.getOrDefault(table.tableName(), Map.of());
  }

  /** The partition digests' rows, read once for both the claim partitions and the digests. */
  private synchronized List<Record> partitionDigestRows() {
    if (partitionDigestRows == null) {
      partitionDigestRows = rows(StateTable.PARTITION_DIGEST);
    }
    return partitionDigestRows;
  }

  /** A state table's rows at the release's snapshot. */
  private List<Record> rows(StateTable table) {
    return read(
        table,
        () -> IcebergGenerics.read(tables.get(table)).useSnapshot(snapshots.get(table)).build());
  }

  /** The rows of one data file of a state table at the release's snapshot (one without deletes). */
  private List<Record> rows(StateTable table, FileScanTask file) {
    Schema schema = tables.get(table).schema();
    return read(
        table,
        () ->
            Parquet.read(tables.get(table).io().newInputFile(file.file().location()))
                .project(schema)
                .createReaderFunc(
                    fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema))
                .build());
  }

  /** The data files of a state table at the release's snapshot. */
  private List<FileScanTask> dataFiles(StateTable table) {
    requireReadable(table);
    List<FileScanTask> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        tables.get(table).newScan().useSnapshot(snapshots.get(table)).planFiles()) {
      tasks.forEach(files::add);
    } catch (IOException | RuntimeException e) {
      throw cannotRead(table, e);
    }
    return files;
  }

  private List<Record> read(StateTable table, Supplier<CloseableIterable<Record>> reader) {
    requireReadable(table);
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> read = reader.get()) {
      for (Record row : read) {
        rows.add(row);
      }
    } catch (IOException | RuntimeException e) {
      throw cannotRead(table, e);
    }
    return rows;
  }

  private StateUnreadableException cannotRead(StateTable table, Exception e) {
    return new StateUnreadableException(
        "cannot read "
            + WarehouseCatalog.STATE_NAMESPACE
            + "."
            + table.tableName()
            + " of release "
            + releaseId
            + ": "
            + e.getMessage(),
        e);
  }

  /** Throws when the release's state tables could not be looked up or do not name this one. */
  private void requireReadable(StateTable table) {
    if (unreadable != null) {
      throw new StateUnreadableException(
          "release " + releaseId + "'s state tables: " + unreadable.getMessage(), unreadable);
    }
    Long snapshot = snapshots.get(table);
    if (snapshot == null) {
      throw new StateUnreadableException(
          "release "
              + releaseId
              + " names no "
              + WarehouseCatalog.STATE_NAMESPACE
              + "."
              + table.tableName(),
          null);
    }
  }
}
