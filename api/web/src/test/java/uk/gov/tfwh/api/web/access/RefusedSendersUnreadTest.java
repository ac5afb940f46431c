package uk.gov.tfwh.api.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A form or upload from someone who may not send it is refused before its body is read, over real
 * HTTP, on the pages and on the API alike. The pages' CSRF check reads the form's token from the
 * body, so an upload from anyone (signed out, or signed in as a minister) was parsed, and up to 100
 * MiB of it spooled to disk, before its sender was looked at; only then was it refused.
 *
 * <p>Each request here declares a body of 30 MiB and sends its first part only. A server that reads
 * the body before refusing waits for the rest and does not answer; one that looks at the sender
 * first answers at once. The uploads of those who may send are the control: the server waits for
 * their bodies, so the test tells the two apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusedSendersUnreadTest {
  private static final Map<String, String> TOKENS =
      Map.of(
          "kent", ApiTokens.newToken(),
          "min", ApiTokens.newToken(),
          "nat", ApiTokens.newToken());
  private static final Path DIR;
  private static final Path USERS;

  /** Longer than any refusal takes, even on a loaded machine. */
  private static final int ANSWER_MILLIS = 10_000;

  /** How long the control waits to be sure the server is reading the body, not answering. */
  private static final int WAIT_MILLIS = 2_000;

  /** What a request declares of its body and the start of it that it sends. */
  private record Body(String contentType, int declaredBytes, String start) {}

  /** An upload: 30 MiB declared, the start of its first file sent. */
  private static final Body UPLOAD =
      new Body(
          "multipart/form-data; boundary=abc",
          30 * 1024 * 1024,
          "--abc\r\nContent-Disposition: form-data; name=\"file\";"
              + " filename=\"kent.summary.csv\"\r\nContent-Type: text/csv\r\n\r\nTFQR-1,E10000016,");

  /** A plain form: 1 MiB declared (within what Tomcat reads for parameters), its start sent. */
  private static final Body FORM =
      new Body("application/x-www-form-urlencoded", 1024 * 1024, "confirm=true&note=");

  static {
    try {
      DIR = Files.createTempDirectory("tfwh-refused-senders-");
      try (IcebergFixture fixture =
          IcebergFixture.open(Files.createDirectories(DIR.resolve("warehouse")))) {
        fixture.commit("published-fixture", 0);
        fixture.publish("published-fixture");
      }
      USERS = DIR.resolve("users.tsv");
      new UsersFile(USERS)
          .write(
              List.of(
                  user("kent", Role.COORDINATOR, SnapshotFixture.KENT),
                  user("min", Role.MINISTERIAL, null),
                  user("nat", Role.NATIONAL, null)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry properties) {
    properties.add("tfwh.api.warehouse", () -> DIR.resolve("warehouse").toString());
    properties.add("tfwh.api.users", USERS::toString);
    properties.add("tfwh.submissions.landing", () -> DIR.resolve("landing").toString());
  }

  @Test
  void anUploadFromSomeoneSignedOutIsRefusedBeforeItsBody() throws IOException {
    Answer signedOut = answerBeforeTheBody("/submissions", "").orElseThrow();

    assertThat(signedOut.status()).isEqualTo(403);
    assertThat(signedOut.header("Content-Type")).hasValue("application/problem+json");
    assertThat(signedOut.header("Content-Security-Policy")).isPresent();
    assertThat(signedOut.body())
        .contains("may be sent only by the national team or an authority's coordinator, signed in");
  }

  @Test
  void anUploadFromAMinisterIsRefusedBeforeItsBodyAndTheRefusalAudited() throws Exception {
    assertThat(answerBeforeTheBody("/submissions", sessionOf("min")))
        .map(Answer::status)
        .hasValue(403);

    HttpResponse<String> audit =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/api/v1/submissions/audit"))
                    .header("Authorization", "Bearer " + TOKENS.get("nat"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(audit.body())
        .contains("\"who\":\"min\"")
        .contains("refused by the access rules: POST /submissions");
  }

  /** A sign-off is a plain form: Tomcat reads one of up to 2 MiB for its parameters. */
  @Test
  void aSignOffFromAnyoneButACoordinatorIsRefusedBeforeItsBody() throws Exception {
    for (String user : List.of("min", "nat")) {
      assertThat(answerBeforeTheBody("/submissions/any-id/sign-off", sessionOf(user), FORM))
          .as(user)
          .map(Answer::status)
          .hasValue(403);
    }
    assertThat(answerBeforeTheBody("/submissions/any-id/sign-off", "", FORM))
        .map(Answer::status)
        .hasValue(403);
    assertThat(answerBeforeTheBody("/api/v1/submissions/any-id/sign-off", bearer("nat"), FORM))
        .map(Answer::status)
        .hasValue(403);
  }

  @Test
  void anApiUploadFromAWrongRoleOrNoOneIsRefusedBeforeItsBody() throws IOException {
    assertThat(answerBeforeTheBody("/api/v1/submissions", bearer("min")))
        .map(Answer::status)
        .hasValue(403);
    assertThat(answerBeforeTheBody("/api/v1/submissions", "")).map(Answer::status).hasValue(401);
    assertThat(
            answerBeforeTheBody(
                "/api/v1/submissions", "Authorization: Bearer " + ApiTokens.newToken() + "\r\n"))
        .map(Answer::status)
        .hasValue(401);
  }

  /**
   * Only the upload addresses and the API's sign-off (whose rules look at the sender first) take a
   * multipart body: sent anywhere else (the sign-in form, whose throttle reads the user's name; a
   * page; the API; an address nothing serves) it is refused unread, whoever sends it.
   */
  @Test
  void aMultipartBodyAnywhereButAnUploadIsRefusedUnread() throws Exception {
    String kent = sessionOf("kent");
    for (String path :
        List.of(
            "/login",
            "/logout",
            "/national",
            "/submissions/any-id/sign-off",
            "/api/v1/national",
            "/nothing-here")) {
      for (String headers : List.of("", kent, bearer("kent"))) {
        Answer answer = answerBeforeTheBody(path, headers).orElseThrow();
        assertThat(answer.status()).as(path + " " + headers).isEqualTo(415);
        assertThat(answer.body()).as(path).contains("taken only by an upload");
        assertThat(answer.header("Content-Security-Policy")).as(path).isPresent();
      }
    }
  }

  /** The control: the server waits for the bodies of those who may send them. */
  @Test
  void theUploadOfSomeoneWhoMaySendItIsRead() throws Exception {
    assertThat(answerBeforeTheBody("/submissions", sessionOf("kent"), WAIT_MILLIS)).isEmpty();
    assertThat(answerBeforeTheBody("/api/v1/submissions", bearer("kent"), WAIT_MILLIS)).isEmpty();
    assertThat(answerBeforeTheBody("/api/v1/submissions", bearer("nat"), WAIT_MILLIS)).isEmpty();
    assertThat(
            answerBeforeTheBody(
                "/submissions/any-id/sign-off", sessionOf("kent"), FORM, WAIT_MILLIS))
        .isEmpty();
  }

  private Optional<Answer> answerBeforeTheBody(String path, String headers) throws IOException {
    return answerBeforeTheBody(path, headers, UPLOAD, ANSWER_MILLIS);
  }

  private Optional<Answer> answerBeforeTheBody(String path, String headers, int millis)
      throws IOException {
    return answerBeforeTheBody(path, headers, UPLOAD, millis);
  }

  private Optional<Answer> answerBeforeTheBody(String path, String headers, Body body)
      throws IOException {
    return answerBeforeTheBody(path, headers, body, ANSWER_MILLIS);
  }

  /**
   * Sends a POST's headers and the start of its body, declaring more, and reads the answer; empty
   * when the server has not answered within {@code millis}, waiting for the rest of the body.
   */
  private Optional<Answer> answerBeforeTheBody(String path, String headers, Body body, int millis)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), ANSWER_MILLIS);
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nContent-Type: "
                  + body.contentType()
                  + "\r\nContent-Length: "
                  + body.declaredBytes()
                  + "\r\n"
                  + headers
                  + "\r\n"
                  + body.start())
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] received = new byte[16 * 1024];
      int length = 0;
      try {
        // The answer's head and its short problem body; the server closes the connection (the
        // rest of the declared body is never read), or the read times out once all is here.
        for (int n = in.read(received);
            n != -1;
            n = in.read(received, length, received.length - length)) {
          length += n;
          if (length == received.length || complete(received, length)) {
            break;
          }
        }
      } catch (SocketTimeoutException waiting) {
        if (length == 0) {
          return Optional.empty();
        }
      }
      String answer = new String(received, 0, length, StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 ");
      return Optional.of(new Answer(answer));
    }
  }

  /** Whether the answer's head has come, with as much body as it declares. */
  private static boolean complete(byte[] received, int length) {
    String text = new String(received, 0, length, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    Matcher declared =
        Pattern.compile("(?im)^Content-Length: (\\d+)$").matcher(text.substring(0, end));
    return declared.find() && length >= end + 4 + Integer.parseInt(declared.group(1))
        || text.substring(0, end)
                .toLowerCase(java.util.Locale.ROOT)
                .contains("transfer-encoding: chunked")
            && text.endsWith("0\r\n\r\n");
  }

  /** An answer as received: its status line, headers and body. */
  private record Answer(String text) {
    int status() {
      return Integer.parseInt(text.substring(9, 12));
    }

    Optional<String> header(String name) {
      Matcher header =
          Pattern.compile("(?im)^" + Pattern.quote(name) + ": ([^\r\n]*)$")
              .matcher(text.substring(0, text.indexOf("\r\n\r\n")));
      return header.find() ? Optional.of(header.group(1)) : Optional.empty();
    }

    String body() {
      return text.substring(text.indexOf("\r\n\r\n") + 4);
    }
  }

  private static String bearer(String user) {
    return "Authorization: Bearer " + TOKENS.get(user) + "\r\n";
  }

  /** Signs {@code user} in through the sign-in page; the session's cookie header. */
  private String sessionOf(String user) {
    return "Cookie: JSESSIONID="
        + PageSignIn.as("http://127.0.0.1:" + port, user, TOKENS.get(user)).sessionCookie()
        + "\r\n";
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static ApiUser user(String name, Role role, String authority) {
    return new ApiUser(name, role, authority, ApiTokens.hash(TOKENS.get(name)), Instant.now());
  }
}
