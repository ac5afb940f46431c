package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.tfwh.returns.model.ReturnFileName;

/**
 * The submissions folder beside the landing folder, and the landing folder itself: where each
 * submission's files and sidecar live, written so that a crash at any instant leaves every
 * submission either whole or absent (docs/submissions.md).
 *
 * <pre>
 *   SUBMISSIONS/sidecars/ID.json   the record of each submission: the commit point of every change
 *   SUBMISSIONS/held/ID.*          accepted, awaiting sign-off
 *   SUBMISSIONS/quarantine/ID.*    rejected: kept for the record, never loaded
 *   SUBMISSIONS/incoming/ID/       an upload being checked; emptied at start
 *   LANDING/ID.*                   signed off: what the load reads
 * </pre>
 *
 * A new submission's files are moved into the hold or the quarantine first and its sidecar written
 * last, so a file without a sidecar is an unfinished submission and is removed at start. A sign-off
 * writes the sidecar first and then moves the files into the landing folder, so a signed-off
 * sidecar whose files are still held is finished at start. Every file is fsynced before it is
 * renamed into place, and its folder after, so a rename survives a power cut. The folders must be
 * on the landing folder's file system (renames are atomic only there); the store checks at start.
 */
public final class SubmissionStore {
  private static final Logger LOG = LoggerFactory.getLogger(SubmissionStore.class);

  /** The sidecars' JSON: snake case, ISO times, unknown fields ignored (a newer writer's). */
  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path landing;
  private final Path root;
  private final Path sidecars;
  private final Path held;
  private final Path quarantine;
  private final Path incoming;
  private final Map<String, SubmissionRecord> records = new ConcurrentHashMap<>();

