package uk.gov.tfwh.etl.state;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.warehouse.iceberg.files.LocationDigest;

/**
 * The returns of each {@code return_read} data file, decoded once and kept on the driver's disk in
 * {@link ReturnReadBinary}'s form, so the next load reads its thousands of known returns without a
 * Parquet reader or a JSON parser (docs/load-state.md, "The decoded cache"). Not the state: the
 * tables are, and every miss, damaged entry or entry of another version is read from them.
 *
 * <p>An entry is named by the SHA-256 of its data file's location. Iceberg data files are immutable
 * and uniquely named, so an entry is right for as long as its file is part of a release, as the
 * embedded engine's {@code ReleaseFileCache} is. An entry holds that location, the reference digest
 * the returns were read against and a CRC-32 of all of it, and is written to a temporary file and
 * renamed into place, so a killed writer leaves no half entry under an entry's name.
 */
public final class ReturnReadCache {
  /** The cache's folder inside the warehouse folder, beside the engine's {@code cache}. */
  public static final String FOLDER = "cache/load-state";

  private static final byte[] MAGIC = "TFWH-RRC".getBytes(StandardCharsets.US_ASCII);
  private static final String SUFFIX = ".returns";
  private static final String PARTIAL = ".partial";

  private final Path dir;

  public ReturnReadCache(Path dir) {
    this.dir = requireNonNull(dir, "dir").toAbsolutePath().normalize();
  }

  /** The cache of a warehouse folder. */
  public static ReturnReadCache in(Path warehouseDir) {
    return new ReturnReadCache(warehouseDir.resolve(FOLDER));
  }

  /**
   * A data file's returns as they were put, or empty when not cached or not usable. An entry that
   * is there but not usable (damaged, or of another version) is removed, so the next load that
   * writes the cache puts it again.
   */
  public Optional<Entry> get(String location) {
    Path entry = entry(location);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(entry);
    } catch (IOException e) {
      return Optional.empty(); // not there (NoSuchFileException) or not readable: a miss
    }
    Optional<Entry> decoded = decode(location, bytes);
    if (decoded.isEmpty()) {
      try {
        Files.deleteIfExists(entry);
      } catch (IOException e) {
        // left for keepOnly, or the next get
      }
    }
    return decoded;
  }

  /**
   * Keeps a data file's returns. A cache that cannot be written (a full or read-only disk) is no
   * reason to fail a load: the next one reads the tables.
   *
   * @return whether the entry was written
   */
  public boolean put(String location, String referenceDigest, List<ReadReturn> returns) {
    Path target = entry(location);
    Path partial = dir.resolve(UUID.randomUUID() + PARTIAL);
    try {
      Files.createDirectories(dir);
      // Streamed, not built in memory first: at scale 10 a full load's entry is 77 MB.
      try (OutputStream file = Files.newOutputStream(partial)) {
        encode(file, location, referenceDigest, returns);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the next prune removes it
      }
      return false;
    }
  }

  /** Whether a data file's entry is there (not whether it is usable: {@link #get} says that). */
  public boolean has(String location) {
    return Files.isRegularFile(entry(location));
  }

  /**
   * Removes every entry but those of these data files, and what killed writers left: only the
   * current release's files are ever read again.
   */
  public void keepOnly(Set<String> locations) {
    Set<String> kept = new HashSet<>();
    locations.forEach(location -> kept.add(name(location)));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (!kept.contains(file.getFileName().toString())) {
          Files.deleteIfExists(file);
        }
      }
    } catch (NoSuchFileException e) {
      // nothing cached yet
    } catch (IOException e) {
      // a cache that cannot be tidied costs disk, not figures; the next load tries again
    }
  }

  /** A data file's returns and the reference digest they were read against. */
  public record Entry(String referenceDigest, List<ReadReturn> returns) {
    public Entry {
      requireNonNull(referenceDigest, "referenceDigest");
      returns = List.copyOf(returns);
    }
  }

  static byte[] encode(String location, String referenceDigest, List<ReadReturn> returns)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    encode(bytes, location, referenceDigest, returns);
    return bytes.toByteArray();
  }

  /** The entry's bytes, then a CRC-32 of them. */
  private static void encode(
      OutputStream sink, String location, String referenceDigest, List<ReadReturn> returns)
      throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(sink, new CRC32());
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
    out.write(MAGIC);
    out.writeInt(ReturnReadBinary.VERSION);
    out.writeInt(StateFormat.VERSION);
    ReturnReadBinary.text(out, location);
    ReturnReadBinary.text(out, referenceDigest);
    out.writeInt(returns.size());
    for (ReadReturn read : returns) {
      ReturnReadBinary.write(out, read);
    }
    out.flush();
    new DataOutputStream(sink).writeLong(checked.getChecksum().getValue());
  }

  static Optional<Entry> decode(String location, byte[] bytes) {
    int body = bytes.length - Long.BYTES;
    if (body < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Optional.empty();
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, body);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, body);
    if (ByteBuffer.wrap(bytes).getLong(body) != crc.getValue()) {
      return Optional.empty();
    }
    try {
      in.position(MAGIC.length);
      if (in.getInt() != ReturnReadBinary.VERSION
          || in.getInt() != StateFormat.VERSION
          || !location.equals(ReturnReadBinary.text(in))) {
        return Optional.empty();
      }
      String referenceDigest = ReturnReadBinary.text(in);
      int count = in.getInt();
      if (referenceDigest == null || count < 0 || count > in.remaining()) {
        return Optional.empty();
      }
      List<ReadReturn> returns = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        returns.add(ReturnReadBinary.read(in));
      }
      if (in.hasRemaining()) {
        return Optional.empty(); // more than it says it holds: not an entry this build wrote
      }
      return Optional.of(new Entry(referenceDigest, returns));
    } catch (RuntimeException e) {
      // A valid CRC over bytes this build cannot take (an edited file, a bug): a miss, not a
      // failed load.
      return Optional.empty();
    }
  }

  private Path entry(String location) {
    return dir.resolve(name(location));
  }

  private static String name(String location) {
    return LocationDigest.of(location) + SUFFIX;
  }
}
