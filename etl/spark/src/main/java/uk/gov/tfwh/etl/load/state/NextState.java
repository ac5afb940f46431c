package uk.gov.tfwh.etl.load.state;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.gov.tfwh.etl.state.LoadState;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The state a load leaves for the next one, written with its release: in the folder store the
 * staged snapshot's {@code state/} ({@link FolderNextState}), in the Iceberg warehouse the {@code
 * tfwh_state} tables on the load's branches ({@link IcebergNextState}), committed with the figures.
 */
public interface NextState {

  /** The session the claim frames given to {@link #writeClaims} must belong to. */
  SparkSession spark();

  /**
   * Keeps the previous release's claim rows of these batches (those whose returns the load reuses)
   * and drops every other batch's. Called before {@link #writeClaims}.
   */
  void keepClaims(Set<Long> batches);

  /** Writes the claim rows of the load's own batch (a frame of {@code ClaimRows.SCHEMA}). */
  void writeClaims(long batch, Dataset<Row> claims);

  /** The claim rows of these batches, as the columns of {@code ClaimRows.SCHEMA}. */
  Dataset<Row> claimsOf(Set<Long> batches);

  /**
   * Writes the returns the load read or reused. A batch whose returns are those of the previous
   * state is kept as it is; only the others are written.
   *
   * @param prior the state the load started from (no returns when it started afresh)
   * @param priorReusable whether {@code prior} was read and made with this reference set
   */
  void writeReturns(LoadState state, LoadState prior, boolean priorReusable);

  /** Writes the landing files' stamps and checksums. */
  void writeChecksums(List<FileChecksums.Stamp> stamps);

  /**
   * Writes what a scan's checksums say to remember; a store that keeps the previous stamps may add
   * only the new ones ({@link FileChecksums#addedToEarlier()}).
   */
  default void writeChecksums(FileChecksums checksums) {
    writeChecksums(checksums.stamps());
  }

  /** Records {@code fact_claim}'s partitions: digest, rows and files. */
  void writeClaimPartitions(Map<LocalDate, ClaimPartitions.Partition> partitions);

  /** Records a driver-built table's partition digests. */
  void writePartitionDigests(WarehouseTable table, Map<String, String> digests);

  /** Makes what was written part of the release being built (before its seal). */
  void finish();
}