  /** Opens (creating) the folders and finishes or removes what a crash left half done. */
  public SubmissionStore(Path landing, Path root) {
    this.landing = requireNonNull(landing, "landing").toAbsolutePath().normalize();
    this.root = requireNonNull(root, "root").toAbsolutePath().normalize();
    if (this.root.startsWith(this.landing)) {
      // The load scans the landing folder (not its subfolders), but a folder there is reported.
      throw new IllegalArgumentException(
          "the submissions folder " + root + " must not be inside the landing folder " + landing);
    }
    this.sidecars = this.root.resolve("sidecars");
    this.held = this.root.resolve("held");
    this.quarantine = this.root.resolve("quarantine");
    this.incoming = this.root.resolve("incoming");
    try {
      for (Path dir : List.of(this.landing, sidecars, held, quarantine, incoming)) {
        Files.createDirectories(dir);
      }
      if (!Files.getFileStore(held).equals(Files.getFileStore(this.landing))) {
        throw new IllegalArgumentException(
            "the submissions folder "
                + root
                + " must be on the same file system as the landing folder "
                + landing
                + ", so a signed-off return is moved in with one atomic rename");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the submissions folder " + root, e);
    }
    recover();
  }

  public Path landing() {
    return landing;
  }

  public Path root() {
    return root;
  }

  /** A new, empty folder for an upload being checked. */
  Path newIncoming(String id) {
    try {
      return Files.createDirectory(incoming.resolve(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder for submission " + id, e);
    }
  }

  /** Removes an upload's folder once it is committed or abandoned. */
  void discardIncoming(Path dir) {
    deleteTree(dir);
  }

  /**
   * Commits a checked submission: its files from {@code from} into the hold (accepted) or the
   * quarantine (rejected), then its sidecar.
   */
  void commitNew(SubmissionRecord record, Path from) {
    Path to = record.accepted() ? held : quarantine;
    try {
      for (SubmissionRecord.StoredFile file : record.files()) {
        moveDurably(from.resolve(file.name()), to.resolve(file.name()));
      }
      writeSidecar(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store submission " + record.id(), e);
    }
  }

  /** Records the sign-off, then moves the files into the landing folder. */
  void commitSignOff(SubmissionRecord signed) {
    try {
      writeSidecar(signed);
      land(signed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot land submission " + signed.id(), e);
    }
  }

  public Optional<SubmissionRecord> find(String id) {
    return Optional.ofNullable(records.get(id));
  }

  /** Every submission, oldest first. */
  public List<SubmissionRecord> all() {
    List<SubmissionRecord> all = new ArrayList<>(records.values());
    all.sort(
        Comparator.comparing(SubmissionRecord::receivedAt).thenComparing(SubmissionRecord::id));
    return all;
  }

  public List<SubmissionRecord> ofAuthority(String authority) {
    return all().stream().filter(r -> r.authority().equals(authority)).toList();
  }

  /** Where a submission's file is now. */
  public Path pathOf(SubmissionRecord record, SubmissionRecord.StoredFile file) {
    Path dir =
        switch (record.state()) {
          case REJECTED -> quarantine;
          case AWAITING_SIGN_OFF -> held;
          case SUBMITTED -> landing;
        };
    return dir.resolve(file.name());
  }

  /** The sidecar of a submission: what the load reads beside its landing files. */
  public Path sidecarOf(String id) {
    return sidecars.resolve(id + ".json");
  }

  private void writeSidecar(SubmissionRecord record) throws IOException {
    Path target = sidecarOf(record.id());
    Path temp = sidecars.resolve("." + record.id() + ".json.tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(record)));
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncFolder(sidecars);
    records.put(record.id(), record);
  }

  /** Claims before summary: until the summary arrives the load sees no return (docs). */
  private void land(SubmissionRecord signed) throws IOException {
    List<SubmissionRecord.StoredFile> files = new ArrayList<>(signed.files());
    files.sort(Comparator.comparing(f -> ReturnFileName.Part.CLAIMS.is(f.part()) ? 0 : 1));
    for (SubmissionRecord.StoredFile file : files) {
      Path from = held.resolve(file.name());
      Path to = landing.resolve(file.name());
      if (Files.exists(from)) {
        moveDurably(from, to);
      } else if (!Files.exists(to)) {
        throw new NoSuchFileException(from.toString(), null, "neither held nor landed");
      }
    }
  }

  /** Fsyncs the file, renames it (never over another) and fsyncs both folders. */
  static void moveDurably(Path from, Path to) throws IOException {
    try (FileChannel channel = FileChannel.open(from, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    if (Files.exists(to)) {
      throw new java.nio.file.FileAlreadyExistsException(to.toString());
    }
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    syncFolder(to.getParent());
    syncFolder(from.getParent());
  }

  static void syncFolder(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private void recover() {
    deleteChildren(incoming);
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(sidecars)) {
      for (Path file : listing) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
          Files.delete(file);
        } else if (name.endsWith(".json")) {
          SubmissionRecord record = JSON.readValue(file.toFile(), SubmissionRecord.class);
          records.put(record.id(), record);
        }
      }
      for (Path dir : List.of(held, quarantine)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
          for (Path file : files) {
            if (!belongsToARecord(file, dir)) {
              LOG.warn("removing {}: its submission was never committed", file);
              Files.delete(file);
            }
          }
        }
      }
      for (SubmissionRecord record : records.values()) {
        if (record.state() == SubmissionState.SUBMITTED
            && record.files().stream().anyMatch(f -> Files.exists(held.resolve(f.name())))) {
          LOG.warn("finishing the sign-off of {}: its files were still held", record.id());
          land(record);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover the submissions folder " + root, e);
    }
  }

  private boolean belongsToARecord(Path file, Path dir) {
    String name = file.getFileName().toString();
    return records.values().stream()
        .anyMatch(
            r ->
                (dir.equals(quarantine) ? !r.accepted() : r.accepted())
                    && r.files().stream().anyMatch(f -> f.name().equals(name)));
  }

  private static void deleteChildren(Path dir) {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        deleteTree(child);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + dir, e);
    }
  }

  private static void deleteTree(Path path) {
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
