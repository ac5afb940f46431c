package uk.gov.tfwh.warehouse.iceberg.files;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.SeekableInputStream;
import uk.gov.tfwh.warehouse.iceberg.catalog.CacheSettings;

/**
 * The embedded engine's local copy of the data files of {@code s3://} releases (DuckDB reads only
 * local files here; docs/design/iceberg.md, section 5.10): each file at {@code
 * <cache>/<sha256(location)>.parquet}, copied through the table's file IO into a temporary file and
 * renamed into place, so a reader never sees half a file.
 *
 * <p>Iceberg data files are immutable and uniquely named, so a cached file is always right and is
 * never copied again: a release sharing files with an older one copies only its new files.
 *
 * <p>Each open release holds a {@link Pin} on its files. When the folder grows over its size limit,
 * {@link #evict()} removes the files least recently used first, but never one a pin holds. Pins
 * live in this JVM: one process (the API, or a command's embedded engine) evicts a cache folder,
 * which {@link #shared(CacheSettings)} gives to every catalog of the process.
 */
public final class ReleaseFileCache {
  private static final String SUFFIX = ".parquet";
  private static final String PARTIAL = ".partial";

  /** A copy left by a killed process is removed after this long. */
  private static final Duration ABANDONED = Duration.ofHours(1);

  private static final Map<Path, ReleaseFileCache> SHARED = new ConcurrentHashMap<>();

  private final Path dir;
  private final long maxBytes;
  private final Map<Path, Integer> holds = new HashMap<>();
  private final AtomicLong copies = new AtomicLong();

  public ReleaseFileCache(Path dir, long maxBytes) {
    this.dir = requireNonNull(dir, "dir").toAbsolutePath().normalize();
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("a cache's size limit must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * The cache of this folder in this JVM: one per folder, so eviction knows every pin (with the
   * size limit of the first settings that named the folder).
   */
  public static ReleaseFileCache shared(CacheSettings settings) {
    requireNonNull(settings, "settings");
    return SHARED.computeIfAbsent(
        settings.dir(), dir -> new ReleaseFileCache(dir, settings.maxBytes()));
  }

  /** The name of a location's copy: its SHA-256, so any location maps to one safe file name. */
  public static String fileName(String location) {
    return LocationDigest.of(location) + SUFFIX;
  }

  /** A new hold on the files of one release, for as long as the release is open. */
  public Pin pin(String releaseId) {
    return new Pin(requireNonNull(releaseId, "releaseId"));
  }

  public Path dir() {
    return dir;
  }

  /** How many files this cache has copied since it was made (a file already there is not). */
  public long copies() {
    return copies.get();
  }

  /** The cached files' total size. */
  public long sizeBytes() {
    return cached().stream().mapToLong(CachedFile::size).sum();
  }

  /** The cached files, by name. */
  public List<Path> files() {
    return cached().stream().map(CachedFile::path).sorted().toList();
  }

  /**
   * Removes cached files no pin holds, least recently used first, until the cache is within its
   * limit (or only held files are left), and copies abandoned by a killed process.
   *
   * @return the bytes removed
   */
  public synchronized long evict() {
    removeAbandonedCopies();
    List<CachedFile> files = cached();
    long total = files.stream().mapToLong(CachedFile::size).sum();
    long removed = 0;
    List<CachedFile> oldestFirst = new ArrayList<>(files);
    oldestFirst.sort(Comparator.comparing(CachedFile::lastUsed));
    for (CachedFile file : oldestFirst) {
      if (total - removed <= maxBytes) {
        break;
      }
      if (!holds.containsKey(file.path())) {
        delete(file.path());
        removed += file.size();
      }
    }
    return removed;
  }

  private synchronized void hold(Path file) {
    holds.merge(file, 1, Integer::sum);
  }

  private synchronized void release(Set<Path> files) {
    for (Path file : files) {
      holds.computeIfPresent(file, (f, count) -> count == 1 ? null : count - 1);
    }
  }

  /** The local copy of a file, copied now unless it is already here (complete). */
  private Path local(FileIO io, String location, long sizeBytes) {
    Path target = dir.resolve(fileName(location));
    try {
      if (Files.isRegularFile(target) && Files.size(target) == sizeBytes) {
        Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
        return target;
      }
    } catch (NoSuchFileException evictedMeanwhile) {
      // copied again below
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cached copy " + target, e);
    }
    copy(io, location, sizeBytes, target);
    return target;
  }

  private void copy(FileIO io, String location, long sizeBytes, Path target) {
    Path partial = dir.resolve(target.getFileName() + "." + UUID.randomUUID() + PARTIAL);
    try {
      Files.createDirectories(dir);
      try (SeekableInputStream in = io.newInputFile(location, sizeBytes).newStream()) {
        Files.copy(in, partial);
      }
      long copied = Files.size(partial);
      if (copied != sizeBytes) {
        throw new IOException(
            "copied " + copied + " bytes of " + location + ", whose size is " + sizeBytes);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      copies.incrementAndGet();
    } catch (IOException e) {
      delete(partial);
      throw new UncheckedIOException("cannot copy " + location + " into the cache " + dir, e);
    } catch (RuntimeException e) {
      delete(partial);
      throw e;
    }
  }

  private void removeAbandonedCopies() {
    Instant before = Instant.now().minus(ABANDONED);
    for (Path file : list("*" + PARTIAL)) {
      try {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          delete(file);
        }
      } catch (IOException gone) {
        // finished or removed meanwhile
      }
    }
  }

  private List<CachedFile> cached() {
    List<CachedFile> files = new ArrayList<>();
    for (Path file : list("*" + SUFFIX)) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        files.add(
            new CachedFile(file, attributes.size(), attributes.lastModifiedTime().toInstant()));
      } catch (NoSuchFileException gone) {
        // evicted meanwhile
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the cached file " + file, e);
      }
    }
    return files;
  }

  private List<Path> list(String glob) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the cache " + dir, e);
    }
    return files;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file + " from the cache", e);
    }
  }

  @Override
  public String toString() {
    return "release file cache " + dir;
  }

  private record CachedFile(Path path, long size, Instant lastUsed) {}

  /**
   * The files of one open release: held from before they are copied until the release closes, so
   * eviction never removes a file a reader may still open.
   */
  public final class Pin implements AutoCloseable {
    private final String releaseId;
    private final Set<Path> files = new LinkedHashSet<>();
    private boolean closed;

    private Pin(String releaseId) {
      this.releaseId = releaseId;
    }

    /**
     * The local copy of one of the release's data files, read through the table's file IO.
     *
     * @param sizeBytes the file's size as Iceberg's metadata records it; a copy of another size is
     *     refused
     */
    public Path local(FileIO io, String location, long sizeBytes) {
      requireNonNull(io, "io");
      requireNonNull(location, "location");
      Path target = dir.resolve(fileName(location));
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the pin on release " + releaseId + " is closed");
        }
        if (files.add(target)) {
          hold(target);
        }
      }
      return ReleaseFileCache.this.local(io, location, sizeBytes);
    }

    /** The cached files it holds. */
    public synchronized Set<Path> files() {
      return Set.copyOf(files);
    }

    public String releaseId() {
      return releaseId;
    }

    /** Lets the release's files go, and evicts if the cache is over its limit. */
    @Override
    public void close() {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
      }
      release(files);
      evict();
    }
  }
}
