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
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.TfwhApiApplication;
import uk.gov.tfwh.warehouse.table.WarehouseTable;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

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

  /**
   * A committed, published release (on the Iceberg store, the default) one of whose Parquet data
   * files was overwritten afterwards.
   */
  private static Path damagedWarehouse() {
    try {
      Path root = Files.createTempDirectory("tfwh-damaged");
      try (IcebergFixture fixture = IcebergFixture.open(root)) {
        fixture.commit(SNAPSHOT, 0);
        fixture.publish(SNAPSHOT);
        try (CloseableIterable<FileScanTask> tasks =
            fixture.catalog().table(WarehouseTable.FACT_RETURN).newScan().planFiles()) {
          Path parquet = Path.of(URI.create(tasks.iterator().next().file().location()));
          Files.writeString(parquet, "not parquet any more");
        }
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
