package uk.gov.tfwh.api.access;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in {@link Viewer}, however they signed in (API token, OpenID Connect or the form). */
public final class ViewerAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  /** Held by a coordinator who signs off their authority's returns (its SRO). */
  public static final String SIGNS_OFF = "SIGNS_OFF";

  private final Viewer viewer;
  private final boolean signsOff;
  private final String tokenHash;

  public ViewerAuthentication(Viewer viewer) {
    this(viewer, false);
  }

  public ViewerAuthentication(Viewer viewer, boolean signsOff) {
    this(viewer, signsOff, null);
  }

  /**
   * A sign-in kept in a page session, made with the token whose hash is given: the session lasts
   * only while the users file still gives this user that token ({@code
   * FormLoginAuthentication#stillSignedIn}).
   */
  public ViewerAuthentication(Viewer viewer, boolean signsOff, String tokenHash) {
    super(
        signsOff
            ? List.of(
                new SimpleGrantedAuthority(requireNonNull(viewer, "viewer").role().authority()),
                new SimpleGrantedAuthority(SIGNS_OFF))
            : List.of(
                new SimpleGrantedAuthority(requireNonNull(viewer, "viewer").role().authority())));
    if (signsOff && viewer.role() != Role.COORDINATOR) {
      throw new IllegalArgumentException("only a coordinator signs off an authority's returns");
    }
    this.viewer = viewer;
    this.signsOff = signsOff;
    this.tokenHash = tokenHash;
    setAuthenticated(true);
  }

  /** The hash of the token a page session was signed in with; empty for a request's own token. */
  public Optional<String> tokenHash() {
    return Optional.ofNullable(tokenHash);
  }

  /** Whether this user is their authority's senior responsible officer. */
  public boolean signsOff() {
    return signsOff;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Viewer getPrincipal() {
    return viewer;
  }

  @Override
  public String getName() {
    return viewer.name();
  }
}
