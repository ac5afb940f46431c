package uk.gov.tfwh.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * What an operator reads in the service's log: its start and warnings that need them, not the
 * libraries' working notes. Iceberg wrote four lines at info for every table of every release the
 * service opened (a scan report among them, of a thousand characters), and SpringDoc warned at each
 * start that the OpenAPI document "is enabled by default", which it is on purpose. The defaults
 * that say so (and turn Spring's banner off) were given too late to be read, and are now read first
 * ({@code ApiDefaults}).
 *
 * <p>Its own context (the output is captured from before it starts), over a warehouse of one
 * release, read over real HTTP so that every table is opened.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    classes = TfwhApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceLogTest {
  private static final Path WAREHOUSE;

  static {
    try {
      WAREHOUSE = Files.createTempDirectory("tfwh-service-log-").resolve("warehouse");
      try (IcebergFixture fixture = IcebergFixture.open(Files.createDirectories(WAREHOUSE))) {
        fixture.commit("published-fixture", 0);
        fixture.publish("published-fixture");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry properties) {
    properties.add("tfwh.api.warehouse", WAREHOUSE::toString);
  }

  @Test
  void theLogHoldsNeitherIcebergsWorkingNotesNorAWarningAboutTheDocumentItServes(
      CapturedOutput output) throws Exception {
    HttpResponse<String> league =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/api/v1/league-table?phase=1&period="
                                + SnapshotFixture.Q2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(league.statusCode()).as(league.body()).isEqualTo(200);

    String all = output.getAll();
    assertThat(all).as("the service's start, in the captured output").contains("Starting ");
    assertThat(all).as("Spring's banner, turned off").doesNotContain(":: Spring Boot ::");
    // From the service's start: the fixture written before it logs as the test's own code.
    assertThat(all.substring(all.indexOf("Starting ")).lines())
        .noneMatch(line -> line.contains("org.apache.iceberg") || line.contains(" o.a.i."))
        .noneMatch(line -> line.contains("SpringDoc"))
        .noneMatch(line -> line.contains(" WARN "));
  }
}
