package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.TfwhApiApplication;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.WarehouseReader;

/**
 * Base of the end-to-end tests: the real service on a random port over {@link FixtureWarehouse},
 * called over real HTTP, and the warehouse's query layer opened directly beside it to check the
 * figures against. Every subclass has exactly this configuration, so Spring starts the service once
 * for all of them.
 */
@SpringBootTest(classes = TfwhApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class ApiEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static WarehouseReader reader;
  static WarehouseQueries warehouse;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void warehouseFolder(DynamicPropertyRegistry registry) {
    registry.add("tfwh.api.warehouse", () -> FixtureWarehouse.root().toString());
    registry.add("tfwh.api.users", () -> FixtureWarehouse.users().toString());
  }

  @BeforeAll
  static void openWarehouse() {
    reader = WarehouseReader.iceberg(CatalogSettings.embedded(FixtureWarehouse.root()), Map.of());
    warehouse = reader.queries(QueryEngineConfig.defaults().withResultCacheEntries(0));
  }

  @AfterAll
  static void closeWarehouse() {
    warehouse.close();
    reader.close();
  }

  /** The query layer's answer straight from the warehouse, for the test to compare with. */
  static QueryResult direct(String snapshotId, Query query, Map<String, ?> arguments) {
    return warehouse.run(SnapshotSelector.byId(snapshotId), query, arguments);
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  /** GETs JSON and checks it is a 200 of application/json. */
  JsonNode json(String pathAndQuery, String... headers) {
    HttpResponse<String> response = get(pathAndQuery, headers);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    return parse(response.body());
  }

  /** GETs a problem and checks its status and media type. */
  JsonNode problem(String pathAndQuery, int status, String... headers) {
    HttpResponse<String> response = get(pathAndQuery, headers);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    JsonNode problem = parse(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asText()).isNotBlank();
    return problem;
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses simple CSV (the API's: header row, CRLF, quotes only around text with , " or CR/LF). */
  static List<List<String>> csv(String body) {
    List<List<String>> rows = new java.util.ArrayList<>();
    List<String> row = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r') {
        // the \n that follows ends the row
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new java.util.ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    return rows;
  }
}
