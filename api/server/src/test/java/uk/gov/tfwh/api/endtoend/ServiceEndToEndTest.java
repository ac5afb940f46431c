package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document, its UI, and the health and readiness endpoints. */
class ServiceEndToEndTest extends ApiEndToEndTest {

  @Test
  void theOpenApiDocumentListsEveryEndpoint() {
    JsonNode document = json("/v3/api-docs");
    List<String> paths = new ArrayList<>();
    document.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "/api/v1/periods",
            "/api/v1/authorities",
            "/api/v1/league-table",
            "/api/v1/national",
            "/api/v1/regions",
            "/api/v1/authorities/{code}/progress",
            "/api/v1/authorities/{code}/benchmark",
            "/api/v1/payments",
            "/api/v1/time-series",
            "/api/v1/time-series/metadata",
            "/api/v1/data-quality",
            "/api/v1/authorities/{code}/returns",
            "/api/v1/exports/{table}.{format}",
            "/api/v1/exports/briefing.pdf",
            "/api/v1/exports/briefing-summary.{format}",
            "/api/v1/exports/authority-profile.pdf",
            "/api/v1/submissions",
            "/api/v1/submissions/{id}",
            "/api/v1/submissions/{id}/sign-off",
            "/api/v1/submissions/status",
            "/api/v1/submissions/audit");
    JsonNode leagueTable = document.path("paths").path("/api/v1/league-table").path("get");
    List<String> parameters = leagueTable.path("parameters").findValuesAsText("name");
    assertThat(parameters).containsExactlyInAnyOrder("phase", "period", "region", "type");
    assertThat(leagueTable.path("responses").path("200").path("content").has("text/csv")).isTrue();
  }

  /**
   * Issue 19, item 7 in part: the document names fields as the responses do (snake_case), says
   * which operations need a token, tags them by feature and documents their problems.
   */
  @Test
  void theOpenApiDocumentNamesFieldsAsTheResponsesDoAndSaysWhoMayCallWhat() {
    JsonNode document = json("/v3/api-docs");
    List<String> camelCase = new ArrayList<>();
    document
        .path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(
            schema ->
                schema
                    .getValue()
                    .path("properties")
                    .fieldNames()
                    .forEachRemaining(
                        name -> {
                          if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                            camelCase.add(schema.getKey() + "." + name);
                          }
                        }));
    assertThat(camelCase).isEmpty();
    assertThat(
            document
                .path("components")
                .path("schemas")
                .path("LeagueTable")
                .path("properties")
                .has("quarter_label"))
        .isTrue();

    JsonNode league = document.path("paths").path("/api/v1/league-table").path("get");
    assertThat(league.path("security").toString()).isEqualTo("[{},{\"bearer\":[]}]");
    assertThat(league.path("tags").toString()).isEqualTo("[\"league-table\"]");
    assertThat(league.path("responses").path("400").path("content").has("application/problem+json"))
        .isTrue();
    assertThat(league.path("responses").has("401")).isFalse();

    JsonNode quality = document.path("paths").path("/api/v1/data-quality").path("get");
    assertThat(quality.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
    for (String status : List.of("400", "401", "403", "404")) {
      assertThat(
              quality
                  .path("responses")
                  .path(status)
                  .path("content")
                  .has("application/problem+json"))
          .as(status)
          .isTrue();
    }
    assertThat(document.has("security")).as("no padlock on every operation").isFalse();
  }

  @Test
  void theBrowsableUiIsServed() {
    assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }

  @Test
  void healthAndReadinessAreUp() {
    for (String health :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      var response = get(health);
      assertThat(response.statusCode()).as(health).isEqualTo(200);
      assertThat(parse(response.body()).path("status").asText()).as(health).isEqualTo("UP");
    }
  }
}
