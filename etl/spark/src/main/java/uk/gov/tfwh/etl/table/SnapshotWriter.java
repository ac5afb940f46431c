package uk.gov.tfwh.etl.table;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Writes warehouse tables as Parquet into a staged snapshot, with exactly the contract's columns,
 * order, types and partitioning, and counts what landed on disk for the manifest.
 */
public final class SnapshotWriter {
  private final SparkSession spark;
  private final StagedSnapshot staged;

  public SnapshotWriter(SparkSession spark, StagedSnapshot staged) {
    this.spark = requireNonNull(spark, "spark");
    this.staged = requireNonNull(staged, "staged");
  }

  /** Writes a small table built on the driver as one file. */
  public TableStats write(WarehouseTable table, List<Row> rows) {
    Dataset<Row> frame = spark.createDataFrame(rows, TableSchemas.of(table)).coalesce(1);
    return write(table, frame);
  }

  /**
   * Writes a table from a data frame holding (at least) the contract's columns; each is cast to the
   * contract's type and the rest are dropped.
   */
  public TableStats write(WarehouseTable table, Dataset<Row> frame) {
    StructField[] fields = TableSchemas.of(table).fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = functions.col(fields[i].name()).cast(fields[i].dataType()).as(fields[i].name());
    }
    Path dir = staged.tableDirectory(table);
    var writer = frame.select(columns).write().mode(SaveMode.ErrorIfExists);
    if (!table.partitionColumns().isEmpty()) {
      writer = writer.partitionBy(table.partitionColumns().toArray(String[]::new));
    }
    writer.parquet(dir.toString());
    return stats(dir);
  }

  /** Rows as Parquet holds them (from the files' footers) and the number of data files. */
  public TableStats stats(Path dir) {
    // A partitioned table without rows has no files at all (there is no partition to put one in).
    int files = parquetFiles(dir);
    long rows = files == 0 ? 0 : spark.read().parquet(dir.toString()).count();
    return new TableStats(rows, files);
  }

  static int parquetFiles(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return (int)
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().endsWith(".parquet"))
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
