package uk.gov.tfwh.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.tfwh.api.TfwhApiApplication;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.serving.PublishedRelease;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.Publisher;

/**
 * From the submission service through the real load to the figures (issue 18): returns sent, signed
 * off, left awaiting sign-off and rejected through the service, plus one dropped into the landing
 * folder by an operator; then {@code ./tfwh load}. The national status counts agree with the load's
 * data-quality view, the receipts follow the submission into its snapshot and its publication, and
 * the loaded version is ordered and marked late by the service's clock.
 */
@Tag("slow")
class SubmissionLoadRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KENT = "E10000016";
  private static final String BRISTOL = "E06000023";
  private static final String BIRMINGHAM = "E08000025";
  private static final String LEEDS = "E08000035";

  @TempDir Path temp;

  @Test
  void theStatusCountsAreTheDataQualityViewsAfterTheNextLoad() throws Exception {
    Path root = TfwhLoad.projectRoot();
    Path examples = root.resolve("contract/examples");
    Path landing = Files.createDirectories(temp.resolve("landing"));
    // The Iceberg store, the default of ./tfwh load and serve (named here as the load names it).
    Path warehouse = Files.createDirectories(temp.resolve("warehouse"));
    CatalogSettings catalog = CatalogSettings.embedded(warehouse);
    String coordinator = ApiTokens.newToken();
    String sro = ApiTokens.newToken();
    String national = ApiTokens.newToken();
    Path users = temp.resolve("users.tsv");
    Instant now = Instant.now();
    new UsersFile(users)
        .write(
            List.of(
                new ApiUser("kent", Role.COORDINATOR, KENT, ApiTokens.hash(coordinator), now),
                new ApiUser("kent-sro", Role.COORDINATOR, KENT, ApiTokens.hash(sro), now, true),
                new ApiUser("nat", Role.NATIONAL, null, ApiTokens.hash(national), now)));
    // An operator's drop for Leeds' phase 2 2015Q2 (no sidecar): it loads all the same.
    Files.writeString(
        landing.resolve("leeds-2015Q2.summary.csv"),
        Files.readString(examples.resolve("valid-p2-kent-2015Q2.summary.csv"))
            .replace("E10000016", LEEDS));

    try (ConfigurableApplicationContext api =
        new SpringApplication(TfwhApiApplication.class)
            .run(
                "--tfwh.store.kind=iceberg",
                "--tfwh.api.warehouse=" + warehouse,
                "--tfwh.api.users=" + users,
                "--tfwh.submissions.landing=" + landing,
                "--server.port=0",
                "--server.address=127.0.0.1")) {
      Client client = new Client(api.getEnvironment().getProperty("local.server.port"));
      // Kent: sent and signed off. Bristol: sent for it by the national team, not signed off.
      // Birmingham: rejected.
      JsonNode kent =
          client.upload(
              coordinator,
              null,
              examples.resolve("valid-p2-kent-2015Q2.summary.csv"),
              examples.resolve("valid-p2-kent-2015Q2.claims.csv"));
      assertThat(kent.get("outcome").asText()).isEqualTo("accepted");
      String kentId = kent.get("id").asText();
      client.post(sro, "/api/v1/submissions/" + kentId + "/sign-off?confirm=true");
      client.upload(national, BRISTOL, examples.resolve("valid-p2-bristol-2015Q2.xlsx"));
      Path brokenBirmingham = temp.resolve("birmingham-2015Q2.summary.csv");
      Files.writeString(
          brokenBirmingham,
          Files.readString(examples.resolve("valid-p2-kent-2015Q2.summary.csv"))
              .replace("E10000016", BIRMINGHAM)
              .replace(",1240,610,", ",1240,9610,"));
      assertThat(client.upload(national, BIRMINGHAM, brokenBirmingham).get("outcome").asText())
          .isEqualTo("rejected");

      new TfwhLoad(root, landing, warehouse, "iceberg").run(temp.resolve("load.log"));

      JsonNode status = client.get(national, "/api/v1/submissions/status?phase=2&period=2015Q2");
      JsonNode quality = client.get(national, "/api/v1/data-quality?phase=2&period=2015Q2");
      Map<String, Long> counts = JSON.convertValue(status.get("counts"), Map.class);
      Map<String, Long> dq = JSON.convertValue(quality.get("status_counts"), Map.class);
      long dqLoaded = count(dq, "accepted") + count(dq, "late") + count(dq, "resubmitted");
      assertThat(count(counts, "submitted") + count(counts, "late"))
          .isEqualTo(dqLoaded)
          .isEqualTo(2);
      assertThat(count(counts, "late")).isEqualTo(count(dq, "late"));
      assertThat(
              count(counts, "not_sent")
                  + count(counts, "rejected")
                  + count(counts, "awaiting_sign_off"))
          .isEqualTo(count(dq, "missing"));
      assertThat(count(counts, "rejected")).isEqualTo(1);
      assertThat(count(counts, "awaiting_sign_off")).isEqualTo(1);
      Map<String, String> states = new java.util.HashMap<>();
      status
          .get("rows")
          .forEach(
              r ->
                  states.put(
                      r.get("authority_code").asText(),
                      r.get("state").asText() + "/" + r.get("via").asText()));
      // Kent was received in 2026, long after 2015Q2's deadline: late by the service's clock,
      // whatever its file says. Leeds' drop is judged by the signing time it states: on time.
      assertThat(states)
          .containsEntry(KENT, "late/service")
          .containsEntry(LEEDS, "submitted/operator drop");

      String snapshot = IcebergReleases.open(CatalogDatabase.of(catalog)).currentId().orElseThrow();
      JsonNode loaded = client.get(coordinator, "/api/v1/submissions/" + kentId);
      assertThat(loaded.get("state").asText()).isEqualTo("loaded");
      assertThat(loaded.get("loaded_snapshot").asText()).isEqualTo(snapshot);
      // A revision of Leeds' dropped return, sent through the service without a revision note, is
      // judged against the warehouse's version as the load would judge it.
      Path leedsRevision = temp.resolve("leeds-revision.summary.csv");
      Files.writeString(
          leedsRevision,
          Files.readString(landing.resolve("leeds-2015Q2.summary.csv"))
              .replace(",1240,610,", ",1250,620,"));
      JsonNode revision = client.upload(national, LEEDS, leedsRevision);
      assertThat(revision.get("outcome").asText()).isEqualTo("accepted");
      assertThat(revision.get("findings").findValuesAsText("rule_id")).contains("TFQR-W02");
      try (WarehouseCatalog tables = WarehouseCatalog.open(catalog)) {
        new Publisher(tables, CatalogDatabase.of(catalog))
            .publish(snapshot, "SubmissionLoadRoundTripTest");
      }
      // The first publication, asked for at once: the public gets the release's own figures (the
      // national team's pre-release view of the same release), and a receipt read after them says
      // published. (That the two never disagree inside the service's 200 ms between reads of the
      // catalog is SnapshotPointersTest's, on a clock it moves; here the publish itself may
      // outlast the interval.)
      String leagueTable = "/api/v1/league-table?phase=2&period=2015Q2";
      JsonNode seenByThePublic = client.get(null, leagueTable);
      assertThat(seenByThePublic.get("snapshot").asText()).isEqualTo(snapshot);
      assertThat(seenByThePublic.get("release").asText()).isEqualTo("published");
      assertThat(seenByThePublic.get("rows"))
          .isNotEmpty()
          .isEqualTo(client.get(national, leagueTable).get("rows"));
      assertThat(client.get(coordinator, "/api/v1/submissions/" + kentId).get("state").asText())
          .isEqualTo("published");
      PublishedRelease.await(api, snapshot);
      JsonNode published = client.get(coordinator, "/api/v1/submissions/" + kentId);
      assertThat(published.get("state").asText()).isEqualTo("published");
      assertThat(published.get("published_snapshot").asText()).isEqualTo(snapshot);
    }
  }

  @SuppressWarnings("unchecked")
  private static long count(Map<String, ?> counts, String key) {
    Object value = counts.get(key);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private record Client(String port) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    JsonNode upload(String token, String authority, Path... files) throws Exception {
      String boundary = "b" + System.nanoTime();
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      for (Path file : files) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName()
                    + "\"\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      uri(
                          "/api/v1/submissions"
                              + (authority == null ? "" : "?authority=" + authority)))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isIn(201, 422);
      return JSON.readTree(response.body());
    }

    JsonNode post(String token, String path) throws Exception {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri(path))
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    /** A GET as the holder of {@code token}, or as the public when it is null. */
    JsonNode get(String token, String path) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }
}
