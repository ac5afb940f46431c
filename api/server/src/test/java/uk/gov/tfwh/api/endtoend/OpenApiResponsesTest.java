package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * Issue 19, item 7: a client built from the served OpenAPI document reads the real responses. Every
 * resource's JSON answer validates against the schema the document gives for it (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses), its content types are those the document lists, and a bad
 * request's problem validates against the document's Problem.
 */
class OpenApiResponsesTest extends ApiEndToEndTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/periods",
        "/api/v1/authorities",
        "/api/v1/league-table?phase=1&period=2013Q3",
        "/api/v1/national?phase=1&period=2013Q3",
        "/api/v1/regions?phase=1&period=2013Q3",
        "/api/v1/authorities/" + SnapshotFixture.BIRMINGHAM + "/progress?phase=1",
        "/api/v1/authorities/"
            + SnapshotFixture.BIRMINGHAM
            + "/benchmark?phase=1&period=2013Q3&group=england",
        "/api/v1/payments?phase=1",
        "/api/v1/time-series",
        "/api/v1/time-series/metadata",
        "/api/v1/data-quality?period=2013Q3",
        "/api/v1/payments?phase=2",
        "/api/v1/regions?phase=2&period=2015Q3",
        "/api/v1/authorities/" + SnapshotFixture.BIRMINGHAM + "/returns?phase=1&period=2013Q3",
        "/api/v1/league-table?phase=7&period=2013Q3"
      })
  void everyAnswerValidatesAgainstTheDocumentsSchemaForIt(String resource) throws Exception {
    JsonNode document = json("/v3/api-docs");
    String path = resource.split("\\?")[0];
    String template = templateOf(document, path);
    HttpResponse<String> response =
        get(resource, "Authorization", "Bearer " + FixtureWarehouse.NATIONAL_TOKEN);
    String status = Integer.toString(response.statusCode());
    JsonNode documented =
        document.path("paths").path(template).path("get").path("responses").path(status);
    assertThat(documented.isMissingNode()).as(template + " documents " + status).isFalse();
    String type = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
    assertThat(iterable(documented.path("content").fieldNames()))
        .as(template + " " + status + " content types")
        .contains(type);
    JsonNode schema = documented.path("content").path(type).path("schema");
    Set<ValidationMessage> errors = validate(document, schema, JSON.readTree(response.body()));
    assertThat(errors).as(resource + ": " + response.body()).isEmpty();
    if (response.statusCode() == 200
        && document
            .path("paths")
            .path(template)
            .path("get")
            .path("responses")
            .path("200")
            .path("content")
            .has("text/csv")) {
      HttpResponse<String> csv =
          get(
              resource,
              "Accept",
              "text/csv",
              "Authorization",
              "Bearer " + FixtureWarehouse.NATIONAL_TOKEN);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "xlsx", "ods"})
  void everyExportIsServedAsAMediaTypeTheDocumentLists(String format) {
    JsonNode document = json("/v3/api-docs");
    HttpResponse<String> file =
        get("/api/v1/exports/league-table." + format + "?phase=1&period=2013Q3");
    assertThat(file.statusCode()).isEqualTo(200);
    String type = file.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
    assertThat(
            iterable(
                document
                    .path("paths")
                    .path("/api/v1/exports/{table}.{format}")
                    .path("get")
                    .path("responses")
                    .path("200")
                    .path("content")
                    .fieldNames()))
        .contains(type)
        .doesNotContain("application/json");
  }

  /**
   * Rows are typed column by column, not free objects: every list of rows in the document refers to
   * a row schema that names each column, gives it a type and allows no other field, so a client
   * generated from it gets typed fields (the answers above validate against these).
   */
  @Test
  void everyTablesRowsAreATypedRowSchema() {
    JsonNode schemas = json("/v3/api-docs").path("components").path("schemas");
    List<String> tabular = new ArrayList<>();
    schemas
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode rows = entry.getValue().path("properties").path("rows");
              if (rows.isMissingNode()) {
                return;
              }
              tabular.add(entry.getKey());
              String ref = rows.path("items").path("$ref").asText();
              assertThat(ref).as(entry.getKey()).startsWith("#/components/schemas/");
              JsonNode row = schemas.path(ref.substring("#/components/schemas/".length()));
              assertThat(row.path("additionalProperties").asBoolean(true))
                  .as(ref + " allows no other field")
                  .isFalse();
              assertThat(row.path("properties").size()).as(ref).isPositive();
              row.path("properties")
                  .fields()
                  .forEachRemaining(
                      column ->
                          assertThat(column.getValue().path("type").isArray())
                              .as(ref + "." + column.getKey() + " has a type")
                              .isTrue());
              assertThat(row.path("required").size())
                  .as(ref + ": every column is always written")
                  .isEqualTo(row.path("properties").size());
            });
    assertThat(tabular)
        .contains(
            "LeagueTable",
            "NationalTotals",
            "RegionTotals",
            "AuthorityProgress",
            "Benchmark",
            "PaymentList",
            "DataQuality",
            "ReturnHistory",
            "TimeSeries",
            "TimeSeriesMetadata",
            "AuthorityList",
            "PeriodList");
    assertThat(
            schemas
                .path("LeagueTableRow")
                .path("properties")
                .path("percent_of_target")
                .path("type")
                .toString())
        .isEqualTo("[\"number\",\"null\"]");
  }

  /** The document's path template a concrete path falls under. */
  private static String templateOf(JsonNode document, String path) {
    Iterator<String> templates = document.path("paths").fieldNames();
    while (templates.hasNext()) {
      String template = templates.next();
      String pattern = template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.");
      if (path.matches(pattern)) {
        return template;
      }
    }
    throw new AssertionError("the document has no path for " + path);
  }

  private static Set<ValidationMessage> validate(
      JsonNode document, JsonNode schema, JsonNode body) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.setAll((ObjectNode) schema.deepCopy());
    root.set("components", document.path("components"));
    JsonSchema compiled =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    return compiled.validate(body);
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
