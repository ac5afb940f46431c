package uk.gov.tfwh.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.TfwhApiApplication;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * Readiness reports whether the engine can read what the service serves (issue 17, finding 15: it
 * stayed UP with a damaged Parquet file, because it looked at the pointers only).
 */
@SpringBootTest(
    classes = TfwhApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorruptSnapshotReadinessTest {
  private static final String SNAPSHOT = "20260101T000000000Z-damaged";
  private static final Path WAREHOUSE = damagedWarehouse();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry registry) {
    registry.add("tfwh.api.warehouse", WAREHOUSE::toString);
  }

  /** A committed, published snapshot one of whose Parquet files was overwritten afterwards. */
  private static Path damagedWarehouse() {
    try {
      Path root = Files.createTempDirectory("tfwh-damaged");
      SnapshotStore store = new SnapshotStore(root);
      SnapshotFixture.commit(store, SNAPSHOT, 0);
      store.publish(SNAPSHOT);
      Path table = store.snapshotDir(SNAPSHOT).resolve(WarehouseTable.FACT_RETURN.relativePath());
      try (Stream<Path> files = Files.walk(table)) {
        Path parquet =
            files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        Files.writeString(parquet, "not parquet any more");
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aSnapshotTheEngineCannotReadMakesTheServiceNotReady() throws Exception {
    HttpResponse<String> readiness =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
  }
}
