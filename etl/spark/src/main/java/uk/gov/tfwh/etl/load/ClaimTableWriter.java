package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.gov.tfwh.etl.claims.NationalClaims;
import uk.gov.tfwh.etl.load.state.NextState;
import uk.gov.tfwh.etl.read.ClaimRows;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.etl.table.PartitionDigests;
import uk.gov.tfwh.etl.table.WarehouseTables;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.TableStats;

/**
 * A load's {@code fact_claim}: the one table partitioned by quarter and too big to rewrite each
 * time, so a quarter whose claims are those of the previous snapshot is carried over and only the
 * others are written, from the claim rows of the batches that read their returns.
 */
final class ClaimTableWriter {
  private final Supplier<SparkSession> spark;
  private final Consumer<String> progress;

  ClaimTableWriter(Supplier<SparkSession> spark, Consumer<String> progress) {
    this.spark = requireNonNull(spark, "spark");
    this.progress = requireNonNull(progress, "progress");
  }

  /**
   * What {@code fact_claim}'s quarters follow from, and which of them the previous release holds as
   * they would be written now.
   *
   * @param quarterOf the quarter of every return version that loads, by return id
   * @param digests each quarter's digest of the versions that load and the claims refused
   * @param carried the quarters whose digest is the previous release's
   */
  record ClaimQuarters(
      Map<String, LocalDate> quarterOf, Map<LocalDate, String> digests, Set<LocalDate> carried) {

    /**
     * @param earlier the previous release's partitions, when its state is reusable (same reference
     *     set); empty otherwise
     */
    static ClaimQuarters of(Judged judged, Map<LocalDate, ClaimPartitions.Partition> earlier) {
      Map<String, LocalDate> quarterOf = ClaimTableWriter.loadedQuarters(judged);
      Map<LocalDate, String> digests = ClaimTableWriter.digests(judged, quarterOf);
      Set<LocalDate> carried = new TreeSet<>();
      digests.forEach(
          (quarter, digest) -> {
            ClaimPartitions.Partition before = earlier.get(quarter);
            if (before != null && before.digest().equals(digest)) {
              carried.add(quarter);
            }
          });
      return new ClaimQuarters(quarterOf, digests, carried);
    }

    /** The carried quarters as partition keys ({@code 2014-03-31}). */
    Set<String> carriedKeys() {
      Set<String> keys = new TreeSet<>();
      carried.forEach(quarter -> keys.add(PartitionDigests.quarterKey(quarter)));
      return keys;
    }
  }

  /**
   * Writes {@code fact_claim}: the quarters whose rows are those of the previous release are kept
   * ({@link ClaimPartitions}); only the others are written, from the claim rows of the batches that
   * read their returns, as the load state keeps them.
   *
   * @param earlier the previous release's partitions {@code quarters} was worked out against
   */
  TableStats write(
      Judged judged,
      ClaimQuarters quarters,
      Map<LocalDate, ClaimPartitions.Partition> earlier,
      NextState state,
      WarehouseTables.ClaimPartitionWrites claims) {
    Set<LocalDate> carried = quarters.carried();
    Set<String> rewritten = new HashSet<>();
    Set<Long> batches = new TreeSet<>();
    for (ReadReturn read : judged.returns()) {
      LocalDate quarter = quarters.quarterOf().get(read.returnId());
      if (quarter != null && !carried.contains(quarter)) {
        rewritten.add(read.returnId());
        batches.add(read.batch());
      }
    }
    claims.write(
        carried,
        rewritten.isEmpty()
            ? Optional.empty()
            : Optional.of(claimTable(judged, rewritten, state.claimsOf(batches))));
    progress.accept(
        "  fact_claim: "
            + (quarters.digests().size() - carried.size())
            + " quarters written, "
            + carried.size()
            + " carried over from the previous snapshot");
    return recordPartitions(state, claims, quarters.digests(), carried, earlier);
  }

  /** The quarter of every return version that loads, by return id. */
  private static Map<String, LocalDate> loadedQuarters(Judged judged) {
    Map<String, LocalDate> quarterOf = new HashMap<>();
    for (ReadReturn read : judged.returns()) {
      if (judged.history().status(read.returnId()).loaded()) {
        quarterOf.put(read.returnId(), read.acceptedSummary().quarter().end());
      }
    }
    return quarterOf;
  }

