package uk.gov.tfwh.api.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import uk.gov.tfwh.api.access.ViewerAuthentication;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.UserDirectory;

/**
 * Checks a bearer token: a tfwh token ({@code tfwh_...}) against the users file, anything else as
 * an OpenID Connect JWT when a provider is configured.
 */
final class BearerTokenAuthentication implements AuthenticationManager {
  private final UserDirectory users;
  private final JwtAuthenticationProvider jwt;

  /**
   * @param jwt null when no OpenID Connect provider is configured
   */
  BearerTokenAuthentication(UserDirectory users, JwtAuthenticationProvider jwt) {
    this.users = users;
    this.jwt = jwt;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    if (token.startsWith(ApiTokens.PREFIX)) {
      return users
          .authenticatedUser(token)
          .map(user -> new ViewerAuthentication(user.viewer(), user.signsOff()))
          .orElseThrow(() -> new InvalidBearerTokenException("unknown or revoked token"));
    }
    if (jwt == null) {
      throw new InvalidBearerTokenException(
          "not a tfwh token, and no OpenID Connect provider is configured");
    }
    return jwt.authenticate(authentication);
  }
}
