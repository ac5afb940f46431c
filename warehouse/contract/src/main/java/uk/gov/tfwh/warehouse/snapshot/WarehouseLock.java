package uk.gov.tfwh.warehouse.snapshot;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of a warehouse at a time: a load and a publish each hold this lock for as long as
 * they change the warehouse, so a second one is refused with a message naming the holder instead of
 * deleting the first one's staging folder or moving {@code CURRENT} under it.
 *
 * <p>It is an operating-system lock on {@code warehouse/.lock} ({@link FileChannel#tryLock()}), not
 * the file's existence, so the kernel releases it when the holding process dies however it dies
 * (SIGKILL included): a crashed load never leaves the warehouse locked. The file's text (purpose,
 * process id, start time) is only there to say who holds it.
 */
public final class WarehouseLock implements AutoCloseable {
  static final String FILE_NAME = ".lock";

  /**
   * The holders of the locks this process holds, by lock file. Opening and closing the lock file
   * again in the holding process (to read who holds it) would release the process's lock: POSIX
   * record locks belong to the process and go with the first close of any descriptor of the file.
   */
  private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final String holder;

  private WarehouseLock(Path file, FileChannel channel, FileLock lock, String holder) {
    this.file = requireNonNull(file, "file");
    this.channel = requireNonNull(channel, "channel");
    this.lock = requireNonNull(lock, "lock");
    this.holder = requireNonNull(holder, "holder");
  }

  /**
   * Takes the lock of the warehouse at {@code root} (creating the folder if need be) or throws
   * {@link WarehouseBusyException} at once when another load or publish holds it, in this process
   * or another.
   *
   * @param purpose what the holder does ("load", "publish"), shown to whoever is refused
   */
  public static WarehouseLock acquire(Path root, String purpose) {
    return acquire(root, purpose, Clock.systemUTC());
  }

  static WarehouseLock acquire(Path root, String purpose, Clock clock) {
    requireNonNull(purpose, "purpose");
    Path file = root.resolve(FILE_NAME).toAbsolutePath().normalize();
    String heldHere = HELD_HERE.get(file);
    if (heldHere != null) {
      throw new WarehouseBusyException(root, heldHere);
    }
    FileChannel channel;
    try {
      Files.createDirectories(root);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw cannotOpen(root, file, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // held by this very process, through another channel: reading the file would release it
      closeQuietly(channel);
      throw new WarehouseBusyException(
          root, HELD_HERE.getOrDefault(file, "another load or publish of this process"));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new SnapshotException("cannot take the warehouse lock " + file, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new WarehouseBusyException(root, holder(file));
    }
    String holder =
        purpose
            + " (process "
            + ProcessHandle.current().pid()
            + ", since "
            + Instant.now(clock)
            + ")";
    HELD_HERE.put(file, holder);
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      // Only the description of the holder is lost; the lock itself is held.
    }
    return new WarehouseLock(file, channel, lock, holder);
  }

  /** Who holds it, as the lock file says and a refused writer is told. */
  public String holder() {
    return holder;
  }

  /** Whether this process still holds the lock (false once closed). */
  public boolean isHeld() {
    return lock.isValid();
  }

  /** The file the lock is taken on. */
  public Path file() {
    return file;
  }

  @Override
  public void close() {
    HELD_HERE.remove(file, holder);
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it too.
    }
    closeQuietly(channel);
  }

  /**
   * The holder the file names. The holder takes the lock before it writes its name, so a writer
   * refused in between reads an empty file (two loads started together did): it reads again for a
   * moment before it gives up naming the holder.
   */
  private static String holder(Path file) {
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!text.isEmpty()) {
          return text;
        }
        Thread.sleep(10);
      } catch (IOException e) {
        return "another load or publish";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return "another load or publish";
  }

  /** Why the lock file could not be opened, in words a user can act on. */
  private static SnapshotException cannotOpen(Path root, Path file, IOException e) {
    for (Path path = root.toAbsolutePath().normalize(); path != null; path = path.getParent()) {
      if (Files.exists(path)) {
        if (!Files.isDirectory(path)) {
          return new SnapshotException(
              "the warehouse must be a folder, and "
                  + path
                  + " is a file: give the warehouse folder, or a new one to make",
              e);
        }
        break;
      }
    }
    String reason =
        e instanceof AccessDeniedException denied
            ? "no permission to write " + denied.getFile()
            : e.toString();
    return new SnapshotException("cannot open the warehouse lock " + file + ": " + reason, e);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing held any more
    }
  }
}
