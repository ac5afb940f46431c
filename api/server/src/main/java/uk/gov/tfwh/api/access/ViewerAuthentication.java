package uk.gov.tfwh.api.access;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in {@link Viewer}, however they signed in (API token, OpenID Connect or the form). */
public final class ViewerAuthentication extends AbstractAuthenticationToken {
  private static final long serialVersionUID = 1L;

  private final Viewer viewer;

  public ViewerAuthentication(Viewer viewer) {
    super(List.of(new SimpleGrantedAuthority(requireNonNull(viewer, "viewer").role().authority())));
    this.viewer = viewer;
    setAuthenticated(true);
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
