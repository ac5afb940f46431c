package uk.gov.tfwh.etl.table;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Where a load writes the tables of its new release: a staged snapshot folder ({@link
 * FolderTables}) or a branch of each Iceberg table ({@link IcebergTableWriter}). The load decides
 * what the rows are; this decides how they land and what can be kept from the release before.
 */
public interface WarehouseTables {

  /** The session the data frames written here must belong to (it knows where they go). */
  SparkSession spark();

  /** Writes a table built on the driver: afterwards it holds exactly these rows. */
  TableStats write(WarehouseTable table, List<Row> rows);

  /**
   * The quarters of a table partitioned by quarter that can be kept from the previous release
   * without building their rows: those of {@code unchanged} whose rows the previous release holds,
   * made the way {@code rowsFormat} names ({@link ReturnRows#FORMAT}). None where the store writes
   * whole tables.
   *
   * @param unchanged quarters ({@code 2014-03-31}) whose rows would be built as the previous
   *     release built them, had it used this build
   */
  Set<String> keptQuarters(WarehouseTable table, String rowsFormat, Set<String> unchanged);

  /**
   * As {@link #write(WarehouseTable, List)}, keeping the quarters {@link #keptQuarters} gave as the
   * previous release had them: {@code rows} are those of every other quarter.
   */
  TableStats write(WarehouseTable table, String rowsFormat, Set<String> kept, List<Row> rows);

  /**
   * Writes a dimension table, built from the reference set alone: where the previous release's can
   * be kept, the rows are not even built.
   */
  TableStats dimension(WarehouseTable table, Supplier<List<Row>> rows);

  /** {@code fact_claim}, written by quarter. */
  ClaimPartitionWrites claims();

  /**
   * {@code fact_claim}'s quarters: those whose rows are the previous release's are kept, the others
   * written from a data frame.
   */
  interface ClaimPartitionWrites {
    /**
     * Makes {@code fact_claim} hold the carried quarters as the previous release had them and, for
     * every other quarter, the frame's rows (a frame of at least the contract's columns); nothing
     * but the carried quarters when there is no frame.
     */
    void write(Set<LocalDate> carried, Optional<Dataset<Row>> rewritten);

    /** The rows and data files of a quarter written by {@link #write}. */
    TableStats quarter(LocalDate quarter);
  }
}
