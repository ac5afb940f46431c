package uk.gov.tfwh.api.security;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The checks an OpenID Connect access token must pass on top of its signature, whatever way the
 * provider's key is configured: Spring's decoder accepts a token without {@code exp} for ever and
 * checks the issuer only when it discovers the provider ({@code issuer-uri}), not with a fixed key.
 * Here a token must expire, come from the configured issuer and be meant for this service (its
 * audience); anything else is a 401 like a bad signature.
 */
final class CheckedJwtDecoder implements JwtDecoder {
  private final JwtDecoder signatureAndTimes;
  private final String issuer;
  private final String audience;

  CheckedJwtDecoder(JwtDecoder signatureAndTimes, String issuer, String audience) {
    this.signatureAndTimes = requireNonNull(signatureAndTimes, "signatureAndTimes");
    this.issuer = requireNonNull(issuer, "issuer");
    this.audience = requireNonNull(audience, "audience");
  }

  @Override
  public Jwt decode(String token) {
    Jwt jwt = signatureAndTimes.decode(token);
    if (jwt.getExpiresAt() == null) {
      throw new BadJwtException("the token has no expiry (exp): such a token would never end");
    }
    String tokenIssuer = jwt.getClaimAsString("iss");
    if (!issuer.equals(tokenIssuer)) {
      throw new BadJwtException("the token's issuer is not " + issuer);
    }
    List<String> audiences = jwt.getAudience();
    if (audiences == null || !audiences.contains(audience)) {
      throw new BadJwtException(
          "the token is not meant for this service (audience " + audience + ")");
    }
    return jwt;
  }
}
