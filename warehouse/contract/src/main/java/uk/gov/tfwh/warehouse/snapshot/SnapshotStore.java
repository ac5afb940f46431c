package uk.gov.tfwh.warehouse.snapshot;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * The warehouse folder: immutable snapshots and the two pointers that say which one is current
 * (latest committed, pre-release until published) and which one is published.
 *
 * <pre>
 * warehouse/
 *   snapshots/&lt;id&gt;/manifest.json, tables/&lt;table&gt;/..., load-report.json
 *   snapshots/.staging-&lt;id&gt;/      a load in progress: never read
 *   CURRENT                        id of the latest committed snapshot
 *   PUBLISHED                      id of the snapshot the public sees
 *   publications.log               one line per publication: time and id
 *   .lock                          the lock a load or publish holds ({@link WarehouseLock})
 * </pre>
 *
 * Every change of state is a rename on one file system, so a reader sees the old state or the new
 * one and a killed process leaves the last committed state intact. Every change is made under the
 * warehouse's lock, so two loads (or a load and a publish) never interleave.
 */
public final class SnapshotStore implements WarehouseReleases {
  private static final String SNAPSHOTS = "snapshots";
  private static final String STAGING_PREFIX = ".staging-";
  private static final String MANIFEST = "manifest.json";
  private static final String CURRENT = "CURRENT";
  private static final String PUBLISHED = "PUBLISHED";
  private static final String PUBLICATIONS = "publications.log";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Path root;

  public SnapshotStore(Path root) {
    this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The warehouse folder. */
  @Override
  public String location() {
    return root.toString();
  }

  /**
   * What the three files that change on a commit or a publication ({@link #currentPointerFile},
   * {@link #publishedPointerFile}, {@link #publicationsLogFile}) look like to {@code stat}: file
   * key (inode), modification time and size, or absent. A pointer is replaced by renaming a new
   * file over it while the old one still exists, so its file key changes with every write, and the
   * log grows with every publication; the token costs three {@code stat}s and no reads. Where the
   * file system has no file keys and coarse file times, two writes of one size within one clock
   * tick may leave it unchanged, so a watcher should also read again now and then.
   */
  @Override
  public ChangeToken changeToken() {
    StringBuilder token = new StringBuilder();
    for (Path file : List.of(currentPointerFile(), publishedPointerFile(), publicationsLogFile())) {
      token.append(file.getFileName()).append('=');
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        token
            .append(attributes.fileKey())
            .append('/')
            .append(attributes.lastModifiedTime().toInstant())
            .append('/')
            .append(attributes.size());
      } catch (NoSuchFileException e) {
        token.append('-');
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the attributes of " + file, e);
      }
      token.append(';');
    }
    return new ChangeToken(token.toString());
  }

  /**
   * The files that change when a load commits or a snapshot is published, for readers that only
   * read the pointers again when one of them has changed.
   */
  public Path currentPointerFile() {
    return root.resolve(CURRENT);
  }

  public Path publishedPointerFile() {
    return root.resolve(PUBLISHED);
  }

  public Path publicationsLogFile() {
    return root.resolve(PUBLICATIONS);
  }

  /** A new snapshot id: the time, so ids sort in load order, and a short digest of the inputs. */
  public static String newSnapshotId(Instant now, String inputsDigest) {
    return ID_TIME.format(now)
        + "-"
        + inputsDigest.substring(0, Math.min(8, inputsDigest.length()));
  }

  /**
   * Takes the warehouse's lock ({@link WarehouseLock}) for an operation made of several changes (a
   * load, a publish with retention): pass it to the methods below that take one. Throws {@link
   * WarehouseBusyException} at once when another load or publish holds it.
   */
  public WarehouseLock lock(String purpose) {
    return WarehouseLock.acquire(root, purpose);
  }

  /**
   * Starts a snapshot in a staging folder under the warehouse's lock, taken here and released by
   * {@link #commit} or {@link #abort}; removes what earlier, killed loads left behind (under the
   * lock no other load can be staging).
   */
  public StagedSnapshot stage(String id) {
    WarehouseLock own = lock("load");
    try {
      return stage(id, own, true);
    } catch (RuntimeException e) {
      own.close();
      throw e;
    }
  }

