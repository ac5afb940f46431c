package uk.gov.tfwh.etl.table;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.ReplacePartitions;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import uk.gov.tfwh.etl.load.state.NextState;
import uk.gov.tfwh.etl.state.PreviousState;
import uk.gov.tfwh.warehouse.iceberg.schema.IcebergSchemas;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The Iceberg warehouse's tables (docs/design/iceberg.md, section 5.4, step 3): every write goes to
 * the load's branch of each table, which starts at the previous release's snapshot, so what is not
 * written is kept as it was, with no copy or link. {@code fact_claim} is written by Spark ({@code
 * overwritePartitions()} of the quarters not carried); the tables built on the driver by {@link
 * DriverIcebergFile}, one file per changed partition ({@link PartitionDigests}), committed as a
 * partition replace or, unpartitioned, a whole-table overwrite. A table none of whose partitions
 * changed is not committed to at all.
 *
 * @param spark a session that sees the catalog under its name ({@code IcebergSparkCatalog})
 * @param branch the load's branch, {@code load_<release id>} with underscores
 * @param previous the previous release's state, with its partition digests
 * @param next the new release's state, where the partition digests go
 */
public record IcebergTableWriter(
    SparkSession spark, LoadCatalog catalog, String branch, PreviousState previous, NextState next)
    implements WarehouseTables {

  public IcebergTableWriter {
    requireNonNull(spark, "spark");
    requireNonNull(catalog, "catalog");
    requireNonNull(branch, "branch");
    requireNonNull(previous, "previous");
    requireNonNull(next, "next");
  }

  @Override
  public TableStats write(WarehouseTable table, List<Row> rows) {
    return write(table, null, Set.of(), rows);
  }

  /**
   * Of the unchanged quarters, those whose rows the previous release holds (it kept their digest,
   * they have files on the branch) and made the same way (it kept the same rows' format).
   */
  @Override
  public Set<String> keptQuarters(WarehouseTable table, String rowsFormat, Set<String> unchanged) {
    Map<String, String> before = previous.partitionDigests(table);
    if (!PartitionDigests.byQuarter(table)
        || unchanged.isEmpty()
        || !PartitionDigests.formatDigest(rowsFormat)
            .equals(before.get(PartitionDigests.ROWS_FORMAT))) {
      return Set.of();
    }
    Set<String> kept = new TreeSet<>(unchanged);
    kept.retainAll(before.keySet());
    kept.retainAll(partitionsOnBranch(catalog.table(table), table));
    return kept;
  }

  @Override
  public TableStats write(
      WarehouseTable table, String rowsFormat, Set<String> keptQuarters, List<Row> rows) {
    Table iceberg = catalog.table(table);
    Map<String, List<Row>> partitions = PartitionDigests.split(table, rows);
    for (String quarter : keptQuarters) {
      if (partitions.containsKey(quarter)) {
        throw new IllegalArgumentException(
            table.tableName() + " quarter " + quarter + " is kept and yet has rows to write");
      }
    }
    Map<String, String> digests = PartitionDigests.of(table, partitions);
    Map<String, String> before = previous.partitionDigests(table);
    Set<String> present = partitionsOnBranch(iceberg, table);
    List<String> changed = new ArrayList<>();
    digests.forEach(
        (key, digest) -> {
          boolean missing = !present.contains(key) && !partitions.get(key).isEmpty();
          if (!digest.equals(before.get(key)) || missing) {
            changed.add(key);
          }
        });
    if (PartitionDigests.byQuarter(table)) {
      Set<String> vanished = new TreeSet<>(present);
      vanished.removeAll(partitions.keySet());
      vanished.removeAll(keptQuarters);
      deleteQuarters(iceberg, vanished);
      replacePartitions(iceberg, table, partitions, changed);
    } else if (!changed.isEmpty()) {
      overwrite(iceberg, table, partitions.get(PartitionDigests.WHOLE_TABLE));
    }
    Map<String, String> all = new TreeMap<>(digests);
    keptQuarters.forEach(quarter -> all.put(quarter, before.get(quarter)));
    if (rowsFormat != null) {
      all.put(PartitionDigests.ROWS_FORMAT, PartitionDigests.formatDigest(rowsFormat));
    }
    next.writePartitionDigests(table, all);
    return stats(catalog.table(table));
  }

  /** A dimension is written as any driver table: unchanged rows leave it uncommitted. */
  @Override
  public TableStats dimension(WarehouseTable table, Supplier<List<Row>> rows) {
    return write(table, rows.get());
  }

  @Override
  public ClaimPartitionWrites claims() {
    return new ClaimPartitionWrites() {
      private Map<LocalDate, TableStats> written = Map.of();

      @Override
      public void write(Set<LocalDate> carried, Optional<Dataset<Row>> rewritten) {
        Table iceberg = catalog.table(WarehouseTable.FACT_CLAIM);
        Set<String> replaced = partitionsOnBranch(iceberg, WarehouseTable.FACT_CLAIM);
        carried.forEach(quarter -> replaced.remove(quarter.toString()));
        // First, so a rewritten quarter that has no claim rows left is empty afterwards.
        deleteQuarters(iceberg, replaced);
        rewritten.ifPresent(frame -> overwritePartitions(WarehouseTable.FACT_CLAIM, frame));
        written = quarters(catalog.table(WarehouseTable.FACT_CLAIM));
      }

      @Override
      public TableStats quarter(LocalDate quarter) {
        return written.getOrDefault(quarter, new TableStats(0, 0));
      }
    };
  }

  /**
   * Spark's write of a frame's quarters onto the branch. Required columns are filtered for nulls so
   * Spark's plan knows them non-null (Iceberg checks); a row dropped that way fails the load's row
   * accounting, so nothing is lost silently.
   */
  private void overwritePartitions(WarehouseTable table, Dataset<Row> frame) {
    StructField[] fields = TableSchemas.of(table).fields();
    Column[] columns = new Column[fields.length];
    Column required = functions.lit(true);
    for (int i = 0; i < fields.length; i++) {
      columns[i] = functions.col(fields[i].name()).cast(fields[i].dataType()).as(fields[i].name());
      if (!fields[i].nullable()) {
        required = required.and(functions.col(fields[i].name()).isNotNull());
      }
    }
    String name =
        String.join(
            ".",
            catalog.settings().name(),
            catalog.settings().namespace(),
            table.tableName(),
            "branch_" + branch);
    try {
      frame.select(columns).where(required).writeTo(name).overwritePartitions();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException("Spark does not see " + name, e);
    }
  }

  private void replacePartitions(
      Table iceberg, WarehouseTable table, Map<String, List<Row>> partitions, List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    ReplacePartitions replace = iceberg.newReplacePartitions();
    for (String key : keys) {
      replace.addFile(DriverIcebergFile.write(iceberg, table, partitions.get(key)));
    }
    replace.toBranch(branch).commit();
  }

  private void overwrite(Table iceberg, WarehouseTable table, List<Row> rows) {
    OverwriteFiles overwrite =
        iceberg.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
    if (!rows.isEmpty()) {
      DataFile file = DriverIcebergFile.write(iceberg, table, rows);
      overwrite.addFile(file);
    }
    overwrite.toBranch(branch).commit();
  }

  private void deleteQuarters(Table iceberg, Set<String> quarters) {
    if (quarters.isEmpty()) {
      return;
    }
    iceberg
        .newDelete()
        .deleteFromRowFilter(Expressions.in(IcebergSchemas.QUARTER_COLUMN, quarters.toArray()))
        .toBranch(branch)
        .commit();
  }

  /** The partitions that hold files on the branch now, keyed as {@link PartitionDigests}. */
  private Set<String> partitionsOnBranch(Table iceberg, WarehouseTable table) {
    Set<String> keys = new TreeSet<>();
    if (!PartitionDigests.byQuarter(table)) {
      if (stats(iceberg).files() > 0) {
        keys.add(PartitionDigests.WHOLE_TABLE);
      }
      return keys;
    }
    quarters(iceberg).keySet().forEach(quarter -> keys.add(quarter.toString()));
    return keys;
  }

  /** Rows and files of each quarter at the branch's head, from the table's metadata. */
  private Map<LocalDate, TableStats> quarters(Table iceberg) {
    Map<LocalDate, TableStats> quarters = new TreeMap<>();
    Snapshot head = iceberg.snapshot(branch);
    if (head == null) {
      return quarters;
    }
    try (CloseableIterable<FileScanTask> tasks =
        iceberg.newScan().useSnapshot(head.snapshotId()).planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file();
        LocalDate quarter = LocalDate.ofEpochDay(file.partition().get(0, Integer.class));
        TableStats before = quarters.getOrDefault(quarter, new TableStats(0, 0));
        quarters.put(
            quarter, new TableStats(before.rows() + file.recordCount(), before.files() + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan " + iceberg.name(), e);
    }
    return quarters;
  }

  /** The rows and data files of the table at the branch's head. */
  TableStats stats(Table iceberg) {
    Snapshot head = iceberg.snapshot(branch);
    if (head == null) {
      return new TableStats(0, 0);
    }
    Map<String, String> summary = head.summary();
    return new TableStats(
        Long.parseLong(summary.getOrDefault("total-records", "0")),
        Integer.parseInt(summary.getOrDefault("total-data-files", "0")));
  }
}
