package uk.gov.tfwh.etl.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import uk.gov.tfwh.returns.history.ReturnVersion;
import uk.gov.tfwh.returns.landing.Provenance;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * Reads returns on the executors: the list of sources is distributed, each executor opens its
 * returns from the landing folder (which every executor must see at the same path), or fetches them
 * from the landing on object storage, and applies the return's own rules. The small per-return
 * results come back to the driver; the claim rows stay in Spark and are written straight to a
 * Parquet folder.
 */
public final class ReturnReading {
  private static final int SLICES_PER_CORE = 4;
  private static final long ROWS_PER_FILE = 100_000;

  private ReturnReading() {}

  /** A return to read, with the id and batch it will carry. */
  public record Pending(ReturnSource source, String returnId, Provenance provenance)
      implements Serializable {
    public Pending {
      requireNonNull(source, "source");
      requireNonNull(returnId, "returnId");
      requireNonNull(provenance, "provenance");
    }

    /** When it was received: the service's clock for a submission, else this load's. */
    Instant receivedAt(Instant loadSawIt) {
      return provenance.viaService() ? provenance.receivedAt() : loadSawIt;
    }
  }

  /**
   * One return read on an executor: its result and its accepted claim rows, or, when a file of it
   * changed while it was read, nothing but that fact.
   */
  private record Read(ReadReturn result, List<Row> claims, boolean changedWhileRead)
      implements Serializable {}

  /**
   * What a batch read gave: the returns read, and those left for the next load because a file of
   * theirs changed between the scan and the read (their bytes are not the ones the scan's checksum
   * names, so neither what was parsed nor the checksum can be trusted).
   */
  public record Outcome(List<ReadReturn> read, List<ReturnSource> changedWhileRead) {
    public Outcome {
      read = List.copyOf(read);
      changedWhileRead = List.copyOf(changedWhileRead);
    }
  }

  /**
   * Reads every pending return and hands the claim rows that passed their own return's rules, a
   * frame of {@link ClaimRows#SCHEMA} still on the executors, to {@code claims}, which writes them
   * (into the load state).
   *
   * <p>With a landing on object storage ({@code objects}), {@code landingDir} is the driver's copy
   * the scan read, and each executor reads a return from its own fetch of the return's objects
   * instead, into a folder it deletes afterwards, so the executors see no folder of the driver's.
   *
   * @return what was read, in the order given, and what changed while it was read
   */
  public static Outcome read(
      SparkSession spark,
      ReturnReader reader,
      Path landingDir,
      Optional<ObjectLanding> objects,
      List<Pending> pending,
      long batch,
      Instant receivedAt,
      String snapshotId,
      Consumer<Dataset<Row>> claims) {
    ObjectLanding bucket = objects.orElse(null);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String landing = landingDir.toAbsolutePath().toString();
    int slices =
        Math.max(1, Math.min(pending.size(), context.defaultParallelism() * SLICES_PER_CORE));
    JavaRDD<Read> reads =
        context
            .parallelize(pending, slices)
            .map(p -> readOne(reader, landing, bucket, p, batch, receivedAt, snapshotId))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      List<ReadReturn> results = new ArrayList<>();
      List<ReturnSource> changed = new ArrayList<>();
      // Only the small results come back; the claim rows stay on the executors.
      for (Read read :
          reads.map(r -> new Read(r.result(), List.of(), r.changedWhileRead())).collect()) {
        if (read.changedWhileRead()) {
          changed.add(read.result().source());
        } else {
          results.add(read.result());
        }
      }
      long rows = results.stream().mapToLong(r -> r.claimKeys().size()).sum();
      // One file per ROWS_PER_FILE rows, at most one per core: each Parquet file costs a writer's
      // set-up and a footer to read back, which for a new quarter's few thousand rows is most of
      // the work.
      int files =
          (int) Math.min(context.defaultParallelism(), Math.max(1, rows / ROWS_PER_FILE + 1));
      JavaRDD<Row> claimRows =
          reads
              .filter(read -> !read.changedWhileRead())
              .flatMap(read -> read.claims().iterator())
              .coalesce(files);
      claims.accept(spark.createDataFrame(claimRows, ClaimRows.SCHEMA));
      return new Outcome(results, changed);
    } finally {
      reads.unpersist(false);
    }
  }

  private static Read readOne(
      ReturnReader reader,
      String landing,
      ObjectLanding bucket,
      Pending pending,
      long batch,
      Instant receivedAt,
      String snapshotId)
      throws IOException {
    if (bucket == null) {
      return readOne(reader, Path.of(landing), pending, batch, receivedAt, snapshotId);
    }
    // The fetched copy is what is read and what is checked against the scan's checksum: an object
    // replaced since the scan differs, and its return waits for the next load.
    Path fetched = Files.createTempDirectory("tfwh-landing-");
    try {
      return readOne(
          reader, bucket.fetch(pending.source(), fetched), pending, batch, receivedAt, snapshotId);
    } finally {
      deleteFolder(fetched);
    }
  }

  private static Read readOne(
      ReturnReader reader,
      Path landing,
      Pending pending,
      long batch,
      Instant receivedAt,
      String snapshotId) {
    ReturnOutcome outcome = reader.read(landing, pending.source());
    if (changedSinceTheScan(landing, pending.source())) {
      return new Read(rejectedStub(pending, batch, receivedAt, snapshotId), List.of(), true);
    }
    String fingerprint =
        outcome
            .summary()
            .map(summary -> ReturnVersion.fingerprint(summary, outcome.claims()))
            .orElse(null);
    ReadReturn result =
        new ReadReturn(
            pending.returnId(),
            pending.source(),
            batch,
            pending.receivedAt(receivedAt),
            snapshotId,
            outcome.acceptedSummary(),
            fingerprint,
            outcome.claimRowsRead(),
            outcome.claimRowsRejected(),
            ClaimKeys.of(outcome.claims()),
            outcome.findings(),
            outcome.identity(),
            pending.provenance());
    List<Row> rows = new ArrayList<>(outcome.claims().size());
    for (Claim claim : outcome.claims()) {
      rows.add(ClaimRows.of(pending.returnId(), claim));
    }
    return new Read(result, rows, false);
  }

  /**
   * Whether any file of the return now has other bytes than those the scan hashed (or is gone):
   * checked after reading, so what was parsed is what the checksum names, or the return waits.
   */
  private static boolean changedSinceTheScan(Path landing, ReturnSource source) {
    for (SourceFile file : source.files()) {
      try {
        if (!FileChecksums.none().sha256(landing.resolve(file.name())).equals(file.sha256())) {
          return true;
        }
      } catch (IOException e) {
        return true;
      }
    }
    return false;
  }

  private static void deleteFolder(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** What stands for a return that changed while it was read: only its source travels back. */
  private static ReadReturn rejectedStub(
      Pending pending, long batch, Instant receivedAt, String snapshotId) {
    return new ReadReturn(
        pending.returnId(),
        pending.source(),
        batch,
        pending.receivedAt(receivedAt),
        snapshotId,
        null,
        null,
        0,
        0,
        ClaimKeys.of(List.of()),
        List.of(),
        ReturnIdentity.UNKNOWN,
        pending.provenance());
  }
}
