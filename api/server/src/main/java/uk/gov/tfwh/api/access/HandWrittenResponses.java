package uk.gov.tfwh.api.access;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers for a response written outside Spring Security's header writers (a refused
 * sign-in, an error page, what Tomcat answers itself): the same ones every other response carries
 * (docs/security.md, "Response headers"), set in one place.
 */
public final class HandWrittenResponses {
  /** The API's policy: JSON and problems never load anything. */
  public static final String API_CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private HandWrittenResponses() {}

  public static void secure(HttpServletResponse response, String contentSecurityPolicy) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    response.setHeader("Cache-Control", "no-store");
  }
}
