package uk.gov.tfwh.api.security;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.gov.tfwh.api.access.HandWrittenResponses;

/**
 * Settings of sign-in and response headers ({@code tfwh.api.access.*}); the defaults are the
 * production values and docs/security.md explains them.
 *
 * @param loginFailures failed sign-ins allowed per user name and client address within {@code
 *     loginWindow}; the next attempt is answered 429 until the window has passed
 * @param loginWindow the sliding window the failures are counted in
 * @param apiContentSecurityPolicy CSP of API responses: JSON and CSV never load anything
 * @param pageContentSecurityPolicy CSP of pages served outside {@code /api} (sign-in, the API
 *     documentation); the dashboard pages set their own
 * @param trustedProxies addresses of the reverse proxies whose {@code X-Forwarded-For} and {@code
 *     X-Forwarded-Proto} are believed; none by default, so a client cannot name itself another
 *     address to escape the sign-in throttle
 */
@ConfigurationProperties("tfwh.api.access")
public record AccessProperties(
    @DefaultValue("5") int loginFailures,
    @DefaultValue("1m") Duration loginWindow,
    @DefaultValue(HandWrittenResponses.API_CONTENT_SECURITY_POLICY) String apiContentSecurityPolicy,
    @DefaultValue(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                + " object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'")
        String pageContentSecurityPolicy,
    @DefaultValue List<String> trustedProxies) {

  public AccessProperties {
    if (loginFailures < 1) {
      throw new IllegalArgumentException("tfwh.api.access.login-failures must be at least 1");
    }
    requireNonNull(loginWindow, "loginWindow");
    if (loginWindow.isNegative() || loginWindow.isZero()) {
      throw new IllegalArgumentException("tfwh.api.access.login-window must be positive");
    }
    requireNonNull(apiContentSecurityPolicy, "apiContentSecurityPolicy");
    requireNonNull(pageContentSecurityPolicy, "pageContentSecurityPolicy");
    trustedProxies = List.copyOf(trustedProxies);
    for (String proxy : trustedProxies) {
      if (!proxy.matches("[0-9A-Fa-f.:]+")) {
        throw new IllegalArgumentException(
            "tfwh.api.access.trusted-proxies takes IP addresses, not '" + proxy + "'");
      }
    }
  }

  /** The production defaults, as if nothing were configured. */
  public static AccessProperties defaults() {
    return new AccessProperties(
        5,
        Duration.ofMinutes(1),
        HandWrittenResponses.API_CONTENT_SECURITY_POLICY,
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
        List.of());
  }
}
