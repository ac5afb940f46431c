package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sign-in form: CSRF-protected, and rate-limited per user name and client address. */
class SignInTest extends RealHttpTest {
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  /** A browser: its own cookie jar (the session holds the CSRF token). */
  private final class Browser {
    final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    final String csrf;

    Browser() {
      HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET().build());
      assertThat(page.statusCode()).isEqualTo(200);
      Matcher m = CSRF.matcher(page.body());
      assertThat(m.find()).as("the form carries a CSRF token").isTrue();
      csrf = m.group(1) != null ? m.group(1) : m.group(2);
    }

    HttpResponse<String> send(HttpRequest request) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> signIn(String user, String password, boolean withCsrf) {
      return signIn(user, password, withCsrf, null);
    }

    HttpResponse<String> signIn(
        String user, String password, boolean withCsrf, String forwardedFor) {
      String form =
          "username="
              + enc(user)
              + "&password="
              + enc(password)
              + (withCsrf ? "&_csrf=" + enc(csrf) : "");
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri("/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form));
      if (forwardedFor != null) {
        request.header("X-Forwarded-For", forwardedFor);
      }
      return send(request.build());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void aUserSignsInWithTheirNameAndToken() {
    HttpResponse<String> response =
        new Browser().signIn("coordinator", AccessFixture.token("coordinator"), true);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  @Test
  void aSignInWithoutTheCsrfTokenIsRefused() {
    HttpResponse<String> response =
        new Browser().signIn("coordinator", AccessFixture.token("coordinator"), false);

    assertThat(response.statusCode()).isEqualTo(403);
  }

  /**
   * A token in an address leaks (logs, history, Referer), so the sign-in and sign-out refuse one
   * there even beside the right one in the body, as the pages do (PageCsrfTokens); a token that
   * cannot be unmasked is a 403, not a 500.
   */
  @Test
  void aSignInOrSignOutWithTheTokenInItsAddressIsRefusedEvenWithItInTheBody() {
    Browser browser = new Browser();
    String form =
        "username="
            + enc("coordinator")
            + "&password="
            + enc(AccessFixture.token("coordinator"))
            + "&_csrf="
            + enc(browser.csrf);
    for (String path :
        new String[] {"/login?_csrf=" + enc(browser.csrf), "/login?%5Fcsrf=x", "/logout?_csrf=x"}) {
      HttpResponse<String> response =
          browser.send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      assertThat(response.statusCode()).as(path).isEqualTo(403);
    }
    HttpResponse<String> undecodable =
        browser.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=coordinator&password=x&_csrf=" + enc("////////////////")))
                .build());
    assertThat(undecodable.statusCode()).isEqualTo(403);
  }

  @Test
  void theSixthAttemptAfterFiveFailuresInAMinuteIsAnswered429EvenWithTheRightToken() {
    Browser browser = new Browser();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> failed = browser.signIn("minister", "tfwh_wrong" + i, true);
      assertThat(failed.statusCode()).isEqualTo(302);
      assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("error");
    }

    HttpResponse<String> refused =
        browser.signIn("minister", AccessFixture.token("minister"), true);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
    assertThat(refused.body()).contains("too many failed sign-ins");
    assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();

    // Another user from the same address is not held back by the minister's failures.
    HttpResponse<String> other =
        new Browser().signIn("coordinator", AccessFixture.token("coordinator"), true);
    assertThat(other.statusCode()).isEqualTo(302);
    assertThat(other.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  @Test
  void aClientCannotEscapeTheThrottleByNamingAnotherAddressOnEveryAttempt() {
    Browser browser = new Browser();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> failed =
          browser.signIn("national", "tfwh_wrong" + i, true, "203.0.113." + (i + 1));
      assertThat(failed.statusCode()).as("attempt " + (i + 1)).isEqualTo(302);
    }

    HttpResponse<String> sixth = browser.signIn("national", "tfwh_wrong6", true, "198.51.100.77");
    assertThat(sixth.statusCode())
        .as("X-Forwarded-For from a client that is no trusted proxy is not believed")
        .isEqualTo(429);
  }
}
