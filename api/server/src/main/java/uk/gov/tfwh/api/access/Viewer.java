package uk.gov.tfwh.api.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import uk.gov.tfwh.programme.reference.AuthorityCode;

/**
 * Who is asking: the anonymous public, or a signed-in user with one role (and, for a coordinator,
 * one authority).
 *
 * @param name the user's name, {@code anonymous} for the public
 * @param role null for the public
 * @param authority the coordinator's authority code; null for every other role
 */
public record Viewer(String name, Role role, String authority) {
  public static final Viewer ANONYMOUS = new Viewer("anonymous", null, null);

  public Viewer {
    requireNonNull(name, "name");
    if ((role == Role.COORDINATOR) != (authority != null)) {
      throw new IllegalArgumentException(
          role == Role.COORDINATOR
              ? "a coordinator needs an authority"
              : "only a coordinator has an authority");
    }
    if (authority != null && !AuthorityCode.isWellFormed(authority)) {
      throw new IllegalArgumentException("not an authority code: " + authority);
    }
  }

  public static Viewer user(String name, Role role, String authority) {
    return new Viewer(name, requireNonNull(role, "role"), authority);
  }

  public boolean isAnonymous() {
    return role == null;
  }

  public Optional<Role> roleIfAny() {
    return Optional.ofNullable(role);
  }

  /** Whether this is the coordinator of exactly this authority. */
  public boolean coordinates(String authorityCode) {
    return role == Role.COORDINATOR && authority.equals(authorityCode);
  }
}
