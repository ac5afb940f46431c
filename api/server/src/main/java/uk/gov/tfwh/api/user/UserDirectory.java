package uk.gov.tfwh.api.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.config.ApiProperties;

/**
 * The users the running service knows, from the users file. The file is read again when it changes,
 * so {@code ./tfwh users add} and {@code revoke} take effect without a restart; a file that has
 * become malformed keeps the last good list (and says so in the log).
 */
@Component
public class UserDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

  private final UsersFile file;
  private volatile Loaded loaded = new Loaded(null, -1, List.of());

  private record Loaded(FileTime modified, long size, List<ApiUser> users) {}

  public UserDirectory(ApiProperties properties) {
    this.file = properties.users() == null ? null : new UsersFile(properties.users());
    if (file != null) {
      loaded = new Loaded(modified(file.path()), size(file.path()), file.read());
    }
  }

  /**
   * The user whose token this is. The token is hashed once and every user's hash compared, in
   * constant time each, without stopping at a match.
   */
  public Optional<Viewer> authenticate(String token) {
    return authenticatedUser(token).map(ApiUser::viewer);
  }

  /** The user whose token this is, checked as {@link #authenticate} does. */
  public Optional<ApiUser> authenticatedUser(String token) {
    String hash = ApiTokens.hash(token);
    ApiUser found = null;
    for (ApiUser user : users()) {
      if (ApiTokens.sameHash(hash, user.tokenHash())) {
        found = user;
      }
    }
    return Optional.ofNullable(found);
  }

  public Optional<ApiUser> byName(String name) {
    return users().stream().filter(u -> u.name().equals(name)).findFirst();
  }

  private List<ApiUser> users() {
    if (file == null) {
      return List.of();
    }
    Loaded current = loaded;
    FileTime modified = modified(file.path());
    long size = size(file.path());
    if (!java.util.Objects.equals(modified, current.modified()) || size != current.size()) {
      synchronized (this) {
        try {
          current = new Loaded(modified, size, file.read());
          loaded = current;
        } catch (RuntimeException e) {
          LOG.error("keeping the previous users: {}", e.getMessage());
          current = new Loaded(modified, size, current.users());
          loaded = current;
        }
      }
    }
    return current.users();
  }

  private static FileTime modified(Path path) {
    try {
      return Files.exists(path) ? Files.getLastModifiedTime(path) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static long size(Path path) {
    try {
      return Files.exists(path) ? Files.size(path) : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
