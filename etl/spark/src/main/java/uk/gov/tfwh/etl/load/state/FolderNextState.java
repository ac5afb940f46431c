package uk.gov.tfwh.etl.load.state;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.gov.tfwh.etl.read.ClaimRows;
import uk.gov.tfwh.etl.state.LoadState;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.etl.table.PartitionDigests;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.table.TableFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The folder store's state, in the staged snapshot's {@code state/} as {@link LoadState} keeps it:
 * unchanged batches and claim folders hard-linked from the previous snapshot, the rest written.
 *
 * @param snapshotDir the staged snapshot's folder
 * @param parentDir the previous snapshot's folder, whatever its reference set
 */
public record FolderNextState(SparkSession spark, Path snapshotDir, Optional<Path> parentDir)
    implements NextState {
  public FolderNextState {
    requireNonNull(spark, "spark");
    requireNonNull(snapshotDir, "snapshotDir");
    requireNonNull(parentDir, "parentDir");
  }

  @Override
  public void keepClaims(Set<Long> batches) {
    parentDir.ifPresent(dir -> LoadState.linkClaims(dir, snapshotDir, batches));
  }

  @Override
  public void writeClaims(long batch, Dataset<Row> claims) {
    claims
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(LoadState.claimsDir(snapshotDir, batch).toAbsolutePath().toString());
  }

  @Override
  public Dataset<Row> claimsOf(Set<Long> batches) {
    String[] paths =
        batches.stream()
            .map(batch -> LoadState.claimsDir(snapshotDir, batch))
            .filter(dir -> !TableFiles.dataFiles(dir).isEmpty())
            .map(Path::toString)
            .toArray(String[]::new);
    Dataset<Row> rows =
        paths.length == 0
            ? spark.createDataFrame(List.of(), ClaimRows.SCHEMA)
            : spark.read().schema(ClaimRows.SCHEMA).parquet(paths);
    return rows.select(
        Arrays.stream(ClaimRows.SCHEMA.fieldNames())
            .map(functions::col)
            .toArray(org.apache.spark.sql.Column[]::new));
  }

  @Override
  public void writeReturns(LoadState state, LoadState prior, boolean priorReusable) {
    state.write(snapshotDir, prior, priorReusable ? parentDir : Optional.empty());
  }

  @Override
  public void writeChecksums(List<FileChecksums.Stamp> stamps) {
    LoadState.writeChecksums(snapshotDir, stamps);
  }

  @Override
  public void writeClaimPartitions(Map<LocalDate, ClaimPartitions.Partition> partitions) {
    ClaimPartitions.write(LoadState.stateDir(snapshotDir), partitions);
  }

  @Override
  public void writePartitionDigests(WarehouseTable table, Map<String, String> digests) {
    PartitionDigests.write(LoadState.stateDir(snapshotDir), table, digests);
  }

  @Override
  public void finish() {}
}
