package uk.gov.tfwh.etl.load.state;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.functions;
import uk.gov.tfwh.etl.read.ClaimRows;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.state.LandingStampCache;
import uk.gov.tfwh.etl.state.LoadState;
import uk.gov.tfwh.etl.state.ReturnReadCache;
import uk.gov.tfwh.etl.state.StateCaches;
import uk.gov.tfwh.etl.state.StateFormat;
import uk.gov.tfwh.etl.state.StateRecords;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.etl.table.IcebergRecordFile;
import uk.gov.tfwh.etl.table.LoadCatalog;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The state a load leaves in the Iceberg warehouse: the {@code tfwh_state} tables on the load's
 * branch, which the seal tags and the release names like every table (docs/load-state.md). The
 * claim rows are written by Spark on the executors straight into {@code claim_row}, so no host
 * needs a folder another host sees; the rest is built on the driver as it goes and committed by
 * {@link #finish()}, one commit per table that changed, after the warehouse tables are written.
 *
 * @param spark a session that sees the catalog under its name ({@code IcebergSparkCatalog})
 * @param catalog the catalog the load commits through (Spark's)
 * @param branch the load's branch, {@code load_<release id>}
 */
public final class IcebergNextState implements NextState {
  private final SparkSession spark;
  private final LoadCatalog catalog;
  private final String branch;
  private final Optional<StateCaches> caches;

  /**
   * How many data files {@code landing_file} may hold before a load writes it again as one: each
   * new quarter adds one, and each is opened when the next load reads the stamps.
   */
  static final int LANDING_FILES_BEFORE_REWRITE = 16;

  private final Map<String, Map<String, String>> digests = new ConcurrentHashMap<>();
  private volatile Map<LocalDate, ClaimPartitions.Partition> claimPartitions;
  private volatile Rewrite returns;
  private volatile Rewrite checksums;

  /** Data files to add to a state table, and the rows they replace. */
  private record Rewrite(Expression replaced, List<DataFile> files) {}

  public IcebergNextState(SparkSession spark, LoadCatalog catalog, String branch) {
    this(spark, catalog, branch, Optional.empty());
  }

  /**
   * As the other, also keeping each {@code return_read} file's returns and each {@code
   * landing_file} file's stamps in the driver's caches.
   */
  public IcebergNextState(
      SparkSession spark, LoadCatalog catalog, String branch, StateCaches caches) {
    this(spark, catalog, branch, Optional.of(caches));
  }

  private IcebergNextState(
      SparkSession spark, LoadCatalog catalog, String branch, Optional<StateCaches> caches) {
    this.spark = requireNonNull(spark, "spark");
    this.catalog = requireNonNull(catalog, "catalog");
    this.branch = requireNonNull(branch, "branch");
    this.caches = requireNonNull(caches, "caches");
  }

  @Override
  public SparkSession spark() {
    return spark;
  }

  @Override
  public void keepClaims(Set<Long> batches) {
    Table table = catalog.table(StateTable.CLAIM_ROW);
    Set<Long> dropped = batchesOnBranch(table);
    dropped.removeAll(batches);
    if (!dropped.isEmpty()) {
      table
          .newDelete()
          .deleteFromRowFilter(Expressions.in("batch", dropped.toArray()))
          .toBranch(branch)
          .commit();
    }
  }

  @Override
  public void writeClaims(long batch, Dataset<Row> claims) {
    List<Column> columns = new ArrayList<>();
    columns.add(functions.lit(StateFormat.VERSION).as("state_format"));
    columns.add(functions.lit(batch).as("batch"));
    for (String name : ClaimRows.SCHEMA.fieldNames()) {
      columns.add(functions.col(name));
    }
    String name = tableName(StateTable.CLAIM_ROW) + ".branch_" + branch;
    try {
      claims.select(columns.toArray(Column[]::new)).writeTo(name).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException("Spark does not see " + name, e);
    }
  }

  /** Read at the branch's head by snapshot id: the kept batches and the load's own. */
  @Override
  public Dataset<Row> claimsOf(Set<Long> batches) {
    Column[] columns =
        Arrays.stream(ClaimRows.SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new);
    Snapshot head = catalog.table(StateTable.CLAIM_ROW).snapshot(branch);
    if (head == null || batches.isEmpty()) {
      return spark.createDataFrame(List.of(), ClaimRows.SCHEMA).select(columns);
    }
    return spark
        .read()
        .option("snapshot-id", head.snapshotId())
        .table(tableName(StateTable.CLAIM_ROW))
        .where(functions.col("batch").isin(batches.toArray()))
        .select(columns);
  }

  @Override
  public void writeReturns(LoadState state, LoadState prior, boolean priorReusable) {
    Table table = catalog.table(StateTable.RETURN_READ);
    Map<Long, List<ReadReturn>> byBatch = byBatch(state.returns());
    Map<Long, List<ReadReturn>> before =
        priorReusable && prior.referenceDigest().equals(state.referenceDigest())
            ? byBatch(prior.returns())
            : Map.of();
    Set<Long> replaced = new TreeSet<>(before.keySet());
    List<DataFile> files = new ArrayList<>();
    Map<String, List<ReadReturn>> cached = new TreeMap<>();
    for (Map.Entry<Long, List<ReadReturn>> batch : byBatch.entrySet()) {
      // Reused returns keep their batch, so a batch of as many returns as before is unchanged.
      if (before.getOrDefault(batch.getKey(), List.of()).size() == batch.getValue().size()) {
        replaced.remove(batch.getKey());
        continue;
      }
      List<Record> records = new ArrayList<>(batch.getValue().size());
      for (ReadReturn read : batch.getValue()) {
        records.add(StateRecords.returnRead(table.schema(), state.referenceDigest(), read));
      }
      DataFile file = IcebergRecordFile.write(table, "state", records);
      files.add(file);
      cached.put(file.location(), batch.getValue());
      replaced.add(batch.getKey());
    }
    caches.ifPresent(c -> keepInCache(c.returns(), table, state, byBatch, replaced, cached));
    Expression rows =
        before.isEmpty()
            ? Expressions.alwaysTrue()
            : replaced.isEmpty()
                ? Expressions.alwaysFalse()
                : Expressions.in("batch", replaced.toArray());
    returns = new Rewrite(rows, files);
  }

  /**
   * Keeps the returns of every {@code return_read} file the release will hold in the driver's
   * cache: the files just written, and those kept from the previous release that the cache lacks (a
   * warehouse from before the cache, or a load on another host), whose batch holds as many returns
   * here as the file has rows. Then removes the entries of files neither this release nor the
   * previous one holds, so a load that fails leaves its parent's entries.
   */
  private void keepInCache(
      ReturnReadCache cache,
      Table table,
      LoadState state,
      Map<Long, List<ReadReturn>> byBatch,
      Set<Long> replaced,
      Map<String, List<ReadReturn>> written) {
    Set<String> held = new TreeSet<>(written.keySet());
    written.forEach((location, returns) -> cache.put(location, state.referenceDigest(), returns));
    List<FileScanTask> kept;
    try {
      kept = filesAtHead(table);
    } catch (RuntimeException e) {
      return; // a cache not filled costs the next load a read of the tables, nothing more
    }
    for (FileScanTask task : kept) {
      String location = task.file().location();
      held.add(location);
      Long batch = batchOf(task);
      List<ReadReturn> returns = byBatch.get(batch);
      if (!replaced.contains(batch)
          && returns != null
          && returns.size() == task.file().recordCount()
          && task.deletes().isEmpty()
          && !cache.has(location)) {
        cache.put(location, state.referenceDigest(), returns);
      }
    }
    cache.keepOnly(held);
  }

  /**
   * Adds a file of the new stamps to those the branch holds (the previous release's, which the scan
   * remembered and kept every one of), so a new quarter writes its few hundred stamps and not the
   * thousands of the whole landing folder; else, or once the table holds {@link
   * #LANDING_FILES_BEFORE_REWRITE} data files, writes them all again as one.
   */
  @Override
  public void writeChecksums(FileChecksums checksums) {
    Table table = catalog.table(StateTable.LANDING_FILE);
    Optional<List<FileChecksums.Stamp>> added = checksums.addedToEarlier();
    if (addsToEarlierStamps(added.isPresent(), landingFileCount(table))) {
      writeLandingFiles(table, added.get(), Expressions.alwaysFalse());
    } else {
      writeLandingFiles(table, checksums.stamps(), Expressions.alwaysTrue());
    }
  }

  /**
   * Whether a load adds a file of new stamps beside the previous release's rather than writing them
   * all again: only when the scan kept every earlier stamp, and while the table holds fewer than
   * {@link #LANDING_FILES_BEFORE_REWRITE} data files.
   */
  static boolean addsToEarlierStamps(boolean keptEveryEarlier, long dataFiles) {
    return keptEveryEarlier && dataFiles < LANDING_FILES_BEFORE_REWRITE;
  }

  /** The data files of {@code landing_file} at the branch's head (the previous release's). */
  private long landingFileCount(Table table) {
    Snapshot head = table.snapshot(branch);
    if (head == null) {
      return Long.MAX_VALUE; // nothing to add to
    }
    return Long.parseLong(head.summary().getOrDefault(SnapshotSummary.TOTAL_DATA_FILES_PROP, "0"));
  }

  @Override
  public void writeChecksums(List<FileChecksums.Stamp> stamps) {
    writeLandingFiles(catalog.table(StateTable.LANDING_FILE), stamps, Expressions.alwaysTrue());
  }

  /**
   * A file of these stamps, replacing the rows {@code replaced} matches (all, or none), committed
   * by {@link #finish()}; the file's stamps also go to the driver's cache.
   */
  private void writeLandingFiles(
      Table table, List<FileChecksums.Stamp> stamps, Expression replaced) {
    List<Record> records = new ArrayList<>(stamps.size());
    stamps.forEach(stamp -> records.add(StateRecords.landingFile(table.schema(), stamp)));
    List<DataFile> files =
        records.isEmpty() ? List.of() : List.of(IcebergRecordFile.write(table, "state", records));
    checksums = new Rewrite(replaced, files);
    caches.ifPresent(c -> keepStampsInCache(c.stamps(), table, files, stamps));
  }

  /**
   * Keeps the stamps of the file just written in the driver's cache, then removes the entries of
   * files neither this release nor the previous one holds (those at the branch's head are the
   * previous release's until this load commits), so a load that fails leaves its parent's entries.
   */
  private void keepStampsInCache(
      LandingStampCache cache,
      Table table,
      List<DataFile> written,
      List<FileChecksums.Stamp> stamps) {
    Set<String> held = new TreeSet<>();
    for (DataFile file : written) {
      cache.put(file.location(), stamps);
      held.add(file.location());
    }
    try {
      filesAtHead(table).forEach(task -> held.add(task.file().location()));
    } catch (RuntimeException e) {
      return; // entries of older files stay until a load can plan the table
    }
    cache.keepOnly(held);
  }

  @Override
  public void writeClaimPartitions(Map<LocalDate, ClaimPartitions.Partition> partitions) {
    claimPartitions = Map.copyOf(partitions);
  }

  @Override
  public void writePartitionDigests(WarehouseTable table, Map<String, String> tableDigests) {
    digests.put(table.tableName(), Map.copyOf(tableDigests));
  }

  /** Commits each state table that changed onto the branch; one that did not stays as it was. */
  @Override
  public void finish() {
    if (returns != null && (!returns.files().isEmpty() || hasRowsToReplace(returns))) {
      commit(StateTable.RETURN_READ, returns);
    }
    if (checksums != null && (!checksums.files().isEmpty() || hasRowsToReplace(checksums))) {
      commit(StateTable.LANDING_FILE, checksums);
    }
    if (claimPartitions != null || !digests.isEmpty()) {
      commit(StateTable.PARTITION_DIGEST, new Rewrite(Expressions.alwaysTrue(), digestFiles()));
    }
  }

  private static boolean hasRowsToReplace(Rewrite rewrite) {
    return rewrite.replaced().op() != Expression.Operation.FALSE;
  }

  private List<DataFile> digestFiles() {
    Table table = catalog.table(StateTable.PARTITION_DIGEST);
    List<Record> records = new ArrayList<>();
    new TreeMap<>(digests)
        .forEach(
            (name, byPartition) ->
                new TreeMap<>(byPartition)
                    .forEach(
                        (partition, digest) ->
                            records.add(
                                StateRecords.partitionDigest(
                                    table.schema(), name, partition, digest, null, null))));
    if (claimPartitions != null) {
      new TreeMap<>(claimPartitions)
          .forEach(
              (quarter, p) ->
                  records.add(
                      StateRecords.partitionDigest(
                          table.schema(),
                          WarehouseTable.FACT_CLAIM.tableName(),
                          quarter.toString(),
                          p.digest(),
                          p.rows(),
                          p.files())));
    }
    return records.isEmpty()
        ? List.of()
        : List.of(IcebergRecordFile.write(table, "state", records));
  }

  private void commit(StateTable state, Rewrite rewrite) {
    Table table = catalog.table(state);
    OverwriteFiles overwrite = table.newOverwrite();
    if (hasRowsToReplace(rewrite)) {
      overwrite.overwriteByRowFilter(rewrite.replaced());
    }
    rewrite.files().forEach(overwrite::addFile);
    overwrite.toBranch(branch).commit();
  }

  /** The batches with claim rows at the branch's head. */
  private Set<Long> batchesOnBranch(Table table) {
    Set<Long> batches = new TreeSet<>();
    filesAtHead(table).forEach(task -> batches.add(batchOf(task)));
    return batches;
  }

  /**
   * A batch-partitioned state table's data files at the branch's head (the previous release's,
   * until this load commits to it); none on a table without one.
   */
  private List<FileScanTask> filesAtHead(Table table) {
    Snapshot head = table.snapshot(branch);
    if (head == null) {
      return List.of();
    }
    List<FileScanTask> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(head.snapshotId()).planFiles()) {
      tasks.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan " + table.name(), e);
    }
    return files;
  }

  private static Long batchOf(FileScanTask task) {
    return task.file().partition().get(0, Long.class);
  }

  private String tableName(StateTable table) {
    return String.join(
        ".", catalog.settings().name(), WarehouseCatalog.STATE_NAMESPACE, table.tableName());
  }

  private static Map<Long, List<ReadReturn>> byBatch(List<ReadReturn> returns) {
    Map<Long, List<ReadReturn>> byBatch = new TreeMap<>();
    returns.forEach(r -> byBatch.computeIfAbsent(r.batch(), b -> new ArrayList<>()).add(r));
    return byBatch;
  }
}
