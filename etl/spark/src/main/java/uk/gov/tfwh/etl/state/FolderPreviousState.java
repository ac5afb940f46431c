package uk.gov.tfwh.etl.state;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.etl.table.PartitionDigests;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The folder store's state, in a snapshot folder's {@code state/} (Java-serialised returns and
 * checksums, claim rows as Parquet, digests as properties): what the folder store keeps, and what
 * {@code ./tfwh migrate} reads from the newest snapshot of a folder-store warehouse.
 *
 * @param snapshotDir the snapshot folder whose {@code state/} is read
 */
public record FolderPreviousState(Path snapshotDir) implements PreviousState {
  public FolderPreviousState {
    requireNonNull(snapshotDir, "snapshotDir");
  }

  @Override
  public Optional<LoadState> returns() {
    return LoadState.read(snapshotDir);
  }

  @Override
  public List<FileChecksums.Stamp> checksums() {
    return LoadState.readChecksums(snapshotDir);
  }

  @Override
  public Map<LocalDate, ClaimPartitions.Partition> claimPartitions() {
    return ClaimPartitions.read(LoadState.stateDir(snapshotDir));
  }

  @Override
  public Map<String, String> partitionDigests(WarehouseTable table) {
    return PartitionDigests.read(LoadState.stateDir(snapshotDir), table);
  }

  /** The folder of one batch's claim rows (Parquet). */
  public Path claimsDir(long batch) {
    return LoadState.claimsDir(snapshotDir, batch);
  }
}
