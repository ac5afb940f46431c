package uk.gov.tfwh.api.user;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Pattern;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;

/**
 * A user of the API as the users file keeps them: never the token, only its SHA-256.
 *
 * @param tokenHash lower-case hex SHA-256 of the bearer token
 * @param signsOff a coordinator who is their authority's senior responsible officer (SRO): only
 *     they may sign off its quarterly return (docs/submissions.md)
 */
public record ApiUser(
    String name, Role role, String authority, String tokenHash, Instant created, boolean signsOff) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  public ApiUser {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    requireNonNull(tokenHash, "tokenHash");
    requireNonNull(created, "created");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a user name is 1 to 64 letters, digits and . _ @ -, not '" + name + "'");
    }
    if (!HASH.matcher(tokenHash).matches()) {
      throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
    }
    // The same rule as a viewer's: a coordinator has exactly one authority, no one else has one.
    viewer(name, role, authority);
    if (signsOff && role != Role.COORDINATOR) {
      throw new IllegalArgumentException(
          "only a coordinator can be an authority's senior responsible officer (--sro)");
    }
  }

  /** A user who does not sign off returns. */
  public ApiUser(String name, Role role, String authority, String tokenHash, Instant created) {
    this(name, role, authority, tokenHash, created, false);
  }

  public Viewer viewer() {
    return viewer(name, role, authority);
  }

  private static Viewer viewer(String name, Role role, String authority) {
    return Viewer.user(name, role, authority);
  }
}
