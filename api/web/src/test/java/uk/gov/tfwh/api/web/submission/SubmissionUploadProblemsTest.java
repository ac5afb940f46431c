package uk.gov.tfwh.api.web.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import uk.gov.tfwh.api.web.access.PageSignIn;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The upload form over real HTTP with a signed-in session. Its CSRF token travels in the multipart
 * body, never in an address: the form's address used to carry it, so it was written to access logs
 * and stayed in the address bar, the history and the next page's referrer; a token in the address
 * is now refused. An upload refused before the page sees it still goes back to the form saying what
 * was wrong, with nothing kept: a body that is not multipart/form-data was a 500, too many parts
 * was told its file was too large, and a body too large to read (whose token therefore cannot be
 * read either) must be told it is too large, not 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubmissionUploadProblemsTest {
  private static final String COORDINATOR = ApiTokens.newToken();
  private static final Path DIR;
  private static final Path LANDING;
  private static final Path USERS;
  private static final Path EXAMPLES =
      Path.of(System.getProperty("tfwh.root.dir", "../.."), "contract", "examples");
  private static final Pattern HIDDEN_CSRF = PageSignIn.HIDDEN_CSRF;

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
  void signIn() {
    http = PageSignIn.as("http://127.0.0.1:" + port, "kent", COORDINATOR).http();
  }

  @Test
  void anUploadThatIsNotMultipartGoesBackToTheFormSayingItCouldNotBeRead() throws Exception {
    List<String> before = kept();
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
    assertThat(kept()).isEqualTo(before);
  }

  @Test
  void tooManyFilesGoBackToTheFormSayingWhatAReturnIs() throws Exception {
    List<String> before = kept();
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
    assertThat(kept()).isEqualTo(before);
  }

  @Test
  void theFormCarriesItsTokenInItsBodyAndNeverInAnAddress() {
    String page = get("/submissions/new").body();

    Matcher form =
        Pattern.compile("<form[^>]*multipart/form-data[^>]*>.*?</form>", Pattern.DOTALL)
            .matcher(page);
    assertThat(form.find()).as("the upload form in " + page).isTrue();
    assertThat(form.group()).startsWith("<form method=\"post\" action=\"/submissions\" ");
    assertThat(page).as("no action, link or source names the token").doesNotContain("_csrf=");
    assertThat(HIDDEN_CSRF.matcher(form.group()).results())
        .as("the token, once, in the form")
        .hasSize(1);
  }

  @Test
  void anUploadWithItsTokenInItsBodyIsCheckedAndKept() throws Exception {
    List<String> before = kept();
    HttpResponse<String> sent =
        send(
            post(
                "/submissions",
                validReturn(
                    Part.field("_csrf", find(HIDDEN_CSRF, get("/submissions/new").body())))));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String receipt = sent.headers().firstValue("Location").orElseThrow();
    assertThat(receipt).contains("/submissions/").doesNotContain("_csrf");
    assertThat(get(URI.create(receipt).getPath()).body()).contains("Return received");
    assertThat(kept()).hasSizeGreaterThan(before.size());
  }

  @Test
  void anUploadWithoutItsTokenOrWithAWrongOneIsRefusedAndNothingIsKept() throws Exception {
    String token = find(HIDDEN_CSRF, get("/submissions/new").body());
    List<String> before = kept();
    byte[] masked = Base64.getUrlDecoder().decode(token);
    // Unmasked, one is another token (its last character changed), the other bytes that are not
    // UTF-8 (Spring's handler threw on those: a 500).
    byte[] another = masked.clone();
    another[another.length - 1] ^= 0x01;
    byte[] notText = masked.clone();
    notText[0] ^= (byte) 0x80;

    for (List<Part> body :
        List.of(
            validReturn(),
            validReturn(Part.field("_csrf", Base64.getUrlEncoder().encodeToString(another))),
            validReturn(Part.field("_csrf", Base64.getUrlEncoder().encodeToString(notText))),
            validReturn(Part.field("_csrf", "not-a-token")))) {
      HttpResponse<String> sent = send(post("/submissions", body));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(403);
    }
    assertThat(kept()).isEqualTo(before);
  }

  /** Before, the form's own address carried the token and this was the form's upload. */
  @Test
  void aTokenInTheAddressIsRefusedEvenWithOneInTheBody() throws Exception {
    String token = find(HIDDEN_CSRF, get("/submissions/new").body());
    List<String> before = kept();

    HttpResponse<String> onlyInAddress = send(post("/submissions?_csrf=" + token, validReturn()));
    HttpResponse<String> inBoth =
        send(post("/submissions?_csrf=" + token, validReturn(Part.field("_csrf", token))));
    HttpResponse<String> encoded = send(post("/submissions?x=1&%5Fcsrf=" + token, validReturn()));

    assertThat(onlyInAddress.statusCode()).as(onlyInAddress.body()).isEqualTo(403);
    assertThat(inBoth.statusCode()).as(inBoth.body()).isEqualTo(403);
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(403);
    assertThat(kept()).isEqualTo(before);
  }

  /**
   * A body over the limits cannot be read, so neither can its token: the check refuses the upload
   * all the same (nothing is read past the limit, nothing kept, no handler runs), but tells the
   * sender, token or not, what the form says about a file too large rather than a bare 403.
   */
  @Test
  void aFileOverTheLimitGoesBackToTheFormSayingSoWithItsTokenInTheBody() throws Exception {
    byte[] big = new byte[51 * 1024 * 1024];
    List<String> before = kept();
    HttpResponse<String> withToken =
        send(
            post(
                "/submissions",
                List.of(
                    Part.field("_csrf", find(HIDDEN_CSRF, get("/submissions/new").body())),
                    Part.file("big.summary.csv", big))));
    HttpResponse<String> withoutToken =
        send(post("/submissions", List.of(Part.file("big.summary.csv", big))));

    for (HttpResponse<String> sent : List.of(withToken, withoutToken)) {
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
      assertThat(sent.headers().firstValue("Location")).hasValue("/submissions/new?too-large");
    }
    assertThat(get("/submissions/new?too-large").body()).contains("at most 50 MiB");
    assertThat(kept()).isEqualTo(before);
  }

  /** A file that is not a return: rejected as before, kept only in quarantine. */
  @Test
  void aFileOfTheWrongTypeIsRejectedAsBefore() throws Exception {
    List<String> before = kept();
    HttpResponse<String> sent =
        send(
            post(
                "/submissions",
                List.of(
                    Part.field("_csrf", find(HIDDEN_CSRF, get("/submissions/new").body())),
                    Part.file("kent.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String receipt =
        get(URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath()).body();
    assertThat(receipt).contains("Your return was rejected").contains("TFQR-F04");
    assertThat(kept()).hasSizeGreaterThan(before.size());
  }

  /**
   * A browser names a second download of the same file {@code <name> (1).csv}: the receipt says
   * which name the file needs, in the sender's own terms.
   */
  @Test
  void aCopysNameIsToldTheNameTheReturnNeeds() throws Exception {
    HttpResponse<String> sent =
        send(
            post(
                "/submissions",
                List.of(
                    Part.field("_csrf", find(HIDDEN_CSRF, get("/submissions/new").body())),
                    Part.file(
                        "kent-2015Q2.summary (1).csv",
                        "template,authority_code\r\n".getBytes(StandardCharsets.US_ASCII)))));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String receipt =
        get(URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath()).body();
    assertThat(receipt)
        .contains("Your return was rejected")
        .contains("kent-2015Q2.summary (1).csv")
        .contains("summary, name it kent-2015Q2.summary.csv");
  }

  /**
   * Posts as the form does: the session's cookie and the form's CSRF token as the body's first
   * part, ahead of {@code body} (which the tests above build whole).
   */
  private HttpResponse<String> upload(String contentType, byte[] body) {
    String token = find(HIDDEN_CSRF, get("/submissions/new").body());
    byte[] first =
        ("--abc\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(first);
    all.writeBytes(body);
    return send(
        HttpRequest.newBuilder(uri("/submissions"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray()))
            .build());
  }

  /** The contract's valid Kent pair, after {@code first} (the token, as the form sends it). */
  private static List<Part> validReturn(Part... first) throws IOException {
    List<Part> parts = new ArrayList<>(List.of(first));
    for (String name :
        List.of("valid-p2-kent-2015Q2.summary.csv", "valid-p2-kent-2015Q2.claims.csv")) {
      parts.add(Part.file(name, Files.readAllBytes(EXAMPLES.resolve(name))));
    }
    return parts;
  }

  private HttpRequest post(String path, List<Part> parts) {
    String boundary = "tfwh-" + System.nanoTime();
    List<byte[]> body = new ArrayList<>();
    for (Part part : parts) {
      body.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + part.name()
                  + "\""
                  + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"")
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.add(part.content());
      body.add("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(body))
        .build();
  }

  /** A part of a multipart body: a form field, or a file when it has a file name. */
  private record Part(String name, String filename, byte[] content) {
    static Part field(String name, String value) {
      return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    static Part file(String filename, byte[] content) {
      return new Part("file", filename, content);
    }
  }

  /** Every file of the submissions folder: held, quarantined, sidecars, uploads being checked. */
  private static List<String> kept() throws IOException {
    Path submissions = LANDING.resolveSibling("submissions");
    if (!Files.isDirectory(submissions)) {
      return List.of();
    }
    try (var files = Files.walk(submissions)) {
      return files.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
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
    return PageSignIn.send(http, request);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
