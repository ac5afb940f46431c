package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.gov.tfwh.api.access.AccessFixture.OTHER;
import static uk.gov.tfwh.api.access.AccessFixture.OWN;
import static uk.gov.tfwh.api.access.AccessFixture.PRE_RELEASE;
import static uk.gov.tfwh.api.access.AccessFixture.PRE_RELEASE_BUMP;
import static uk.gov.tfwh.api.access.AccessFixture.PUBLISHED;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.tfwh.api.TfwhApiApplication;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.trino.LocalTrino;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

/**
 * The service with the Trino engine over the Iceberg store ({@code ./tfwh serve --engine trino} on
 * a warehouse that {@code ./tfwh trino start --warehouse DIR} serves), spoken to over real HTTP
 * beside the embedded engine's service over the same warehouse: the access fixture's two releases
 * (published, and the newer pre-release one) give the same bodies, snapshots and ETags from both
 * engines for the public, the national team and a coordinator; the role rules hold.
 */
class TrinoServingIT {
  private static final String PERIOD = "phase=1&period=2013-09-30";
  private static final List<String> PATHS =
      List.of(
          "/api/v1/league-table?" + PERIOD,
          "/api/v1/authorities/" + OWN + "/benchmark?" + PERIOD + "&group=region",
          "/api/v1/payments?phase=1&authority=" + OWN,
          "/api/v1/national?" + PERIOD,
          "/api/v1/data-quality?period=2013-09-30&authority=" + OWN);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static LocalTrino trino;
  private static IcebergFixture fixture;
  private static ConfigurableApplicationContext embedded;
  private static ConfigurableApplicationContext onTrino;

  @BeforeAll
  static void serveOneWarehouseWithBothEngines() throws IOException {
    assumeTrue(
        LocalTrino.javaHomeForTrino().isPresent(),
        "Trino 476 needs a JDK 24 or newer and none was found");
    Path root = Path.of(System.getProperty("tfwh.root.dir")).toAbsolutePath().normalize();
    Path it = Path.of(System.getProperty("tfwh.it.dir", "target/it")).toAbsolutePath();
    Path warehouse = it.resolve("serve-trino");
    deleteTree(warehouse);
    deleteTree(it.resolve("trino"));
    // The catalog's tables exist before Trino's catalog first connects to them.
    fixture = IcebergFixture.open(warehouse);
    fixture.commit(PUBLISHED, 0);
    fixture.publish(PUBLISHED);
    fixture.commit(PRE_RELEASE, PRE_RELEASE_BUMP);
    trino =
        LocalTrino.start(root, it.resolve("trino"), Optional.of(warehouse), List.of(), Map.of());
    embedded = serve(warehouse, "embedded");
    onTrino = serve(warehouse, "trino", "--tfwh.api.trino-url=" + trino.jdbcUrl());
  }

  private static ConfigurableApplicationContext serve(
      Path warehouse, String engine, String... more) {
    List<String> args = new ArrayList<>(AccessFixture.serverArguments(warehouse));
    args.add("--tfwh.store.kind=iceberg");
    args.add("--tfwh.api.engine=" + engine);
    args.addAll(Arrays.asList(more));
    return new SpringApplicationBuilder(TfwhApiApplication.class).run(args.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closing : Arrays.asList(onTrino, embedded, trino, fixture)) {
      if (closing != null) {
        try {
          closing.close();
        } catch (Exception e) {
          // The others still close; the JVM ends with the tests.
        }
      }
    }
  }

  @Test
  void theTrinoServiceQueriesThroughTrino() {
    assertThat(onTrino.getBean(WarehouseQueries.class).engineName()).isEqualTo("trino");
    assertThat(embedded.getBean(WarehouseQueries.class).engineName()).isEqualTo("embedded");
    HttpResponse<String> ready = get(onTrino, "/actuator/health/readiness", null);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
  }

  @Test
  void everyoneGetsTheSameBodiesSnapshotsAndEtagsFromBothEngines() {
    for (String user : Arrays.asList(null, "national", "coordinator")) {
      String token = user == null ? null : AccessFixture.token(user);
      for (String path : PATHS) {
        HttpResponse<String> expected = get(embedded, path, token);
        HttpResponse<String> actual = get(onTrino, path, token);

        String what = user + " " + path;
        assertThat(expected.statusCode()).as(what).isIn(200, 401);
        assertThat(actual.statusCode()).as(what).isEqualTo(expected.statusCode());
        assertThat(actual.body()).as(what).isEqualTo(expected.body());
        assertThat(snapshot(actual)).as(what).isEqualTo(snapshot(expected));
        assertThat(actual.headers().firstValue("ETag"))
            .as(what)
            .isEqualTo(expected.headers().firstValue("ETag"));
      }
    }
  }

  @Test
  void thePublicReadsThePublishedReleaseAndTheNationalTeamThePreRelease() {
    String path = "/api/v1/league-table?" + PERIOD;
    HttpResponse<String> anonymous = get(onTrino, path, null);
    HttpResponse<String> national = get(onTrino, path, AccessFixture.token("national"));

    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
    assertThat(snapshot(anonymous)).isEqualTo(PUBLISHED);
    assertThat(anonymous.body()).contains("512").doesNotContain("1512").doesNotContain(PRE_RELEASE);
    assertThat(national.statusCode()).as(national.body()).isEqualTo(200);
    assertThat(snapshot(national)).isEqualTo(PRE_RELEASE);
    assertThat(national.body()).contains("1512");
  }

  @Test
  void theWrongRoleOrAuthorityIsRefused() {
    String dataQuality = "/api/v1/data-quality?period=2013-09-30&authority=%s";

    assertThat(get(onTrino, dataQuality.formatted(OWN), null).statusCode()).isEqualTo(401);
    assertThat(
            get(onTrino, dataQuality.formatted(OTHER), AccessFixture.token("coordinator"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            get(onTrino, dataQuality.formatted(OWN), AccessFixture.token("minister")).statusCode())
        .isEqualTo(403);
  }

  private static HttpResponse<String> get(
      ConfigurableApplicationContext service, String path, String token) {
    String port = service.getEnvironment().getProperty("local.server.port");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String snapshot(HttpResponse<String> response) {
    return response.headers().firstValue("X-Tfwh-Snapshot").orElse(null);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
