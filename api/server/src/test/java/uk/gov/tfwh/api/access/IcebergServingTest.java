package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.api.access.AccessFixture.OTHER;
import static uk.gov.tfwh.api.access.AccessFixture.OWN;
import static uk.gov.tfwh.api.access.AccessFixture.PRE_RELEASE;
import static uk.gov.tfwh.api.access.AccessFixture.PRE_RELEASE_BUMP;
import static uk.gov.tfwh.api.access.AccessFixture.PUBLISHED;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.tfwh.api.TfwhApiApplication;
import uk.gov.tfwh.api.serving.PublishedRelease;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.release.Publisher;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The service over the Iceberg store ({@code tfwh.store.kind=iceberg}), spoken to over real HTTP:
 * the access fixture's two releases (the published one and the newer pre-release one) written as
 * Iceberg tables into a warehouse of its own (a publish here must not reach the other access tests'
 * shared service), served beside the legacy folder store's service over the same rows, pinned to
 * {@code tfwh.store.kind=folder} because comparing the two stores is the point. The same requests
 * get the same figures, snapshots and ETags from both; the role rules hold; a publish is seen
 * without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcebergServingTest extends RealHttpTest {
  private static final List<String> PATHS =
      List.of(
          "/api/v1/periods",
          "/api/v1/authorities",
          "/api/v1/league-table?phase=1&period=2013-09-30",
          "/api/v1/national?phase=1&period=2013-09-30",
          "/api/v1/regions?phase=1&period=2013-09-30",
          "/api/v1/authorities/" + OWN + "/progress?phase=1",
          "/api/v1/payments?phase=1&authority=" + OWN,
          "/api/v1/time-series",
          "/api/v1/data-quality?period=2013-09-30&authority=" + OWN,
          "/api/v1/authorities/" + OWN + "/returns?phase=1&period=2013-09-30");

  private static Path warehouse;
  private static IcebergFixture fixture;
  private static ConfigurableApplicationContext iceberg;
  private static int icebergPort;
  private static ConfigurableApplicationContext folder;
  private static int folderPort;

  @BeforeAll
  static void serveTheIcebergStore() throws IOException {
    warehouse = Files.createTempDirectory(AccessFixture.DIR, "iceberg");
    fixture = IcebergFixture.open(warehouse);
    fixture.commit(PUBLISHED, 0);
    fixture.publish(PUBLISHED);
    fixture.commit(PRE_RELEASE, PRE_RELEASE_BUMP);
    iceberg = serve("iceberg", warehouse);
    icebergPort = Integer.parseInt(iceberg.getEnvironment().getProperty("local.server.port", "0"));

    Path folderWarehouse = Files.createTempDirectory(AccessFixture.DIR, "folder");
    SnapshotStore store = new SnapshotStore(folderWarehouse);
    SnapshotFixture.commit(store, PUBLISHED, 0);
    store.publish(PUBLISHED);
    SnapshotFixture.commit(store, PRE_RELEASE, PRE_RELEASE_BUMP);
    folder = serve("folder", folderWarehouse);
    folderPort = Integer.parseInt(folder.getEnvironment().getProperty("local.server.port", "0"));
  }

  private static ConfigurableApplicationContext serve(String store, Path warehouse) {
    List<String> args = new ArrayList<>(AccessFixture.serverArguments(warehouse));
    args.add("--tfwh.store.kind=" + store);
    return new SpringApplicationBuilder(TfwhApiApplication.class).run(args.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (iceberg != null) {
      iceberg.close();
    }
    if (folder != null) {
      folder.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private static HttpResponse<String> icebergGet(String path, String token, String etag) {
    return get(icebergPort, path, token, etag);
  }

  private static HttpResponse<String> get(int port, String path, String token, String etag) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return send(request.build());
  }

  private static String snapshot(HttpResponse<String> response) {
    return response.headers().firstValue("X-Tfwh-Snapshot").orElse(null);
  }

  @Test
  @Order(1)
  void theServiceReadsTheIcebergStore() {
    assertThat(iceberg.getBean(uk.gov.tfwh.warehouse.release.WarehouseReleases.class))
        .isInstanceOf(uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases.class);
    HttpResponse<String> ready = icebergGet("/actuator/health/readiness", null, null);
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
  }

  @Test
  @Order(1)
  void everyoneGetsTheFolderStoresFiguresSnapshotsAndEtagsForTheSameRows() {
    for (String user : java.util.Arrays.asList(null, "national", "coordinator")) {
      String token = user == null ? null : AccessFixture.token(user);
      for (String path : PATHS) {
        HttpResponse<String> fromFolder = get(folderPort, path, token, null);
        HttpResponse<String> fromIceberg = icebergGet(path, token, null);

        String what = user + " " + path;
        assertThat(fromFolder.statusCode()).as(what).isIn(200, 401, 403);
        assertThat(fromIceberg.statusCode()).as(what).isEqualTo(fromFolder.statusCode());
        assertThat(fromIceberg.body()).as(what).isEqualTo(fromFolder.body());
        assertThat(snapshot(fromIceberg)).as(what).isEqualTo(snapshot(fromFolder));
        assertThat(fromIceberg.headers().firstValue("ETag"))
            .as(what)
            .isEqualTo(fromFolder.headers().firstValue("ETag"));
      }
    }
  }

  @Test
  @Order(1)
  void thePublicSeesThePublishedReleaseAndTheNationalTeamThePreRelease() {
    String path = "/api/v1/league-table?phase=1&period=2013-09-30";
    HttpResponse<String> anonymous = icebergGet(path, null, null);
    HttpResponse<String> national = icebergGet(path, AccessFixture.token("national"), null);

    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(snapshot(anonymous)).isEqualTo(PUBLISHED);
    assertThat(anonymous.body()).contains("512").doesNotContain("1512").doesNotContain(PRE_RELEASE);
    assertThat(anonymous.headers().firstValue("Cache-Control").orElse("")).contains("public");
    assertThat(snapshot(national)).isEqualTo(PRE_RELEASE);
    assertThat(national.body()).contains("1512");
    assertThat(national.headers().firstValue("Cache-Control").orElse("")).contains("private");

    String etag = anonymous.headers().firstValue("ETag").orElseThrow();
    assertThat(icebergGet(path, null, etag).statusCode()).isEqualTo(304);
  }

  @Test
  @Order(1)
  void theWrongRoleOrAuthorityIsRefused() {
    String coordinator = AccessFixture.token("coordinator");
    String dataQuality = "/api/v1/data-quality?period=2013-09-30&authority=%s";

    assertThat(icebergGet(dataQuality.formatted(OWN), null, null).statusCode()).isEqualTo(401);
    assertThat(icebergGet(dataQuality.formatted(OTHER), coordinator, null).statusCode())
        .isEqualTo(403);
    assertThat(
            icebergGet(dataQuality.formatted(OWN), AccessFixture.token("minister"), null)
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> own = icebergGet(dataQuality.formatted(OWN), coordinator, null);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(snapshot(own)).isEqualTo(PRE_RELEASE);
  }

  @Test
  @Order(2)
  void aPublishThroughThePublisherIsSeenWithoutARestart() {
    String path = "/api/v1/league-table?phase=1&period=2013-09-30";
    String before = icebergGet(path, null, null).headers().firstValue("ETag").orElseThrow();

    new Publisher(fixture.catalog(), CatalogDatabase.of(fixture.catalog().settings()))
        .publish(PRE_RELEASE, "IcebergServingTest");
    PublishedRelease.await(iceberg, PRE_RELEASE);
    HttpResponse<String> after = icebergGet(path, null, before);

    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(snapshot(after)).isEqualTo(PRE_RELEASE);
    assertThat(after.body()).contains("1512");
  }
}
