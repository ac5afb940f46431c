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
import java.util.Optional;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.table.LinkedFiles;
import uk.gov.tfwh.returns.read.FileChecksums;

/**
 * What a load remembers for the next one, kept inside its snapshot under {@code state/}: every
 * return it had read (with the batch that first read it) and, per batch, the claim rows that passed
 * their own return's rules ({@code state/claims/batch=N/}, Parquet). A later load reuses the
 * returns whose files are unchanged instead of reading them again, and links their claim files
 * instead of copying them: snapshots are immutable, so sharing files between them is safe. It also
 * keeps the landing files' checksums ({@code state/checksums.ser}), so the next scan reads only the
 * files that changed.
 *
 * @param referenceDigest checksum of the reference set the returns were checked against; a load
 *     with another reference set reads everything again
 */
public record LoadState(String referenceDigest, List<ReadReturn> returns) implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DIR = "state";
  private static final String RETURNS_FILE = "returns.ser";
  private static final String CLAIMS_DIR = "claims";
  private static final String CHECKSUMS_FILE = "checksums.ser";

  // Only our own values and the JDK's are ever read back.
  private static final ObjectInputFilter ONLY_OWN_CLASSES =
      ObjectInputFilter.Config.createFilter("uk.gov.tfwh.**;java.**;!*");

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

  /** Reads the state of a committed snapshot; empty when it has none or it cannot be read. */
  public static Optional<LoadState> read(Path snapshotDir) {
    return readObject(snapshotDir.resolve(DIR).resolve(RETURNS_FILE), "the load state")
        .filter(LoadState.class::isInstance)
        .map(LoadState.class::cast);
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

  /** Writes this state into a (staged) snapshot folder. */
  public void write(Path snapshotDir) {
    writeObject(
        snapshotDir.resolve(DIR).resolve(RETURNS_FILE),
        new LoadState(referenceDigest, new ArrayList<>(returns)),
        "the load state");
  }

  private static Optional<Object> readObject(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        ObjectInputStream objects = new ObjectInputStream(in)) {
      objects.setObjectInputFilter(ONLY_OWN_CLASSES);
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
