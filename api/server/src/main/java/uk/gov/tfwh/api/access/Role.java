package uk.gov.tfwh.api.access;

import java.util.Locale;

/** What a signed-in user may see (docs/api.md, "Access"). The public has no role. */
public enum Role {
  /** Everything, including pre-release figures and every authority's returns and data quality. */
  NATIONAL,
  /** Published figures, plus its own authority's pre-release figures, returns and data quality. */
  COORDINATOR,
  /** Published and pre-release figures and briefings; no return-level detail. */
  MINISTERIAL;

  /** Parses a role as written in the users file, options and token claims (any case). */
  public static Role of(String name) {
    if (name != null) {
      for (Role role : values()) {
        if (role.name().equalsIgnoreCase(name.trim())) {
          return role;
        }
      }
    }
    throw new IllegalArgumentException(
        "role must be NATIONAL, COORDINATOR or MINISTERIAL, not '" + name + "'");
  }

  /** The Spring Security authority, such as {@code ROLE_NATIONAL}. */
  public String authority() {
    return "ROLE_" + name();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
