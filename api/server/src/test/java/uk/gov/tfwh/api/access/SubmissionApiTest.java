package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.api.access.AccessFixture.OTHER;
import static uk.gov.tfwh.api.access.AccessFixture.OWN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.gov.tfwh.returns.landing.Provenance;
import uk.gov.tfwh.returns.landing.SubmissionSidecars;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;

/**
 * The submission service over real HTTP (issue 18): a coordinator's return checked at once with the
 * load's rules, the authority from the sign-in, rejected returns quarantined, the SRO's sign-off
 * moving a return into the landing folder with a sidecar the load reads, and every kind of bad
 * upload answered without anything half-written. The fixture's coordinator is Kent's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubmissionApiTest extends RealHttpTest {
  private static final Path EXAMPLES = Path.of("../../contract/examples");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KENT_SUMMARY = "valid-p2-kent-2015Q2.summary.csv";
  private static final String KENT_CLAIMS = "valid-p2-kent-2015Q2.claims.csv";

  static String token(String user) {
    return AccessFixture.token(user);
  }

  @Test
  @Order(1)
  void aCoordinatorsReturnIsCheckedAtOnceAndHeldForSignOffWithAReceipt() throws Exception {
    Instant before = Instant.now();
    HttpResponse<String> sent =
        upload(token("coordinator"), null, file(KENT_SUMMARY), file(KENT_CLAIMS));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    JsonNode receipt = JSON.readTree(sent.body());
    String id = receipt.get("id").asText();
    assertThat(sent.headers().firstValue("Location")).hasValue("/api/v1/submissions/" + id);
    assertThat(receipt.get("authority").asText()).isEqualTo(OWN);
    assertThat(receipt.get("outcome").asText()).isEqualTo("accepted");
    assertThat(receipt.get("state").asText()).isEqualTo("awaiting_sign_off");
    assertThat(receipt.get("submitter").asText()).isEqualTo("coordinator");
    assertThat(receipt.get("on_behalf").asBoolean()).isFalse();
    assertThat(receipt.get("quarter_label").asText()).isEqualTo("2015Q2");
    assertThat(receipt.get("checksum").asText()).isEqualTo(sha256(EXAMPLES.resolve(KENT_SUMMARY)));
    assertThat(Instant.parse(receipt.get("received_at").asText()))
        .isBetween(before.minusSeconds(1), Instant.now());
    // 2015Q2 closed on 31 July 2015: a return received today is late.
    assertThat(receipt.get("late").asBoolean()).isTrue();
    assertThat(receipt.get("findings").isArray()).isTrue();
    // Held, not loadable: nothing reaches the landing folder before the sign-off.
    assertThat(landingFiles()).noneMatch(name -> name.startsWith(id));

    HttpResponse<String> again = get("/api/v1/submissions/" + id, token("coordinator"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("checksum").asText())
        .isEqualTo(receipt.get("checksum").asText());
  }

  @Test
  @Order(2)
  void anotherAuthoritysReturnIsRefusedOnItsAuthorityCodeAndKeptInQuarantine() throws Exception {
    HttpResponse<String> sent =
        upload(token("coordinator"), null, file("valid-p1-birmingham-2013Q3.summary.csv"));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(422);
    JsonNode receipt = JSON.readTree(sent.body());
    assertThat(receipt.get("authority").asText()).isEqualTo(OWN);
    assertThat(receipt.get("outcome").asText()).isEqualTo("rejected");
    JsonNode finding = receipt.get("findings").get(0);
    assertThat(finding.get("column").asText()).isEqualTo("authority_code");
    assertThat(finding.get("file").asText()).isEqualTo("valid-p1-birmingham-2013Q3.summary.csv");
    assertThat(finding.get("message").asText()).contains("This return is for E08000025");
    String id = receipt.get("id").asText();
    assertThat(quarantine()).anyMatch(name -> name.startsWith(id));
    assertThat(landingFiles()).noneMatch(name -> name.startsWith(id));
  }

  @Test
  @Order(3)
  void aCoordinatorCanNeitherSeeNorSubmitForAnotherAuthority() throws Exception {
    String id = firstAccepted(OWN);

    assertThat(get("/api/v1/submissions/" + id, token("other-sro")).statusCode()).isEqualTo(404);
    assertThat(
            post("/api/v1/submissions/" + id + "/sign-off?confirm=true", token("other-sro"))
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> list = get("/api/v1/submissions", token("other-sro"));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(id);
    assertThat(upload(token("coordinator"), OTHER, file(KENT_SUMMARY)).statusCode()).isEqualTo(403);
    assertThat(upload(token("minister"), null, file(KENT_SUMMARY)).statusCode()).isEqualTo(403);
    assertThat(upload(null, null, file(KENT_SUMMARY)).statusCode()).isEqualTo(401);
  }

  @Test
  @Order(4)
  void onlyTheAuthoritysSroSignsOffAndOnlyWithTheConfirmation() throws Exception {
    String id = firstAccepted(OWN);

    HttpResponse<String> notSro =
        post("/api/v1/submissions/" + id + "/sign-off?confirm=true", token("coordinator"));
    assertThat(notSro.statusCode()).isEqualTo(403);
    assertThat(notSro.body()).contains("senior responsible officer");
    HttpResponse<String> national =
        post("/api/v1/submissions/" + id + "/sign-off?confirm=true", token("national"));
    assertThat(national.statusCode()).isEqualTo(403);
    HttpResponse<String> unconfirmed =
        post("/api/v1/submissions/" + id + "/sign-off", token("sro"));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(landingFiles()).noneMatch(name -> name.startsWith(id));

    HttpResponse<String> signed =
        post("/api/v1/submissions/" + id + "/sign-off?confirm=true", token("sro"));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    JsonNode receipt = JSON.readTree(signed.body());
    assertThat(receipt.get("state").asText()).isEqualTo("submitted");
    assertThat(receipt.get("sign_off").get("by").asText()).isEqualTo("sro");
    assertThat(landingFiles()).contains(id + ".summary.csv", id + ".claims.csv");

    // The load's own reader of the sidecars takes the service's receipt time and submitter.
    Path landing = AccessFixture.LANDING;
    ReturnSource source =
        new ReturnSource(
            id,
            ReturnFormat.CSV,
            List.of(
                new SourceFile(
                    id + ".summary.csv", 1, sha256(landing.resolve(id + ".summary.csv"))),
                new SourceFile(
                    id + ".claims.csv", 1, sha256(landing.resolve(id + ".claims.csv")))));
    Provenance provenance =
        SubmissionSidecars.in(SubmissionSidecars.defaultFolder(landing)).provenanceOf(source);
    assertThat(provenance.viaService()).isTrue();
    assertThat(provenance.submitter()).isEqualTo("coordinator");
    assertThat(provenance.receivedAt())
        .isEqualTo(Instant.parse(receipt.get("received_at").asText()));

    assertThat(
            post("/api/v1/submissions/" + id + "/sign-off?confirm=true", token("sro")).statusCode())
        .isEqualTo(409);
  }

  @Test
  @Order(5)
  void theNationalTeamSubmitsOnAnAuthoritysBehalfAndSeesItInTheStatusAndTheAuditLog()
      throws Exception {
    HttpResponse<String> sent =
        upload(token("national"), OTHER, file("valid-p2-bristol-2015Q2.xlsx"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    JsonNode receipt = JSON.readTree(sent.body());
    assertThat(receipt.get("authority").asText()).isEqualTo(OTHER);
    assertThat(receipt.get("on_behalf").asBoolean()).isTrue();
    assertThat(receipt.get("role").asText()).isEqualTo("NATIONAL");

    HttpResponse<String> status =
        get("/api/v1/submissions/status?phase=2&period=2015Q2", token("national"));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(status.body());
    Map<String, String> states = new java.util.HashMap<>();
    body.get("rows")
        .forEach(r -> states.put(r.get("authority_code").asText(), r.get("state").asText()));
    assertThat(states).containsEntry(OWN, "late").containsEntry(OTHER, "awaiting_sign_off");
    long total = 0;
    for (JsonNode count : body.get("counts")) {
      total += count.asLong();
    }
    assertThat(total).isEqualTo(body.get("rows").size()).isGreaterThanOrEqualTo(150);
    HttpResponse<String> late =
        get("/api/v1/submissions/status.csv?phase=2&period=2015Q2&state=late", token("national"));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(late.body().lines())
        .hasSize(2)
        .last()
        .asString()
        .startsWith("2,2015-06-30," + OWN + ",");
    assertThat(
            get("/api/v1/submissions/status?phase=2&period=2015Q2&state=lost", token("national"))
                .statusCode())
        .isEqualTo(400);

    HttpResponse<String> audit = get("/api/v1/submissions/audit", token("national"));
    assertThat(audit.statusCode()).isEqualTo(200);
    List<String> actions = new ArrayList<>();
    JSON.readTree(audit.body()).forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions).contains("ACCEPTED", "REJECTED", "SIGN_OFF_REFUSED", "SIGNED_OFF");
    // The access rules' refusals too: Kent's coordinator sending for Bristol, the minister.
    assertThat(audit.body())
        .contains("refused by the access rules: POST /api/v1/submissions")
        .contains("\"who\":\"minister\"");
    assertThat(audit.body()).contains("\"on_behalf\":true");
  }

  /** Every bad upload gets an answer that says what to change, and nothing reaches the landing. */
  @Test
  @Order(6)
  void everyBadExampleAndMalformedUploadIsAnsweredAndNothingIsLanded() throws Exception {
    List<String> landedBefore = landingFiles();
    List<String> bad;
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      bad =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("bad-"))
              .filter(n -> !n.startsWith("bad-claims-leeds"))
              .sorted()
              .toList();
    }
    for (String name : bad) {
      HttpResponse<String> sent = upload(token("national"), "E08000036", file(name));
      assertThat(sent.statusCode()).as(name + ": " + sent.body()).isEqualTo(422);
      JsonNode findings = JSON.readTree(sent.body()).get("findings");
      assertThat(findings.size()).as(name).isPositive();
      findings.forEach(
          f -> {
            assertThat(f.get("message").asText()).as(name).isNotBlank();
            assertThat(f.get("file").asText()).as(name).isNotBlank();
          });
    }
    // Half a CSV pair: a claims file alone is no return.
    HttpResponse<String> half = upload(token("coordinator"), null, file(KENT_CLAIMS));
    assertThat(half.statusCode()).isEqualTo(422);
    assertThat(half.body()).contains("holds no return");
    // ... named in the sender's terms, not by the names the service keeps the files under.
    JsonNode halfReceipt = JSON.readTree(half.body());
    assertThat(halfReceipt.get("findings").toString())
        .contains("no summary file valid-p2-kent-2015Q2.summary.csv beside it")
        .doesNotContain(halfReceipt.get("id").asText());
    // A file that is not a return at all.
    HttpResponse<String> picture =
        upload(
            token("coordinator"),
            null,
            new Part("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    assertThat(picture.statusCode()).isEqualTo(422);
    // A zip bomb dressed as a workbook: refused by the reader's expansion limit.
    HttpResponse<String> bomb =
        upload(token("coordinator"), null, new Part("kent.xlsx", zipBomb()));
    assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(422);
    assertThat(bomb.body()).contains("TFQR-F03");
    // Nothing chosen.
    HttpResponse<String> nothing = upload(token("coordinator"), null);
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body()).contains("choose a file");

    assertThat(landingFiles()).isEqualTo(landedBefore);
  }

  @Test
  @Order(7)
  void anUploadOverTheReadersSizeLimitIsRefusedWithTheLimitAndNothingKept() throws Exception {
    List<String> held = folder("held");
    byte[] big = new byte[51 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    HttpResponse<String> sent =
        upload(token("coordinator"), null, new Part("kent.summary.csv", big));

    assertThat(sent.statusCode()).isEqualTo(413);
    assertThat(sent.body()).contains("50 MiB").contains("TFQR-F03");
    assertThat(folder("held")).isEqualTo(held);
    assertThat(folder("incoming")).isEmpty();
  }

  @Test
  @Order(8)
  void aClaimsFileOfAnotherStemIsNotPairedWithTheSummary() throws Exception {
    List<String> landedBefore = landingFiles();
    // A careless sender chooses Kent's summary and the claims file of another quarter's return.
    byte[] claims = Files.readAllBytes(EXAMPLES.resolve(KENT_CLAIMS));
    HttpResponse<String> mixed =
        upload(
            token("coordinator"),
            null,
            file(KENT_SUMMARY),
            new Part("kent-2015Q3.claims.csv", claims));

    assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(422);
    JsonNode receipt = JSON.readTree(mixed.body());
    assertThat(receipt.get("outcome").asText()).isEqualTo("rejected");
    List<JsonNode> f04 = new ArrayList<>();
    receipt.get("findings").forEach(f -> f04.add(f));
    assertThat(f04)
        .anySatisfy(
            f -> {
              assertThat(f.get("rule_id").asText()).isEqualTo("TFQR-F04");
              assertThat(f.get("file").asText()).isEqualTo("kent-2015Q3.claims.csv");
              assertThat(f.get("message").asText())
                  .contains("no summary file kent-2015Q3.summary.csv beside it");
            });
    assertThat(receipt.get("findings").toString()).doesNotContain(receipt.get("id").asText());

    // A claims file whose stem is the summary's written another way is told which summary.
    HttpResponse<String> slipped =
        upload(
            token("coordinator"),
            null,
            new Part("kent-2015Q2.summary.csv", Files.readAllBytes(EXAMPLES.resolve(KENT_SUMMARY))),
            new Part("Kent 2015Q2.claims.csv", claims));
    assertThat(slipped.statusCode()).as(slipped.body()).isEqualTo(422);
    assertThat(JSON.readTree(slipped.body()).get("findings").toString())
        .contains(
            "the claims file has no summary file Kent 2015Q2.summary.csv beside it; the summary"
                + " kent-2015Q2.summary.csv has no claims file: give the two files the same stem");

    // The same two files under one stem are a pair, whatever the stem.
    HttpResponse<String> paired =
        upload(
            token("coordinator"),
            null,
            new Part("Kent Q2.summary.csv", Files.readAllBytes(EXAMPLES.resolve(KENT_SUMMARY))),
            new Part("Kent Q2.claims.csv", claims));
    assertThat(paired.statusCode()).as(paired.body()).isEqualTo(201);
    assertThat(landingFiles()).isEqualTo(landedBefore);
  }

  // ---------------------------------------------------------------------------------------------

  record Part(String name, byte[] bytes) {}

  static Part file(String example) throws IOException {
    return new Part(example, Files.readAllBytes(EXAMPLES.resolve(example)));
  }

  HttpResponse<String> upload(String token, String authority, Part... parts) throws IOException {
    String boundary = "tfwh-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + part.name()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(part.bytes());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                uri("/api/v1/submissions" + (authority == null ? "" : "?authority=" + authority)))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  HttpResponse<String> post(String pathAndQuery, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private String firstAccepted(String authority) throws IOException {
    JsonNode list =
        JSON.readTree(get("/api/v1/submissions?authority=" + authority, token("national")).body());
    String found = null;
    for (JsonNode receipt : list) {
      if (receipt.get("outcome").asText().equals("accepted")
          && receipt.get("authority").asText().equals(authority)) {
        found = receipt.get("id").asText();
      }
    }
    assertThat(found).as("an accepted submission of " + authority).isNotNull();
    return found;
  }

  private static List<String> landingFiles() throws IOException {
    return folderAt(AccessFixture.LANDING);
  }

  private static List<String> quarantine() throws IOException {
    return folder("quarantine");
  }

  private static List<String> folder(String name) throws IOException {
    return folderAt(SubmissionSidecars.defaultFolder(AccessFixture.LANDING).resolve(name));
  }

  private static List<String> folderAt(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** A workbook-shaped zip whose one sheet inflates from about 100 KB to 100 MB. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 100; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
