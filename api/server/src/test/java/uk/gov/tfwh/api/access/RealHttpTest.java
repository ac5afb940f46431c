package uk.gov.tfwh.api.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.TfwhApiApplication;

/**
 * The service on a random port over the {@link AccessFixture}, spoken to with a plain HTTP client.
 * Every access test extends this, so they share one application context.
 */
@SpringBootTest(
    classes = TfwhApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RealHttpTest {
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void fixture(DynamicPropertyRegistry registry) {
    registry.add("tfwh.api.warehouse", AccessFixture.WAREHOUSE::toString);
    registry.add("tfwh.api.users", AccessFixture.USERS::toString);
    registry.add("tfwh.submissions.landing", AccessFixture.LANDING::toString);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> "file:" + AccessFixture.JWT_PUBLIC_KEY);
    registry.add("tfwh.api.oidc.issuer", () -> AccessFixture.JWT_ISSUER);
    registry.add("tfwh.api.oidc.audience", () -> AccessFixture.JWT_AUDIENCE);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** GET with {@code Authorization: Bearer token}, or without when token is null. */
  HttpResponse<String> get(String pathAndQuery, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
