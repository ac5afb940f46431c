package uk.gov.tfwh.etl.table;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.snapshot.StagedSnapshot;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The folder store's tables: Parquet folders in a staged snapshot. What the previous snapshot wrote
 * and still holds (a dimension from the same reference set, a carried {@code fact_claim} quarter)
 * is hard-linked from its folder rather than written again.
 *
 * @param reusableParent the previous snapshot's folder, when it used the same reference set
 */
public record FolderTables(
    SnapshotWriter writer, StagedSnapshot staged, Optional<Path> reusableParent)
    implements WarehouseTables {

  public FolderTables {
    requireNonNull(writer, "writer");
    requireNonNull(staged, "staged");
    requireNonNull(reusableParent, "reusableParent");
  }

  @Override
  public SparkSession spark() {
    return writer.spark();
  }

  @Override
  public TableStats write(WarehouseTable table, List<Row> rows) {
    return writer.write(table, rows);
  }

  /** The folder store writes whole tables: nothing is kept without its rows. */
  @Override
  public Set<String> keptQuarters(WarehouseTable table, String rowsFormat, Set<String> unchanged) {
    return Set.of();
  }

  @Override
  public TableStats write(
      WarehouseTable table, String rowsFormat, Set<String> kept, List<Row> rows) {
    if (!kept.isEmpty()) {
      throw new IllegalArgumentException("the folder store keeps no quarter without its rows");
    }
    return writer.write(table, rows);
  }

  /**
   * Built from the reference set alone, so when the previous snapshot used the same set its files
   * are linked rather than written again (four Spark jobs fewer per load).
   */
  @Override
  public TableStats dimension(WarehouseTable table, Supplier<List<Row>> rows) {
    Optional<Path> earlier =
        reusableParent.map(dir -> dir.resolve(table.relativePath())).filter(Files::isDirectory);
    if (earlier.isEmpty()) {
      return writer.write(table, rows.get());
    }
    Path dir = staged.tableDirectory(table);
    LinkedFiles.linkAll(earlier.get(), dir);
    return writer.stats(dir);
  }

  @Override
  public ClaimPartitionWrites claims() {
    Path tableDir = staged.tableDirectory(WarehouseTable.FACT_CLAIM);
    return new ClaimPartitionWrites() {
      @Override
      public void write(Set<LocalDate> carried, Optional<Dataset<Row>> rewritten) {
        rewritten.ifPresent(frame -> writer.write(WarehouseTable.FACT_CLAIM, frame));
        reusableParent.ifPresent(
            dir -> {
              Path from = dir.resolve(WarehouseTable.FACT_CLAIM.relativePath());
              carried.forEach(quarter -> ClaimPartitions.carryOver(from, tableDir, quarter));
            });
        try {
          Files.createDirectories(tableDir); // a table without rows still has its folder
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create " + tableDir, e);
        }
      }

      @Override
      public TableStats quarter(LocalDate quarter) {
        return writer.stats(ClaimPartitions.partitionDir(tableDir, quarter));
      }
    };
  }
}