  /**
   * Each quarter's digest of what decides its claim rows: the versions that load and the claims the
   * national check refused. An equal digest means the previous snapshot's rows still hold.
   */
  private static Map<LocalDate, String> digests(Judged judged, Map<String, LocalDate> quarterOf) {
    Map<LocalDate, TreeSet<String>> loadedByQuarter = new TreeMap<>();
    quarterOf.forEach(
        (id, quarter) -> loadedByQuarter.computeIfAbsent(quarter, q -> new TreeSet<>()).add(id));
    Map<LocalDate, List<String>> refusedByQuarter = new HashMap<>();
    for (NationalClaims.Refusal refusal : judged.national().refused()) {
      refusedByQuarter
          .computeIfAbsent(quarterOf.get(refusal.returnId()), q -> new ArrayList<>())
          .add(refusal.returnId() + "#" + refusal.row());
    }
    Map<LocalDate, String> digests = new TreeMap<>();
    loadedByQuarter.forEach(
        (quarter, ids) ->
            digests.put(
                quarter,
                ClaimPartitions.digest(ids, refusedByQuarter.getOrDefault(quarter, List.of()))));
    return digests;
  }

  /**
   * Records each quarter's digest, rows and files in the load state for the next load. Files are
   * counted for the quarters written now only; a carried one holds what it held.
   */
  private static TableStats recordPartitions(
      NextState state,
      WarehouseTables.ClaimPartitionWrites claims,
      Map<LocalDate, String> digests,
      Set<LocalDate> carried,
      Map<LocalDate, ClaimPartitions.Partition> earlier) {
    Map<LocalDate, ClaimPartitions.Partition> partitions = new TreeMap<>();
    long rows = 0;
    int files = 0;
    for (Map.Entry<LocalDate, String> quarter : digests.entrySet()) {
      ClaimPartitions.Partition partition;
      if (carried.contains(quarter.getKey())) {
        partition = earlier.get(quarter.getKey());
      } else {
        TableStats stats = claims.quarter(quarter.getKey());
        partition = new ClaimPartitions.Partition(quarter.getValue(), stats.rows(), stats.files());
      }
      partitions.put(quarter.getKey(), partition);
      rows += partition.rows();
      files += partition.files();
    }
    state.writeClaimPartitions(partitions);
    return new TableStats(rows, files);
  }

  /**
   * {@code fact_claim}: the claims of every loaded version (current or superseded) that passed
   * their own return's rules, less those the national check refused.
   */
  private Dataset<Row> claimTable(Judged judged, Set<String> returnIds, Dataset<Row> claims) {
    StructType loadedSchema =
        new StructType()
            .add(ClaimRows.RETURN_ID, DataTypes.StringType, false)
            .add("authority_code", DataTypes.StringType, false)
            .add("phase", DataTypes.IntegerType, false)
            .add("submitted_at", DataTypes.TimestampType, false)
            .add("period_end", DataTypes.DateType, false);
    List<Row> loaded = new ArrayList<>();
    for (ReadReturn read : judged.returns()) {
      if (returnIds.contains(read.returnId())) {
        ReturnSummary s = read.acceptedSummary();
        loaded.add(
            RowFactory.create(
                read.returnId(),
                s.authorityCode(),
                s.phase().number(),
                s.submittedAt().toInstant(),
                s.quarter().end()));
      }
    }
    StructType refusedSchema =
        new StructType()
            .add(ClaimRows.RETURN_ID, DataTypes.StringType, false)
            .add(ClaimRows.ROW_NUMBER, DataTypes.IntegerType, false);
    List<Row> refused = new ArrayList<>();
    judged.national().refused().forEach(r -> refused.add(RowFactory.create(r.returnId(), r.row())));
    Dataset<Row> loadedReturns =
        functions.broadcast(spark.get().createDataFrame(loaded, loadedSchema));
    Dataset<Row> refusedClaims =
        functions.broadcast(spark.get().createDataFrame(refused, refusedSchema));
    return claims
        .join(loadedReturns, ClaimRows.RETURN_ID)
        .join(
            refusedClaims,
            scala.jdk.javaapi.CollectionConverters.asScala(
                    List.of(ClaimRows.RETURN_ID, ClaimRows.ROW_NUMBER))
                .toSeq(),
            "left_anti")
        .withColumn(
            "claim_id",
            functions.concat_ws(
                "#", functions.col(ClaimRows.RETURN_ID), functions.col(ClaimRows.ROW_NUMBER)));
  }
}
