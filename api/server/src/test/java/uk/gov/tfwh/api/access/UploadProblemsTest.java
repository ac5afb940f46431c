package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uploads refused before the submission service sees them, over real HTTP: a body that is not the
 * multipart/form-data it claims to be was a 500, and a few bytes in too many parts was told its
 * file was over 50 MiB. Each must say what the sender got wrong.
 */
class UploadProblemsTest extends RealHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRUNCATED =
      "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kent.summary.csv\"\r\n"
          + "Content-Type: text/csv\r\n\r\nTFQR-1,E10000016";

  static Stream<Arguments> unreadableUploads() {
    return Stream.of(
        Arguments.of("no boundary", "multipart/form-data", "xxx"),
        Arguments.of("a body cut short", "multipart/form-data; boundary=abc", TRUNCATED),
        Arguments.of(
            "a part without its headers' end",
            "multipart/form-data; boundary=abc",
            "--abc\r\nContent-Disposition: form-data; name=\"file\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableUploads")
  void anUploadThatIsNotMultipartIsABadRequestSayingWhatToSend(
      String what, String contentType, String body) throws Exception {
    HttpResponse<String> sent = post(contentType, body.getBytes(StandardCharsets.UTF_8));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(400);
    assertThat(sent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(sent.body());
    assertThat(problem.get("type").asText()).endsWith("/unreadable-upload");
    assertThat(problem.get("detail").asText())
        .contains("could not be read as multipart/form-data")
        .contains("parts named 'file'");
  }

  /**
   * A body of another type never reaches the upload: Spring answers 415, whose own detail
   * ("Content-Type 'application/json' is not supported.") said what was wrong but not what to send.
   */
  @Test
  void aBodyOfAnotherTypeIsUnsupportedAndToldToSendMultipart() throws Exception {
    HttpResponse<String> sent = post("application/json", "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(415);
    assertThat(sent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(sent.body());
    assertThat(problem.get("type").asText()).endsWith("/unsupported-media-type");
    assertThat(problem.get("detail").asText())
        .contains("application/json")
        .contains("multipart/form-data")
        .contains("parts named 'file'");
  }

  @Test
  void aBodyWithoutTheBoundaryItNamesHoldsNoFile() throws Exception {
    // Tomcat reads a body that never uses its boundary as one without parts.
    HttpResponse<String> sent =
        post("multipart/form-data; boundary=abc", "xxx".getBytes(StandardCharsets.US_ASCII));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(400);
    assertThat(sent.body()).contains("choose a file");
  }

  @Test
  void tooManyPartsAreRefusedAsTooManyFilesNotAsAFileTooLarge() throws Exception {
    HttpResponse<String> sent = post("multipart/form-data; boundary=abc", parts(300, true));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(413);
    JsonNode problem = JSON.readTree(sent.body());
    assertThat(problem.get("type").asText()).endsWith("/too-many-files");
    assertThat(problem.get("detail").asText())
        .contains("too many files in one upload")
        .contains(".summary.csv with its .claims.csv, or one .xlsx")
        .doesNotContain("MiB");
  }

  @Test
  void aFewPartsAreReadAndReachTheSubmissionService() throws Exception {
    HttpResponse<String> sent = post("multipart/form-data; boundary=abc", parts(30, false));

    // Parts without a file name are no files: the service's own answer, with nothing kept.
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(400);
    assertThat(sent.body()).contains("choose a file");
  }

  /**
   * {@code count} one-byte parts named file; without file names when {@code asFiles} is false, so
   * that an upload read whole leaves no submission behind (the other access tests count those).
   */
  private static byte[] parts(int count, boolean asFiles) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      body.writeBytes(
          ("--abc\r\nContent-Disposition: form-data; name=\"file\""
                  + (asFiles ? "; filename=\"f" + i + ".csv\"" : "")
                  + "\r\n\r\nx\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes("--abc--\r\n".getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private HttpResponse<String> post(String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/submissions"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + AccessFixture.token("coordinator"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }
}
