package uk.gov.tfwh.returns.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import uk.gov.tfwh.returns.model.SourceFile;

/**
 * The SHA-256 of landing files, remembered from one load to the next by each file's identity as the
 * file system reports it (inode, size, modification time and change time), as git's index does: a
 * landing folder holds every quarter ever sent, and reading all of it again for each new quarter
 * would make a load slower the longer the programme runs. No tool can set a change time back, so a
 * file rewritten in place, even to the same size and modification time, is read again; so is one
 * replaced by another (a new inode). A file changed within {@link #SETTLING} of the scan may still
 * be being written, so its stamp is not kept and the next load reads it again.
 *
 * <p>Where the file system gives no inode or change time, every file is read every time.
 */
public final class FileChecksums {
  public static final Duration SETTLING = Duration.ofSeconds(2);

  /** A file's identity and its checksum when it had that identity. */
  public record Stamp(
      String name, long inode, long size, long modifiedNanos, long changedNanos, String sha256)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Stamp {
      requireNonNull(name, "name");
      requireNonNull(sha256, "sha256");
    }

    boolean sameFileAs(Stamp other) {
      return name.equals(other.name)
          && inode == other.inode
          && size == other.size
          && modifiedNanos == other.modifiedNanos
          && changedNanos == other.changedNanos;
    }
  }

  private final Map<String, Stamp> earlier = new HashMap<>();
  private final List<Stamp> kept = new ArrayList<>();
  private final Map<String, Stamp> added = new LinkedHashMap<>();
  private final Set<String> keptEarlier = new HashSet<>();
  private final Instant settledBefore;
  private int reused;

  private FileChecksums(Collection<Stamp> earlier, Instant now) {
    earlier.forEach(stamp -> this.earlier.put(stamp.name(), stamp));
    this.settledBefore = now.minus(SETTLING);
  }

  /** Reads every file. */
  public static FileChecksums none() {
    return new FileChecksums(List.of(), Instant.now());
  }

  /** Trusts the checksums of files whose identity is that of an earlier stamp. */
  public static FileChecksums remembering(Collection<Stamp> earlier) {
    return new FileChecksums(earlier, Instant.now());
  }

  /**
   * As {@link #remembering(Collection)}, for files looked at {@code lookedAt}: a file that had
   * changed within {@link #SETTLING} of then is read but its stamp not kept.
   */
  public static FileChecksums remembering(Collection<Stamp> earlier, Instant lookedAt) {
    return new FileChecksums(earlier, lookedAt);
  }

  /** The SHA-256 of a plain file's bytes, read only when its identity is not a remembered one. */
  public String sha256(Path path) throws IOException {
    return sourceFile(path).sha256();
  }

  /**
   * What one look at a landing entry saw: whether it is a plain file and, where the file system
   * gives one, its identity (with no checksum yet). One look per file, taken before the file is
   * read: a landing folder holds every file of the programme, and each look is a system call.
   */
  public record Look(Path path, String name, boolean plainFile, Optional<Stamp> identity) {
    public Look {
      requireNonNull(path, "path");
      requireNonNull(name, "name");
      requireNonNull(identity, "identity");
    }
  }

  /**
   * Looks at {@code path} once (not following a link). An entry gone since it was listed is no
   * plain file, as {@link Files#isRegularFile} would say.
   */
  public static Look look(Path path) {
    String name = path.getFileName().toString();
    try {
      Map<String, Object> attributes =
          Files.readAttributes(
              path,
              "unix:ino,size,lastModifiedTime,ctime,isRegularFile",
              LinkOption.NOFOLLOW_LINKS);
      return new Look(
          path,
          name,
          (Boolean) attributes.get("isRegularFile"),
          Optional.of(
              new Stamp(
                  name,
                  (Long) attributes.get("ino"),
                  (Long) attributes.get("size"),
                  nanos(attributes.get("lastModifiedTime")),
                  nanos(attributes.get("ctime")),
                  "")));
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return new Look(
          path, name, Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS), Optional.empty());
    } catch (IOException e) {
      return new Look(path, name, false, Optional.empty());
    }
  }

  /**
   * A plain file's name, size and SHA-256, its bytes read only when its identity is not a
   * remembered one (the size comes from the same look at the file as its identity).
   */
  public SourceFile sourceFile(Path path) throws IOException {
    return sourceFile(look(path));
  }

  /**
   * As {@link #sourceFile(Path)}, from a look already taken: a file that changed after the look was
   * read with its old identity, so the next load, seeing a new change time, reads it again.
   */
  public SourceFile sourceFile(Look look) throws IOException {
    String name = look.name();
    Optional<Stamp> identity = look.identity();
    if (identity.isPresent()) {
      Stamp before = earlier.get(name);
      if (before != null && before.sameFileAs(identity.get())) {
        reused++;
        keptEarlier.add(name);
        kept.add(before);
        return new SourceFile(name, before.size(), before.sha256());
      }
    }
    String sha256 = read(look.path());
    identity
        .filter(stamp -> Instant.ofEpochSecond(0, stamp.changedNanos()).isBefore(settledBefore))
        .ifPresent(
            stamp -> {
              Stamp read =
                  new Stamp(
                      name,
                      stamp.inode(),
                      stamp.size(),
                      stamp.modifiedNanos(),
                      stamp.changedNanos(),
                      sha256);
              kept.add(read);
              added.put(name, read);
            });
    long size = identity.isPresent() ? identity.get().size() : Files.size(look.path());
    return new SourceFile(name, size, sha256);
  }

  /** The stamps to remember for the next load: every settled file this scan saw. */
  public List<Stamp> stamps() {
    return List.copyOf(kept);
  }

  /**
   * The stamps this scan added to the earlier ones, when it kept every earlier one: then the stamps
   * to remember are the earlier ones and these, and a store that keeps the earlier ones need only
   * add these (a new quarter adds a few hundred files to a landing folder of thousands). Empty when
   * there were no earlier stamps or one of them was not kept (its file changed, went or had just
   * changed): then only {@link #stamps()} says what to remember.
   */
  public Optional<List<Stamp>> addedToEarlier() {
    if (earlier.isEmpty() || !keptEarlier.equals(earlier.keySet())) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(added.values()));
  }

  /** How many checksums were taken from earlier stamps rather than read. */
  public int reused() {
    return reused;
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }

  private static String read(Path path) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
