package uk.gov.tfwh.api.user;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.access.Role;

/**
 * The users file: one user a line, tab-separated {@code name role authority sha256 created} ({@code
 * -} for no authority), and an optional sixth field {@code sro} for a coordinator who signs off
 * their authority's returns (files written before it existed stay valid), {@code #} comments.
 * Written whole to a temporary file and renamed, so a reader never sees half a file; readable by
 * its owner only.
 */
public final class UsersFile {
  private static final String HEADER =
      "# tfwh API users (./tfwh users). Tokens are not stored, only their SHA-256.\n"
          + "# name\trole\tauthority\ttoken_sha256\tcreated\t[sro]\n";

  private final Path file;

  public UsersFile(Path file) {
    this.file = requireNonNull(file, "file");
  }

  public Path path() {
    return file;
  }

  /**
   * Every user in the file (none when it does not exist). A malformed line is an error naming the
   * file, the line and what is wrong.
   */
  public List<ApiUser> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the users file " + file, e);
    }
    List<ApiUser> users = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      try {
        if (fields.length != 5 && fields.length != 6) {
          throw new IllegalArgumentException(
              "expected 5 tab-separated fields (and an optional sixth, sro), found "
                  + fields.length);
        }
        if (fields.length == 6 && !fields[5].equals("sro") && !fields[5].equals("-")) {
          throw new IllegalArgumentException(
              "the sixth field is sro (signs off the authority's returns) or -, not '"
                  + fields[5]
                  + "'");
        }
        ApiUser user =
            new ApiUser(
                fields[0],
                Role.of(fields[1]),
                fields[2].equals("-") ? null : fields[2],
                fields[3],
                Instant.parse(fields[4]),
                fields.length == 6 && fields[5].equals("sro"));
        if (users.stream().anyMatch(u -> u.name().equals(user.name()))) {
          throw new IllegalArgumentException("user " + user.name() + " appears twice");
        }
        users.add(user);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(users);
  }

  /** Replaces the file's users with these. */
  public void write(List<ApiUser> users) {
    StringBuilder text = new StringBuilder(HEADER);
    for (ApiUser u : users) {
      text.append(u.name())
          .append('\t')
          .append(u.role().name())
          .append('\t')
          .append(u.authority() == null ? "-" : u.authority())
          .append('\t')
          .append(u.tokenHash())
          .append('\t')
          .append(u.created())
          .append(u.signsOff() ? "\tsro" : "")
          .append('\n');
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".users", ".tmp");
      try {
        trySetOwnerOnly(temp);
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the users file " + file, e);
    }
  }

  private static void trySetOwnerOnly(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own permissions must protect the file.
    }
  }
}
