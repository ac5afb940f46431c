package uk.gov.tfwh.etl.state;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import uk.gov.tfwh.warehouse.iceberg.files.LocationDigest;

/**
 * What one data file of a state table holds, decoded once and kept on the driver's disk in a plain
 * binary form, so the next load reads it without a Parquet reader (docs/load-state.md, "The
 * driver's decoded caches"). Not the state: the tables are, and every miss, damaged entry or entry
 * of another version is read from them.
 *
 * <p>An entry is named by the SHA-256 of its data file's location. Iceberg data files are immutable
 * and uniquely named, so an entry is right for as long as its file is part of a release, as the
 * embedded engine's {@code ReleaseFileCache} is. An entry holds its form's magic and version,
 * {@link StateFormat#VERSION}, that location, the value, and a CRC-32 of all of it; it is written
 * to a temporary file and renamed into place, so a killed writer leaves no half entry under an
 * entry's name.
 *
 * @param <T> what an entry holds
 */
final class DecodedFileCache<T> {
  private static final String PARTIAL = ".partial";

  /**
   * How one kind of entry is written and read back. Change {@link #version()} whenever the bytes
   * {@link #write} makes change: an entry of another version is a miss.
   */
  interface Form<T> {
    /** Eight bytes naming the kind of entry. */
    byte[] magic();

    int version();

    void write(DataOutputStream out, T value) throws IOException;

    /** The value back; throws on bytes it cannot take, which is a miss. */
    T read(ByteBuffer in);
  }

  private final Path dir;
  private final String suffix;
  private final Form<T> form;

  /**
   * @param dir the cache's folder, which holds nothing else: {@link #keepOnly} empties it of every
   *     other file
   * @param suffix the end of every entry's name
   */
  DecodedFileCache(Path dir, String suffix, Form<T> form) {
    this.dir = requireNonNull(dir, "dir").toAbsolutePath().normalize();
    this.suffix = requireNonNull(suffix, "suffix");
    this.form = requireNonNull(form, "form");
    if (form.magic().length != 8) {
      throw new IllegalArgumentException("a form's magic is eight bytes");
    }
  }

  /**
   * A data file's value as it was put, or empty when not cached or not usable. An entry that is
   * there but not usable (damaged, or of another version) is removed, so the next load that writes
   * the cache puts it again.
   */
  Optional<T> get(String location) {
    Path entry = entry(location);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(entry);
    } catch (IOException e) {
      return Optional.empty(); // not there (NoSuchFileException) or not readable: a miss
    }
    Optional<T> decoded = decode(form, location, bytes);
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
   * Keeps a data file's value. A cache that cannot be written (a full or read-only disk) is no
   * reason to fail a load: the next one reads the tables.
   *
   * @return whether the entry was written
   */
  boolean put(String location, T value) {
    Path target = entry(location);
    Path partial = dir.resolve(UUID.randomUUID() + PARTIAL);
    try {
      Files.createDirectories(dir);
      // Streamed, not built in memory first: at scale 10 a full load's returns are 77 MB.
      try (OutputStream file = Files.newOutputStream(partial)) {
        encode(form, file, location, value);
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
  boolean has(String location) {
    return Files.isRegularFile(entry(location));
  }

  /**
   * Removes every entry but those of these data files, and what killed writers left: only the
   * current release's files are ever read again.
   */
  void keepOnly(Set<String> locations) {
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

  /** An entry's bytes, as {@link #put} writes them. */
  static <T> byte[] encode(Form<T> form, String location, T value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    encode(form, bytes, location, value);
    return bytes.toByteArray();
  }

  /** The entry's bytes, then a CRC-32 of them. */
  private static <T> void encode(Form<T> form, OutputStream sink, String location, T value)
      throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(sink, new CRC32());
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
    out.write(form.magic());
    out.writeInt(form.version());
    out.writeInt(StateFormat.VERSION);
    ReturnReadBinary.text(out, location);
    form.write(out, value);
    out.flush();
    new DataOutputStream(sink).writeLong(checked.getChecksum().getValue());
  }

  /** The value of an entry's bytes, or empty when they are not an entry of this form and file. */
  static <T> Optional<T> decode(Form<T> form, String location, byte[] bytes) {
    byte[] magic = form.magic();
    int body = bytes.length - Long.BYTES;
    if (body < magic.length || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
      return Optional.empty();
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, body);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, body);
    if (ByteBuffer.wrap(bytes).getLong(body) != crc.getValue()) {
      return Optional.empty();
    }
    try {
      in.position(magic.length);
      if (in.getInt() != form.version()
          || in.getInt() != StateFormat.VERSION
          || !location.equals(ReturnReadBinary.text(in))) {
        return Optional.empty();
      }
      T value = form.read(in);
      if (in.hasRemaining()) {
        return Optional.empty(); // more than it says it holds: not an entry this build wrote
      }
      return Optional.of(value);
    } catch (RuntimeException e) {
      // A valid CRC over bytes this build cannot take (an edited file, a bug): a miss, not a
      // failed load.
      return Optional.empty();
    }
  }

  private Path entry(String location) {
    return dir.resolve(name(location));
  }

  private String name(String location) {
    return LocationDigest.of(location) + suffix;
  }
}
