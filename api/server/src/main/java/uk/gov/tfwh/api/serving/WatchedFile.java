package uk.gov.tfwh.api.serving;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a small file of the warehouse says (a snapshot pointer, the publications log), read again
 * only when the file has changed. A pointer is replaced by renaming a new file over it, so its
 * inode, modification time or size changes with every write; one {@code stat} per request then
 * replaces an open, read and close of each pointer. Because file times may be as coarse as a clock
 * tick, the content is also read again at least once every {@link #MAX_AGE_NANOS}, so even two
 * writes of one size within one tick onto a reused inode are seen within a second.
 *
 * @param <T> what the file is read as
 */
final class WatchedFile<T> {
  static final long MAX_AGE_NANOS = 1_000_000_000L;

  private record Seen<T>(Object fileKey, FileTime modified, long size, long readAt, T value) {}

  private final Path file;
  private final Supplier<T> reader;
  private final T absent;
  private volatile Seen<T> seen;

  /**
   * @param file the file watched
   * @param reader reads it (the warehouse's own reader, so the format stays in one place)
   * @param absent what a missing file stands for
   */
  WatchedFile(Path file, Supplier<T> reader, T absent) {
    this.file = requireNonNull(file, "file");
    this.reader = requireNonNull(reader, "reader");
    this.absent = absent;
  }

  T read() {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      seen = null;
      return absent;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long now = System.nanoTime();
    Seen<T> last = seen;
    if (last != null
        && now - last.readAt() < MAX_AGE_NANOS
        && Objects.equals(last.fileKey(), attributes.fileKey())
        && last.modified().equals(attributes.lastModifiedTime())
        && last.size() == attributes.size()) {
      return last.value();
    }
    // Read after the stat: if the file is replaced in between, the value is newer than the
    // attributes it is kept with, and the next stat sees the change and reads it again.
    T value = reader.get();
    seen =
        new Seen<>(
            attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), now, value);
    return value;
  }
}
