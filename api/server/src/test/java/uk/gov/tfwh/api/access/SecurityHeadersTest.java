package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The security headers on every kind of response, and HSTS only behind TLS. */
class SecurityHeadersTest extends RealHttpTest {

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    List<HttpResponse<String>> responses =
        List.of(
            get("/api/v1/periods", null),
            get("/api/v1/league-table?phase=1&period=2013-09-30", AccessFixture.token("national")),
            get("/api/v1/data-quality?period=2013-09-30", null),
            get("/api/v1/unknown", AccessFixture.token("national")),
            get("/login", null),
            get("/v3/api-docs", null),
            get("/actuator/health", null));
    for (HttpResponse<String> response : responses) {
      String where = response.uri() + " " + response.statusCode();
      assertThat(response.headers().firstValue("X-Content-Type-Options"))
          .as(where)
          .hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(where).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy"))
          .as(where)
          .hasValue("no-referrer");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(where)
          .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("Strict-Transport-Security")).as(where).isEmpty();
    }
  }

  @Test
  void apiResponsesMayLoadNothing() {
    assertThat(get("/api/v1/periods", null).headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));
  }

  @Test
  void aForwardedProtocolFromAnUntrustedSenderIsIgnored() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/v1/periods"))
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void signedInResponsesAreNeverStoredInSharedCaches() {
    HttpResponse<String> national =
        get("/api/v1/league-table?phase=1&period=2013-09-30", AccessFixture.token("national"));
    HttpResponse<String> anonymous = get("/api/v1/league-table?phase=1&period=2013-09-30", null);

    assertThat(national.headers().firstValue("Cache-Control").orElseThrow())
        .doesNotContain("public")
        .containsAnyOf("private", "no-store");
    assertThat(String.join(",", national.headers().allValues("Vary")))
        .containsIgnoringCase("Authorization");
    // The public's published figures may be cached, keyed on the absence of credentials.
    assertThat(String.join(",", anonymous.headers().allValues("Vary")))
        .containsIgnoringCase("Authorization");
  }
}
