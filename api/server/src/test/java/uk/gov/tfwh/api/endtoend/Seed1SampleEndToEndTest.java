package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CONTINUOUS_EMPLOYMENT;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CRIME_ASB_EDUCATION;
import static uk.gov.tfwh.programme.outcome.ClaimResult.PROGRESS_TO_WORK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.TfwhApiApplication;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.payment.CumulativeFigures;
import uk.gov.tfwh.programme.payment.PaymentRules;
import uk.gov.tfwh.programme.payment.QuarterPayment;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.programme.reference.TargetBasis;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.embedded.WarehouseReader;
import uk.gov.tfwh.warehouse.sample.SampleWarehouse;

/**
 * The API over the seed-1 sample as the demo builds it (generated, loaded by Spark, published, on
 * the default Iceberg store), over real HTTP: league-table ranks and percentages recomputed here,
 * national totals equal to the sum of the authorities, payments equal to the programme's payment
 * rules applied to the returns, CSV equal to JSON. Skipped until the generator is built (it needs
 * {@code ./tfwh generate}). Its own Spring context (another warehouse), started once for this
 * class.
 */
@SpringBootTest(classes = TfwhApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class Seed1SampleEndToEndTest {
  private static final String PERIOD = "2015Q1";
  private static final LocalDate PERIOD_END = LocalDate.of(2015, 3, 31);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static WarehouseReader sample;
  private static WarehouseQueries warehouse;

  @LocalServerPort int port;

  @BeforeAll
  static void sample() {
    sample = WarehouseReader.iceberg(SampleWarehouse.seed1Catalog(), Map.of());
    warehouse = sample.queries(QueryEngineConfig.defaults().withResultCacheEntries(0));
  }

  @AfterAll
  static void close() {
    if (warehouse != null) {
      warehouse.close();
    }
    if (sample != null) {
      sample.close();
    }
  }

  /** The sample, served on the default store (the tests' own settings pin the folder store). */
  @DynamicPropertySource
  static void warehouseFolder(DynamicPropertyRegistry registry) {
    registry.add("tfwh.api.warehouse", () -> SampleWarehouse.seed1().toString());
    registry.add("tfwh.store.kind", () -> "");
  }

  @Test
  void leagueTableRanksAndPercentagesRecomputedIndependently() {
    JsonNode table = json("/api/v1/league-table?phase=1&period=" + PERIOD);
    JsonNode rows = table.path("rows");
    QueryResult direct =
        warehouse.run(
            SnapshotSelector.published(),
            Query.LEAGUE_TABLE,
            Map.of("phase", 1, "period", PERIOD_END));
    assertThat(table.path("snapshot").asText()).isEqualTo(direct.snapshotId());
    assertThat(rows).hasSize(direct.size());
    assertThat(rows.size()).isGreaterThan(100);
    long previousRank = 0;
    for (JsonNode row : rows) {
      long turnedAround = row.path("turned_around").asLong();
      long target = row.path("target").asLong();
      assertThat(row.path("percent_of_target").decimalValue())
          .as(row.path("authority_name").asText())
          .isEqualByComparingTo(
              BigDecimal.valueOf(100 * turnedAround)
                  .divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP));
      long higher = 0;
      long sameRegionHigher = 0;
      for (JsonNode other : rows) {
        boolean above =
            other.path("turned_around").asLong() * target
                > turnedAround * other.path("target").asLong();
        if (above) {
          higher++;
          if (other.path("region").asText().equals(row.path("region").asText())) {
            sameRegionHigher++;
          }
        }
      }
      assertThat(row.path("rank").asLong()).isEqualTo(1 + higher);
      assertThat(row.path("region_rank").asLong()).isEqualTo(1 + sameRegionHigher);
      assertThat(row.path("quartile").asLong())
          .isEqualTo(1 + (4 * (row.path("rank").asLong() - 1)) / rows.size());
      assertThat(row.path("rank").asLong()).isGreaterThanOrEqualTo(previousRank);
      previousRank = row.path("rank").asLong();
    }
  }

  @Test
  void nationalTotalsAreTheSumOfTheAuthoritiesAndOfTheRegions() {
    JsonNode national = json("/api/v1/national?phase=1&period=" + PERIOD);
    JsonNode league = json("/api/v1/league-table?phase=1&period=" + PERIOD).path("rows");
    JsonNode regions = json("/api/v1/regions?phase=1&period=" + PERIOD).path("rows");
    for (String figure : List.of("turned_around", "families_attached")) {
      assertThat(national.path(figure).asLong()).isEqualTo(sum(league, figure));
      assertThat(national.path(figure).asLong()).isEqualTo(sum(regions, figure));
    }
    long allTargets = 0;
    for (JsonNode authority : json("/api/v1/authorities").path("rows")) {
      allTargets += authority.path("phase1_target").asLong();
    }
    assertThat(national.path("target").asLong()).isEqualTo(allTargets);
    assertThat(national.path("authorities_reporting").asLong()).isEqualTo(league.size());
  }

  @Test
  void paymentsEqualThePaymentRulesAppliedToTheReturns() {
    JsonNode league = json("/api/v1/league-table?phase=1&period=" + PERIOD).path("rows");
    JsonNode periods = json("/api/v1/periods?phase=1").path("rows");
    // The top, middle and bottom of the table, so capped and uncapped authorities are both seen.
    for (int index : new int[] {0, league.size() / 2, league.size() - 1}) {
      String code = league.get(index).path("authority_code").asText();
      int target = league.get(index).path("target").asInt();
      List<CumulativeFigures> quarters = new ArrayList<>();
      for (JsonNode period : periods) {
        LocalDate end = LocalDate.parse(period.path("period").asText());
        QueryResult versions =
            warehouse.run(
                SnapshotSelector.published(),
                Query.RETURN_HISTORY,
                Map.of("authority", code, "phase", 1, "period", end));
        for (int v = 0; v < versions.size(); v++) {
          if (Boolean.TRUE.equals(versions.value(v, "is_current", Boolean.class))) {
            quarters.add(
                new CumulativeFigures(
                    Quarter.endingOn(end),
                    versions.value(v, "families_attached", Long.class),
                    ByResult.counts(
                        Map.of(
                            CRIME_ASB_EDUCATION,
                            versions.value(v, "results_crime_asb_education", Long.class),
                            CONTINUOUS_EMPLOYMENT,
                            versions.value(v, "results_continuous_employment", Long.class),
                            PROGRESS_TO_WORK,
                            versions.value(v, "results_progress_to_work", Long.class)))));
          }
        }
      }
      List<QuarterPayment> expected =
          PaymentRules.phaseOne(
              new Target(code, Phase.ONE, target, TargetBasis.PUBLISHED), quarters);
      JsonNode paid = json("/api/v1/payments?phase=1&authority=" + code).path("rows");
      assertThat(paid).as(code).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        QuarterPayment payment = expected.get(i);
        JsonNode row = paid.get(i);
        assertThat(row.path("period").asText()).isEqualTo(payment.quarter().end().toString());
        assertThat(row.path("attachment_fee_gbp").decimalValue())
            .isEqualByComparingTo(payment.attachmentFee());
        assertThat(row.path("total_gbp").decimalValue()).isEqualByComparingTo(payment.total());
        assertThat(row.path("cumulative_gbp").decimalValue())
            .isEqualByComparingTo(payment.cumulative());
        assertThat(row.path("cap_gbp").decimalValue()).isEqualByComparingTo(payment.cap());
        assertThat(row.path("capped").asBoolean()).isEqualTo(payment.capped());
      }
    }
  }

  @Test
  void csvEqualsJson() {
    String resource = "/api/v1/league-table?phase=1&period=" + PERIOD;
    JsonNode rows = json(resource).path("rows");
    List<List<String>> csv =
        ApiEndToEndTest.csv(get("/api/v1/league-table.csv?phase=1&period=" + PERIOD).body());
    assertThat(csv).hasSize(rows.size() + 1);
    List<String> header = csv.get(0);
    for (int i = 0; i < rows.size(); i++) {
      List<String> cells = csv.get(i + 1);
      assertThat(cells.get(header.indexOf("authority_code")))
          .isEqualTo(rows.get(i).path("authority_code").asText());
      assertThat(new BigDecimal(cells.get(header.indexOf("percent_of_target"))))
          .isEqualByComparingTo(rows.get(i).path("percent_of_target").decimalValue());
      assertThat(Long.parseLong(cells.get(header.indexOf("turned_around"))))
          .isEqualTo(rows.get(i).path("turned_around").asLong());
      assertThat(Long.parseLong(cells.get(header.indexOf("rank"))))
          .isEqualTo(rows.get(i).path("rank").asLong());
    }
  }

  private JsonNode json(String pathAndQuery) {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
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

  private static long sum(JsonNode rows, String field) {
    long sum = 0;
    for (JsonNode row : rows) {
      sum += row.path(field).asLong();
    }
    return sum;
  }
}
