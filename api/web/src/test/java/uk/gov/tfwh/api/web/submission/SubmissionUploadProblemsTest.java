package uk.gov.tfwh.api.web.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The upload page's answer to an upload refused before the page sees it, over real HTTP with a
 * signed-in session and the form's CSRF token: a body that is not multipart/form-data was a 500,
 * and too many parts was told its file was too large. Both go back to the form, saying what was
 * wrong, with nothing kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubmissionUploadProblemsTest {
  private static final String COORDINATOR = ApiTokens.newToken();
  private static final Path DIR;
  private static final Path LANDING;
  private static final Path USERS;
  private static final Pattern CSRF = Pattern.compile("_csrf=([A-Za-z0-9_-]+)");
  private static final Pattern HIDDEN_CSRF =
      Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

  static {
    try {
      DIR = Files.createTempDirectory("tfwh-upload-problems-");
      try (IcebergFixture fixture =
          IcebergFixture.open(Files.createDirectories(DIR.resolve("warehouse")))) {
        fixture.commit("published-fixture", 0);
        fixture.publish("published-fixture");
      }
      LANDING = DIR.resolve("landing");
      USERS = DIR.resolve("users.tsv");
      new UsersFile(USERS)
          .write(
              List.of(
                  new ApiUser(
                      "kent",
                      Role.COORDINATOR,
                      SnapshotFixture.KENT,
                      ApiTokens.hash(COORDINATOR),
                      Instant.now())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;

  private HttpClient http;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry properties) {
    properties.add("tfwh.api.warehouse", () -> DIR.resolve("warehouse").toString());
    properties.add("tfwh.api.users", USERS::toString);
    properties.add("tfwh.submissions.landing", LANDING::toString);
  }

  @BeforeEach
  void signIn() throws Exception {
    http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login = get("/login").body();
    HttpResponse<String> signedIn =
        send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=kent&token="
                            + URLEncoder.encode(COORDINATOR, StandardCharsets.UTF_8)
                            + "&_csrf="
                            + find(HIDDEN_CSRF, login)))
                .build());
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
  }

  @Test
  void anUploadThatIsNotMultipartGoesBackToTheFormSayingItCouldNotBeRead() throws Exception {
    HttpResponse<String> sent =
        upload(
            "multipart/form-data; boundary=abc",
            "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"k.summary.csv\""
                .getBytes(StandardCharsets.UTF_8));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location")).hasValue("/submissions/new?unreadable");
    assertThat(get("/submissions/new?unreadable").body())
        .contains("The upload could not be read")
        .contains("govuk-error-summary");
    assertThat(landed()).isEmpty();
  }

  @Test
  void tooManyFilesGoBackToTheFormSayingWhatAReturnIs() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < 300; i++) {
      body.writeBytes(
          ("--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f"
                  + i
                  + ".csv\"\r\n\r\nx\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes("--abc--\r\n".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> sent = upload("multipart/form-data; boundary=abc", body.toByteArray());

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location")).hasValue("/submissions/new?too-many");
    assertThat(get("/submissions/new?too-many").body())
        .contains("Too many files")
        .contains(".summary.csv with its .claims.csv, or one .xlsx")
        .doesNotContain("too large");
    assertThat(landed()).isEmpty();
  }

  /** Posts as the form does: the session's cookie and the CSRF token in the form's address. */
  private HttpResponse<String> upload(String contentType, byte[] body) {
    String token = find(CSRF, get("/submissions/new").body());
    return send(
        HttpRequest.newBuilder(uri("/submissions?_csrf=" + token))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private static List<String> landed() throws IOException {
    Path submissions = LANDING.resolveSibling("submissions");
    if (!Files.isDirectory(submissions)) {
      return List.of();
    }
    try (var files = Files.walk(submissions)) {
      return files.filter(Files::isRegularFile).map(Path::toString).toList();
    }
  }

  private static String find(Pattern pattern, String page) {
    Matcher matcher = pattern.matcher(page);
    assertThat(matcher.find()).as("a CSRF token in " + page).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
