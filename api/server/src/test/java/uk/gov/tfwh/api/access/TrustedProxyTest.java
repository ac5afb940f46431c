package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.TfwhApiApplication;

/**
 * Behind a proxy the service is told to trust ({@code tfwh.api.access.trusted-proxies}), that
 * proxy's forwarded headers are believed: HSTS behind TLS, and the client's own address for the
 * sign-in throttle. Without the setting they are not ({@code SecurityHeadersTest}, {@code
 * SignInTest}).
 */
@SpringBootTest(
    classes = TfwhApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustedProxyTest {
  @LocalServerPort int port;

  @DynamicPropertySource
  static void fixture(DynamicPropertyRegistry registry) {
    registry.add("tfwh.api.warehouse", AccessFixture.WAREHOUSE::toString);
    registry.add("tfwh.api.users", AccessFixture.USERS::toString);
    registry.add("tfwh.api.access.trusted-proxies", () -> "127.0.0.1");
  }

  @Test
  void hstsIsSentWhenTheTrustedProxySaysTheClientUsedTls() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/api/v1/periods", "/login")) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("X-Forwarded-Proto", "https")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValue("max-age=31536000 ; includeSubDomains");
    }
  }
}
