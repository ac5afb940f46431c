package uk.gov.tfwh.api.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs a user in through the pages' own sign-in form over real HTTP, as a browser does. */
public final class PageSignIn {
  /** The CSRF token a page's form carries in its body. */
  public static final Pattern HIDDEN_CSRF =
      Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

  private PageSignIn() {}

  /**
   * A client signed in as {@code user}: it keeps the session's cookie and follows no redirect.
   *
   * @param base the server, such as {@code http://127.0.0.1:8080}
   */
  public static SignedIn as(String base, String user, String token) {
    CookieManager cookies = new CookieManager();
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login = send(http, HttpRequest.newBuilder(URI.create(base + "/login")).build()).body();
    Matcher csrf = HIDDEN_CSRF.matcher(login);
    assertThat(csrf.find()).as("a CSRF token in the sign-in form " + login).isTrue();
    HttpResponse<String> signedIn =
        send(
            http,
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&token="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8)
                            + "&_csrf="
                            + csrf.group(1)))
                .build());
    assertThat(signedIn.statusCode()).as(user + " signed in: " + signedIn.body()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
    return new SignedIn(http, cookies);
  }

  /** A signed-in client and the cookies it keeps. */
  public record SignedIn(HttpClient http, CookieManager cookies) {
    /** The session's cookie, as its value. */
    public String sessionCookie() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("JSESSIONID"))
          .findFirst()
          .orElseThrow()
          .getValue();
    }
  }

  /** Sends {@code request}, its body read as text; a failure to send is the test's failure. */
  public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
