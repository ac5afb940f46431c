package uk.gov.tfwh.api.security;

import static java.util.Objects.requireNonNull;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.access.ViewerAuthentication;
import uk.gov.tfwh.api.config.ApiProperties;

/** Reads the viewer from an OpenID Connect access token's claims (names configurable). */
final class JwtViewerConverter implements Converter<Jwt, AbstractAuthenticationToken> {
  private final ApiProperties.Oidc claims;

  JwtViewerConverter(ApiProperties.Oidc claims) {
    this.claims = requireNonNull(claims, "claims");
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String name = jwt.getClaimAsString(claims.nameClaim());
    if (name == null) {
      name = jwt.getSubject();
    }
    try {
      Role role = Role.of(jwt.getClaimAsString(claims.roleClaim()));
      String authority =
          role == Role.COORDINATOR ? jwt.getClaimAsString(claims.authorityClaim()) : null;
      boolean signsOff =
          role == Role.COORDINATOR && Boolean.TRUE.equals(jwt.getClaimAsBoolean(claims.sroClaim()));
      return new ViewerAuthentication(
          Viewer.user(name == null ? "oidc-user" : name, role, authority), signsOff);
    } catch (IllegalArgumentException e) {
      throw new InvalidBearerTokenException(
          "the token's "
              + claims.roleClaim()
              + "/"
              + claims.authorityClaim()
              + " claims: "
              + e.getMessage());
    }
  }
}
