package uk.gov.tfwh.etl.state;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.table.LinkedFiles;
import uk.gov.tfwh.returns.read.FileChecksums;

/**
 * What a load remembers for the next one, kept inside its snapshot under {@code state/}: every
 * return it had read, by the batch (the load) that first read it ({@code
 * state/returns/batch=N.ser}) and, per batch, the claim rows that passed their own return's rules
 * ({@code state/claims/batch=N/}, Parquet). A later load reuses the returns whose files are
 * unchanged instead of reading them again, and links the files of the batches it keeps whole
 * instead of writing them again, so it writes only what it read itself: snapshots are immutable, so
 * sharing files between them is safe. It also keeps the landing files' checksums ({@code
 * state/checksums.ser}), so the next scan reads only the files that changed.
 *
 * @param referenceDigest checksum of the reference set the returns were checked against; a load
 *     with another reference set reads everything again
 */
public record LoadState(String referenceDigest, List<ReadReturn> returns) {
  private static final String DIR = "state";
  private static final String RETURNS_DIR = "returns";
  private static final String CLAIMS_DIR = "claims";
  private static final String CHECKSUMS_FILE = "checksums.ser";
  private static final Pattern BATCH_FILE = Pattern.compile("batch=(\\d+)\\.ser");

  // Exactly the classes the state's two kinds of file hold: nothing else is ever instantiated.
  private static final ObjectInputFilter ONLY_STATE_CLASSES =
      StateClasses.filter(Batch.class, FileChecksums.Stamp[].class);

  /** The returns one load read first, as kept in its batch file. */
  private record Batch(String referenceDigest, long batch, List<ReadReturn> returns)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  public LoadState {
    requireNonNull(referenceDigest, "referenceDigest");
    returns = List.copyOf(returns);
  }

  /** The folder of one batch's claim rows inside a snapshot folder. */
  public static Path claimsDir(Path snapshotDir, long batch) {
    return claimsRoot(snapshotDir).resolve("batch=" + batch);
  }

  public static Path claimsRoot(Path snapshotDir) {
    return stateDir(snapshotDir).resolve(CLAIMS_DIR);
  }

  /** The folder inside a snapshot folder where loads keep what the next load reuses. */
  public static Path stateDir(Path snapshotDir) {
    return snapshotDir.resolve(DIR);
  }

  /**
   * Reads the state of a committed snapshot; empty when it has none, or when any batch of it cannot
   * be read (written by an older build, say): the load then reads every return again.
   */
  public static Optional<LoadState> read(Path snapshotDir) {
    Map<Long, Path> files = batchFiles(returnsDir(snapshotDir));
    String digest = null;
    List<ReadReturn> returns = new ArrayList<>();
    for (Map.Entry<Long, Path> file : files.entrySet()) {
      Optional<Batch> batch =
          readObject(file.getValue(), "the load state")
              .filter(Batch.class::isInstance)
              .map(Batch.class::cast)
              .filter(b -> b.batch() == file.getKey());
      if (batch.isEmpty() || (digest != null && !digest.equals(batch.get().referenceDigest()))) {
        return Optional.empty();
      }
      digest = batch.get().referenceDigest();
      returns.addAll(batch.get().returns());
    }
    return digest == null ? Optional.empty() : Optional.of(new LoadState(digest, returns));
  }

  /**
   * The landing files' checksums a committed snapshot's load remembered ({@link FileChecksums});
   * empty when it has none or they cannot be read (the next scan then reads every file).
   */
  public static List<FileChecksums.Stamp> readChecksums(Path snapshotDir) {
    return readObject(snapshotDir.resolve(DIR).resolve(CHECKSUMS_FILE), "the landing checksums")
        .filter(FileChecksums.Stamp[].class::isInstance)
        .map(stamps -> List.of((FileChecksums.Stamp[]) stamps))
        .orElse(List.of());
  }

  /** Writes the landing files' checksums into a (staged) snapshot folder. */
  public static void writeChecksums(Path snapshotDir, List<FileChecksums.Stamp> stamps) {
    writeObject(
        snapshotDir.resolve(DIR).resolve(CHECKSUMS_FILE),
        stamps.toArray(FileChecksums.Stamp[]::new),
        "the landing checksums");
  }