  /** As {@link #stage(String)}, under a lock the caller holds (and keeps after the commit). */
  public StagedSnapshot stage(String id, WarehouseLock held) {
    return stage(id, requireHeld(held), false);
  }

  private StagedSnapshot stage(String id, WarehouseLock lock, boolean ownLock) {
    try {
      Files.createDirectories(snapshotsDir());
      discardAbandonedStaging();
      Path staging = snapshotsDir().resolve(STAGING_PREFIX + id);
      Files.createDirectory(staging);
      return new StagedSnapshot(id, staging, ownLock ? lock : null);
    } catch (IOException e) {
      throw new SnapshotException("cannot create a staging folder in " + snapshotsDir(), e);
    }
  }

  /**
   * Makes a staged snapshot committed and current: writes its manifest, moves the folder into
   * place, then swaps the CURRENT pointer. Until the pointer swap the previous snapshot stays
   * current. The snapshot commits only onto its parent: when CURRENT no longer names {@link
   * SnapshotManifest#parentId()} (a writer that did not take the lock moved it), nothing changes
   * and a {@link SnapshotException} says so, so CURRENT never goes back to a snapshot that misses a
   * newer one's returns.
   */
  public SnapshotManifest commit(StagedSnapshot staged, SnapshotManifest manifest) {
    try {
      return commitUnderLock(staged, manifest);
    } finally {
      staged.releaseOwnLock();
    }
  }

