package uk.gov.tfwh.etl.state;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * What the previous load left for the next one: the returns it read, the landing files' checksums
 * and the digests of the partitions it wrote. It saves work and never decides a figure, so what
 * cannot be read is no state: {@link #returns()} and {@link #checksums()} then throw {@link
 * StateUnreadableException} (or {@code UncheckedIOException}), which the load reports and answers
 * with a full read; the digests are simply empty (every partition is written).
 */
public interface PreviousState {

  /** The returns the previous loads read, with the reference digest they were checked against. */
  Optional<LoadState> returns();

  /** The landing files' stamps and checksums the previous load saw. */
  List<FileChecksums.Stamp> checksums();

  /** {@code fact_claim}'s partitions as the previous load wrote them; empty when unknown. */
  Map<LocalDate, ClaimPartitions.Partition> claimPartitions();

  /** A driver-built table's partition digests; empty when unknown. */
  Map<String, String> partitionDigests(WarehouseTable table);

  /** A warehouse without a release yet. */
  static PreviousState none() {
    return new PreviousState() {
      @Override
      public Optional<LoadState> returns() {
        return Optional.empty();
      }

      @Override
      public List<FileChecksums.Stamp> checksums() {
        return List.of();
      }

      @Override
      public Map<LocalDate, ClaimPartitions.Partition> claimPartitions() {
        return Map.of();
      }

      @Override
      public Map<String, String> partitionDigests(WarehouseTable table) {
        return Map.of();
      }
    };
  }
}