  /**
   * Writes this state into a (staged) snapshot folder. A batch that holds the same returns as in
   * the previous snapshot's state (the common case: every earlier load's returns are unchanged) is
   * linked from it; only the others, the new load's batch among them, are serialised. A load on top
   * of a long history so writes what it read, not the whole history again.
   *
   * @param previous the state the load started from (empty when it started afresh)
   * @param previousDir the snapshot folder that state was read from
   */
  public void write(Path snapshotDir, LoadState previous, Optional<Path> previousDir) {
    Map<Long, List<ReadReturn>> byBatch = byBatch(returns);
    Map<Long, List<ReadReturn>> before =
        previous.referenceDigest().equals(referenceDigest) ? byBatch(previous.returns()) : Map.of();
    Path dir = returnsDir(snapshotDir);
    for (Map.Entry<Long, List<ReadReturn>> batch : byBatch.entrySet()) {
      Path target = dir.resolve(batchFileName(batch.getKey()));
      // A batch's returns now are some of the same batch's before (reused ones keep their batch),
      // so the same number means the same returns.
      Optional<Path> unchanged =
          previousDir
              .filter(
                  d ->
                      before.getOrDefault(batch.getKey(), List.of()).size()
                          == batch.getValue().size())
              .map(d -> returnsDir(d).resolve(batchFileName(batch.getKey())))
              .filter(Files::isRegularFile);
      if (unchanged.isPresent()) {
        LinkedFiles.link(unchanged.get(), target);
      } else {
        writeObject(
            target, new Batch(referenceDigest, batch.getKey(), batch.getValue()), "the load state");
      }
    }
  }

  private static Map<Long, List<ReadReturn>> byBatch(List<ReadReturn> returns) {
    Map<Long, List<ReadReturn>> byBatch = new TreeMap<>();
    returns.forEach(r -> byBatch.computeIfAbsent(r.batch(), b -> new ArrayList<>()).add(r));
    return byBatch;
  }

  private static Path returnsDir(Path snapshotDir) {
    return stateDir(snapshotDir).resolve(RETURNS_DIR);
  }

  private static String batchFileName(long batch) {
    return "batch=" + batch + ".ser";
  }

  private static Map<Long, Path> batchFiles(Path dir) {
    Map<Long, Path> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(
          file -> {
            Matcher name = BATCH_FILE.matcher(file.getFileName().toString());
            if (name.matches()) {
              files.put(Long.parseLong(name.group(1)), file);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the load state in " + dir, e);
    }
    return files;
  }

  private static Optional<Object> readObject(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        ObjectInputStream objects = new ObjectInputStream(in)) {
      objects.setObjectInputFilter(ONLY_STATE_CLASSES);
      return Optional.of(objects.readObject());
    } catch (InvalidClassException | ClassNotFoundException e) {
      // Written by an older build whose classes changed: the load reads everything again.
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " in " + file, e);
    }
  }

  private static void writeObject(Path file, Object value, String what) {
    try {
      Files.createDirectories(file.getParent());
      try (FileOutputStream out = new FileOutputStream(file.toFile());
          ObjectOutputStream objects = new ObjectOutputStream(new BufferedOutputStream(out))) {
        objects.writeObject(value);
        objects.flush();
        // Durable here, on the thread that wrote it while the tables were written, so the commit's
        // sync of the snapshot (on the load's critical path) finds nothing left to flush.
        out.getFD().sync();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " to " + file, e);
    }
  }

  /**
   * Hard-links the claim folders of the given batches from an earlier snapshot into a staged one
   * (copying where the file system cannot link).
   */
  public static void linkClaims(Path fromSnapshotDir, Path toSnapshotDir, Iterable<Long> batches) {
    for (long batch : batches) {
      Path from = claimsDir(fromSnapshotDir, batch);
      Path to = claimsDir(toSnapshotDir, batch);
      try {
        if (Files.isDirectory(from)) {
          LinkedFiles.linkAll(from, to);
          continue;
        }
        Files.createDirectories(to);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reuse the claim rows of batch " + batch, e);
      }
    }
  }
}
