package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** Every tabular resource as CSV, by suffix and by Accept header, equal to its JSON rows. */
class CsvEndToEndTest extends ApiEndToEndTest {

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
        "/api/v1/time-series?phase=2",
        "/api/v1/time-series/metadata"
      })
  void csvBySuffixAndByAcceptEqualsTheJsonRows(String resource) {
    JsonNode rows = json(resource).path("rows");
    String[] pathAndQuery = resource.split("\\?", 2);
    String suffixed =
        pathAndQuery[0] + ".csv" + (pathAndQuery.length > 1 ? "?" + pathAndQuery[1] : "");

    HttpResponse<String> bySuffix = get(suffixed);
    HttpResponse<String> byAccept = get(resource, "Accept", "text/csv");
    for (HttpResponse<String> response : List.of(bySuffix, byAccept)) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/csv");
    }
    assertThat(bySuffix.body()).isEqualTo(byAccept.body());

    List<List<String>> csv = csv(bySuffix.body());
    List<String> header = csv.get(0);
    List<String> fields = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(header).isEqualTo(fields);
    assertThat(csv).hasSize(rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < header.size(); c++) {
        JsonNode value = rows.get(i).path(header.get(c));
        String cell = csv.get(i + 1).get(c);
        if (value.isNull()) {
          assertThat(cell).isEmpty();
        } else if (value.isNumber()) {
          assertThat(new BigDecimal(cell)).isEqualByComparingTo(value.decimalValue());
        } else {
          assertThat(cell).as(header.get(c)).isEqualTo(value.asText());
        }
      }
    }
  }

  /** A CSV read on its own says what it covers: England's one row names its phase and quarter. */
  @Test
  void everyCsvOfAQuarterSaysWhichPhaseAndQuarterInEveryRow() {
    for (String resource :
        List.of(
            "/api/v1/national.csv?phase=1&period=2013Q3",
            "/api/v1/regions.csv?phase=1&period=2013-09-30",
            "/api/v1/league-table.csv?phase=1&period=2013Q3")) {
      List<List<String>> csv = csv(get(resource).body());
      assertThat(csv.get(0).subList(0, 2)).as(resource).containsExactly("phase", "period_end");
      assertThat(csv.subList(1, csv.size()))
          .as(resource)
          .isNotEmpty()
          .allSatisfy(row -> assertThat(row.subList(0, 2)).containsExactly("1", "2013-09-30"));
    }
    List<List<String>> progress =
        csv(
            get("/api/v1/authorities/" + SnapshotFixture.BIRMINGHAM + "/progress.csv?phase=1")
                .body());
    assertThat(progress.get(0)).startsWith("phase").contains("period");
  }

  /**
   * Issue 19, item 12: the time series is every authority's league-table line for every quarter of
   * both phases, and its metadata describes exactly its columns, each from the contract.
   */
  @Test
  void theTimeSeriesHoldsEveryQuarterOfBothPhasesAndItsMetadataEveryColumn() {
    JsonNode series = json("/api/v1/time-series");
    JsonNode metadata = json("/api/v1/time-series/metadata").path("rows");
    List<String> described = new ArrayList<>();
    metadata.forEach(
        column -> {
          described.add(column.path("column").asText());
          assertThat(column.path("description").asText()).isNotBlank();
        });
    List<String> fields = new ArrayList<>();
    series.path("rows").get(0).fieldNames().forEachRemaining(fields::add);
    assertThat(fields).isEqualTo(described);
    java.util.Set<Integer> phases = new java.util.TreeSet<>();
    series.path("rows").forEach(row -> phases.add(row.path("phase").asInt()));
    assertThat(phases).containsExactly(1, 2);
    JsonNode league = json("/api/v1/league-table?phase=1&period=2013Q3").path("rows");
    long inSeries = 0;
    for (JsonNode row : series.path("rows")) {
      if (row.path("phase").asInt() == 1 && row.path("period_end").asText().equals("2013-09-30")) {
        inSeries++;
      }
    }
    assertThat(inSeries).isEqualTo(league.size());
  }

  @Test
  void csvOfAResourceNeedingARoleStillNeedsIt() {
    assertThat(get("/api/v1/data-quality.csv?period=2013Q3").statusCode()).isEqualTo(401);
    HttpResponse<String> national =
        get("/api/v1/data-quality.csv?period=2013Q3", bearer(FixtureWarehouse.NATIONAL_TOKEN));
    assertThat(national.statusCode()).isEqualTo(200);
    assertThat(csv(national.body())).hasSize(SnapshotFixture.AUTHORITIES.size() + 1);
  }
}