  private SnapshotManifest commitUnderLock(StagedSnapshot staged, SnapshotManifest manifest) {
    if (!staged.id().equals(manifest.id())) {
      throw new IllegalArgumentException("manifest id does not match the staged snapshot");
    }
    Optional<String> current = readPointer(CURRENT);
    if (!current.equals(Optional.ofNullable(manifest.parentId()))) {
      deleteTree(staged.directory());
      throw new SnapshotException(
          "snapshot "
              + manifest.id()
              + " was built on "
              + Optional.ofNullable(manifest.parentId()).orElse("an empty warehouse")
              + " but the current snapshot is now "
              + current.orElse("none")
              + ": it is not committed; load again");
    }
    Path target = snapshotDir(manifest.id());
    try {
      writeDurably(
          staged.directory().resolve(MANIFEST),
          ManifestJson.write(manifest).getBytes(StandardCharsets.UTF_8));
      syncTree(staged.directory());
      Files.move(staged.directory(), target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(snapshotsDir());
      writePointer(CURRENT, manifest.id());
      return manifest;
    } catch (IOException e) {
      throw new SnapshotException("cannot commit snapshot " + manifest.id(), e);
    }
  }

  /** Abandons a staged snapshot, as a failed load does. */
  public void abort(StagedSnapshot staged) {
    try {
      deleteTree(staged.directory());
    } finally {
      staged.releaseOwnLock();
    }
  }

  /** Id of the latest committed snapshot, read from the pointer alone (cheap: no manifest). */
  @Override
  public Optional<String> currentId() {
    return readPointer(CURRENT);
  }

  /** Id of the published snapshot, read from the pointer alone (cheap: no manifest). */
  @Override
  public Optional<String> publishedId() {
    return readPointer(PUBLISHED);
  }

  /** Releases a committed snapshot to the public, under the warehouse's lock. */
  public void publish(String id) {
    try (WarehouseLock lock = lock("publish")) {
      publish(id, lock);
    }
  }

  /** As {@link #publish(String)}, under a lock the caller holds. */
  public void publish(String id, WarehouseLock held) {
    requireHeld(held);
    SnapshotManifest manifest = manifest(id);
    try {
      Path log = root.resolve(PUBLICATIONS);
      String line = Instant.now() + " " + manifest.id() + System.lineSeparator();
      Files.writeString(
          log,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
      writePointer(PUBLISHED, manifest.id());
    } catch (IOException e) {
      throw new SnapshotException("cannot publish snapshot " + id, e);
    }
  }

  /** Every line of the publication log, oldest first (a snapshot published twice appears twice). */
  @Override
  public List<Publication> publications() {
    Path log = root.resolve(PUBLICATIONS);
    if (!Files.exists(log)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines
          .map(String::trim)
          .filter(line -> !line.isEmpty())
          .map(
              line -> new Publication(publicationTime(line), line.substring(line.indexOf(' ') + 1)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the publication log " + log, e);
    }
  }

  private static Instant publicationTime(String line) {
    try {
      return Instant.parse(line.substring(0, Math.max(0, line.indexOf(' '))));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** Every committed snapshot, oldest first. */
  @Override
  public List<SnapshotManifest> list() {
    return committedIds().stream().map(this::manifest).toList();
  }

  @Override
  public SnapshotManifest manifest(String id) {
    Path file = snapshotDir(id).resolve(MANIFEST);
    try {
      return ManifestJson.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new SnapshotException("snapshot " + id + " has no readable manifest at " + file, e);
    }
  }

  /** Whether a committed snapshot with this id exists (a well-formed id with a manifest). */
  @Override
  public boolean isCommitted(String id) {
    return id.matches("[A-Za-z0-9_-]+") && Files.isRegularFile(snapshotDir(id).resolve(MANIFEST));
  }

  public Path snapshotDir(String id) {
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("not a snapshot id: " + id);
    }
    return snapshotsDir().resolve(id);
  }

  /**
   * Deletes the oldest committed snapshots beyond {@code keep}, never the current or any published
   * one. Returns the ids deleted.
   */
  public List<String> retain(int keep) {
    try (WarehouseLock lock = lock("retention")) {
      return retain(keep, lock);
    }
  }

  /** As {@link #retain(int)}, under a lock the caller holds. */
  public List<String> retain(int keep, WarehouseLock held) {
    requireHeld(held);
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one snapshot");
    }
    List<String> all = committedIds();
    Set<String> protectedIds = new LinkedHashSet<>(publishedIds());
    readPointer(CURRENT).ifPresent(protectedIds::add);
    readPointer(PUBLISHED).ifPresent(protectedIds::add);
    List<String> deleted = new ArrayList<>();
    int excess = all.size() - keep;
    for (String id : all) {
      if (excess <= 0) {
        break;
      }
      if (protectedIds.contains(id)) {
        continue;
      }
      deleteTree(snapshotDir(id));
      deleted.add(id);
      excess--;
    }
    return deleted;
  }

  /**
   * Ids of the committed snapshots, oldest first, from their folders alone: a manifest lists every
   * landing file, so parsing one per retained snapshot on each load would grow with the history.
   */
  private List<String> committedIds() {
    if (!Files.isDirectory(snapshotsDir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(snapshotsDir())) {
      return dirs.map(dir -> dir.getFileName().toString())
          .filter(this::isCommitted)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the snapshots in " + snapshotsDir(), e);
    }
  }

  private WarehouseLock requireHeld(WarehouseLock held) {
    requireNonNull(held, "held");
    if (!held.isHeld() || !held.file().equals(root.resolve(WarehouseLock.FILE_NAME))) {
      throw new IllegalStateException("the lock " + held.file() + " is not held on " + root);
    }
    return held;
  }

  private void discardAbandonedStaging() throws IOException {
    try (Stream<Path> dirs = Files.list(snapshotsDir())) {
      for (Path dir :
          dirs.filter(d -> d.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
        deleteTree(dir);
      }
    }
  }

  private Path snapshotsDir() {
    return root.resolve(SNAPSHOTS);
  }

  private Optional<String> readPointer(String name) {
    try {
      String id = Files.readString(root.resolve(name), StandardCharsets.UTF_8).trim();
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the snapshot pointer " + root.resolve(name), e);
    }
  }

  private void writePointer(String name, String id) throws IOException {
    Path temp = root.resolve("." + name + ".tmp-" + ProcessHandle.current().pid());
    writeDurably(temp, (id + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      Files.move(
          temp,
          root.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new SnapshotException("the warehouse file system cannot rename atomically: " + root, e);
    }
    syncDirectory(root);
  }

  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(bytes));
      channel.force(true);
    }
  }

  private static void syncTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
              channel.force(true);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            syncDirectory(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void syncDirectory(Path dir) {
    // Makes a rename durable; some file systems refuse to open a directory, which is harmless.
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // best effort
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
