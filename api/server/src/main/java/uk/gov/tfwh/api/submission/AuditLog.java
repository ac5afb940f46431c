package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log of the submission service, in the warehouse folder ({@code
 * audit/submissions.log}): one JSON object a line for every submission, rejection, refusal,
 * sign-off and action on an authority's behalf. Lines are only ever appended (the file is opened
 * for appending only) and each is on disk before the caller is answered.
 */
public final class AuditLog {
  /** What happened. */
  public enum Action {
    /** Accepted by the rules; awaits sign-off. */
    ACCEPTED,
    /** Rejected by the rules or the service's checks, quarantined. */
    REJECTED,
    /** Refused before it was checked (another upload of the authority was being checked). */
    REFUSED,
    /** Signed off by the SRO: moved into the landing folder. */
    SIGNED_OFF,
    /** A sign-off that was not allowed (not an SRO, not awaiting sign-off, not confirmed). */
    SIGN_OFF_REFUSED
  }

  /**
   * One line.
   *
   * @param checksum the SHA-256 of the return's main file, when there is one
   */
  public record Entry(
      Instant at,
      String who,
      String role,
      Action action,
      String authority,
      boolean onBehalf,
      String submission,
      String checksum,
      String detail) {
    public Entry {
      requireNonNull(at, "at");
      requireNonNull(who, "who");
      requireNonNull(action, "action");
    }
  }

  private static final ObjectMapper LINE =
      SubmissionStore.JSON.copy().disable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  public AuditLog(Path warehouse) {
    this.file = requireNonNull(warehouse, "warehouse").resolve("audit").resolve("submissions.log");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the audit folder " + file.getParent(), e);
    }
  }

  public Path path() {
    return file;
  }

  public synchronized void append(Entry entry) {
    byte[] line;
    try {
      line = (LINE.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit entry is always JSON", e);
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the audit log " + file, e);
    }
  }

  /** Every entry, oldest first; a line a crash cut short is skipped. */
  public synchronized List<Entry> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          entries.add(LINE.readValue(line, Entry.class));
        } catch (JsonProcessingException e) {
          // a torn last line: its action was never answered, so nothing is lost by skipping it
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + file, e);
    }
    return entries;
  }
}
