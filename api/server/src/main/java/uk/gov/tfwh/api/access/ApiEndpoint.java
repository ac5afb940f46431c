package uk.gov.tfwh.api.access;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of the API with who may call it at all: the one access table (docs/security.md).
 * {@link AccessPolicy} then decides which snapshot a permitted caller reads. An endpoint missing
 * here is refused to everyone ({@code denyAll}), and a test fails when a controller maps a path
 * that is not listed.
 *
 * <p>A public endpoint serves everybody, the public reading published figures only. An endpoint
 * with roles serves only those roles; a coordinator among them is served only about its own
 * authority, named by the path's {@code {code}} or the {@code authority} parameter (with neither,
 * the resource narrows the answer to its authority).
 */
public enum ApiEndpoint {
  PERIODS("/api/v1/periods"),
  AUTHORITIES("/api/v1/authorities"),
  LEAGUE_TABLE("/api/v1/league-table"),
  NATIONAL("/api/v1/national"),
  REGIONS("/api/v1/regions"),
  PROGRESS("/api/v1/authorities/{code}/progress"),
  BENCHMARK("/api/v1/authorities/{code}/benchmark"),
  PAYMENTS("/api/v1/payments"),
  /** Every authority, every quarter, both phases: one tidy table. */
  TIME_SERIES("/api/v1/time-series"),
  /** What each column of the time series holds. */
  TIME_SERIES_METADATA("/api/v1/time-series/metadata"),
  DATA_QUALITY("/api/v1/data-quality", Role.NATIONAL, Role.COORDINATOR),
  RETURNS("/api/v1/authorities/{code}/returns", Role.NATIONAL, Role.COORDINATOR),
  /** The ministerial briefing: listed before the table exports, whose pattern also matches it. */
  EXPORT_BRIEFING("/api/v1/exports/briefing.pdf", Role.NATIONAL, Role.MINISTERIAL),
  /** The briefing's figures as a one-sheet workbook: for whoever may read the briefing. */
  EXPORT_BRIEFING_SUMMARY(
      "/api/v1/exports/briefing-summary.{format}", Role.NATIONAL, Role.MINISTERIAL),
  /**
   * One authority's profile (PDF): the public reads published figures; the authority's coordinator
   * and the national team its pre-release figures, data quality and return versions. Listed before
   * the table exports, whose pattern also matches it.
   */
  EXPORT_AUTHORITY_PROFILE("/api/v1/exports/authority-profile.pdf"),
  EXPORT_TABLE("/api/v1/exports/{table}.{format}"),
  /**
   * Every authority's submission state for a quarter: the national team's view before a deadline.
   * Listed before {@link #SUBMISSION}, whose pattern also matches it.
   */
  SUBMISSION_STATUS("/api/v1/submissions/status", Role.NATIONAL),
  /** The submission service's append-only audit log. */
  SUBMISSION_AUDIT("/api/v1/submissions/audit", Role.NATIONAL),
  /**
   * Send a return: a coordinator for its own authority (from the sign-in, never the file), the
   * national team on an authority's behalf ({@code authority=}).
   */
  SUBMIT(HttpMethod.POST, "/api/v1/submissions", Role.NATIONAL, Role.COORDINATOR),
  /** An authority's submissions (a coordinator's own; the national team's of any or every one). */
  SUBMISSIONS("/api/v1/submissions", Role.NATIONAL, Role.COORDINATOR),
  /** One submission's receipt: its own authority's coordinator and the national team only. */
  SUBMISSION("/api/v1/submissions/{id}", Role.NATIONAL, Role.COORDINATOR),
  /** The SRO's sign-off: a coordinator flagged as the authority's SRO, checked by the service. */
  SIGN_OFF(HttpMethod.POST, "/api/v1/submissions/{id}/sign-off", Role.COORDINATOR);

  /** The path variable naming the authority a request is about. */
  public static final String AUTHORITY_VARIABLE = "code";

  /** The query parameter naming the authority a request is about, where the path does not. */
  public static final String AUTHORITY_PARAMETER = "authority";

  private final HttpMethod method;
  private final String path;
  private final Set<Role> roles;

  ApiEndpoint(String path, Role... roles) {
    this(HttpMethod.GET, path, roles);
  }

  ApiEndpoint(HttpMethod method, String path, Role... roles) {
    this.method = method;
    this.path = path;
    this.roles = roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles));
  }

  /** GET for every resource that reads; POST for the two that change something. */
  public HttpMethod method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The roles that may call it; empty when the public may (reading published figures only). */
  public Set<Role> roles() {
    return roles;
  }

  public boolean isPublic() {
    return roles.isEmpty();
  }

  /**
   * Whether this viewer may call the endpoint about {@code authorityAsked} (null when the request
   * names no authority).
   */
  public boolean allows(Viewer viewer, String authorityAsked) {
    if (isPublic()) {
      return true;
    }
    if (viewer.isAnonymous() || !roles.contains(viewer.role())) {
      return false;
    }
    return viewer.role() != Role.COORDINATOR
        || authorityAsked == null
        || viewer.coordinates(authorityAsked);
  }
}
