package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.BIRMINGHAM;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.Q1;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.Q2;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.projection.ProgressProjection;
import uk.gov.tfwh.programme.projection.Projection;
import uk.gov.tfwh.programme.projection.ReportedFigure;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** Each resource's figures against the warehouse read directly, and against each other. */
class FiguresEndToEndTest extends ApiEndToEndTest {
  private static final String PUBLISHED = FixtureWarehouse.PUBLISHED;

  @Test
  void periodsListEveryQuarterWithHowManyAuthoritiesReported() {
    JsonNode periods = json("/api/v1/periods");
    QueryResult direct = direct(PUBLISHED, Query.PERIODS, Map.of());
    assertThat(periods.path("rows")).hasSize(direct.size());
    JsonNode q2 = find(periods.path("rows"), "period", "2013-09-30");
    assertThat(q2.path("quarter_label").asText()).isEqualTo("2013Q3");
    assertThat(q2.path("authorities_reporting").asLong()).isEqualTo(7);
    assertThat(json("/api/v1/periods?phase=2").path("rows"))
        .allSatisfy(row -> assertThat(row.path("phase").asInt()).isEqualTo(2));
  }

  @Test
  void authoritiesCarryRegionTypeAndBothTargetsWithTheirBasis() {
    JsonNode rows = json("/api/v1/authorities").path("rows");
    assertThat(rows).hasSize(SnapshotFixture.AUTHORITIES.size());
    JsonNode birmingham = find(rows, "authority_code", BIRMINGHAM);
    assertThat(birmingham.path("authority_name").asText()).isEqualTo("Birmingham");
    assertThat(birmingham.path("phase1_target").asInt()).isEqualTo(4180);
    assertThat(birmingham.path("phase1_target_basis").asText()).isNotBlank();
    assertThat(birmingham.path("region_name").asText()).isNotBlank();
    assertThat(birmingham.path("authority_type").asText()).isNotBlank();
  }

  @Test
  void nationalTotalsAreTheSumOfTheAuthorities() {
    JsonNode national = json("/api/v1/national?phase=1&period=2013Q3");
    JsonNode league = json("/api/v1/league-table?phase=1&period=2013Q3").path("rows");
    long turnedAround = 0;
    long attached = 0;
    for (JsonNode row : league) {
      turnedAround += row.path("turned_around").asLong();
      attached += row.path("families_attached").asLong();
    }
    assertThat(national.path("turned_around").asLong()).isEqualTo(turnedAround);
    assertThat(national.path("families_attached").asLong()).isEqualTo(attached);
    assertThat(national.path("authorities_reporting").asLong()).isEqualTo(league.size());
    long target =
        SnapshotFixture.AUTHORITIES.size() == 8
            ? sum(json("/api/v1/authorities").path("rows"), "phase1_target")
            : -1;
    assertThat(national.path("target").asLong()).isEqualTo(target);
    assertThat(national.path("percent_of_target").decimalValue())
        .isEqualByComparingTo(percent(turnedAround, target));
    assertThat(national.path("snapshot").asText()).isEqualTo(PUBLISHED);
  }

  @Test
  void regionTotalsAddUpToTheNationalTotals() {
    JsonNode national = json("/api/v1/national?phase=1&period=2013Q3");
    JsonNode regions = json("/api/v1/regions?phase=1&period=2013Q3").path("rows");
    QueryResult direct = direct(PUBLISHED, Query.REGION_TOTALS, Map.of("phase", 1, "period", Q2));
    assertThat(regions).hasSize(direct.size());
    assertThat(sum(regions, "turned_around")).isEqualTo(national.path("turned_around").asLong());
    assertThat(sum(regions, "target")).isEqualTo(national.path("target").asLong());
    for (JsonNode region : regions) {
      if (!region.path("turned_around").isNull()) {
        assertThat(region.path("percent_of_target").decimalValue())
            .isEqualByComparingTo(
                percent(region.path("turned_around").asLong(), region.path("target").asLong()));
      }
    }
  }

  @Test
  void progressIsTheAuthoritysSeriesWithTheProgrammesProjection() {
    JsonNode progress = json("/api/v1/authorities/" + BIRMINGHAM + "/progress?phase=1");
    QueryResult series =
        direct(PUBLISHED, Query.AUTHORITY_PROGRESS, Map.of("authority", BIRMINGHAM, "phase", 1));
    JsonNode rows = progress.path("rows");
    assertThat(rows).hasSize(series.size()).hasSize(2);
    List<ReportedFigure> reported = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      LocalDate end = series.value(i, "period_end", LocalDate.class);
      assertThat(rows.get(i).path("period").asText()).isEqualTo(end.toString());
      assertThat(rows.get(i).path("turned_around").asLong())
          .isEqualTo(series.value(i, "turned_around", Long.class));
      reported.add(
          new ReportedFigure(Quarter.endingOn(end), series.value(i, "turned_around", Long.class)));
    }
    assertThat(rows.get(1).path("turned_around").asLong()).isEqualTo(738);
    assertThat(progress.path("target").asInt()).isEqualTo(4180);

    Projection expected = ProgressProjection.project(Phase.ofNumber(1), 4180, reported);
    JsonNode projection = progress.path("projection");
    assertThat(projection.path("end_of_phase").asText()).isEqualTo("2015-06-30");
    assertThat(projection.path("projected_turned_around").asLong())
        .isEqualTo(expected.projectedTurnedAround());
    assertThat(projection.path("projected_percent_of_target").decimalValue())
        .isEqualByComparingTo(expected.projectedPercentOfTarget());
    assertThat(projection.path("path")).hasSize(expected.path().size());
    assertThat(projection.path("path").get(expected.path().size() - 1).path("period").asText())
        .isEqualTo("2015-06-30");
    assertThat(projection.path("method").asText()).contains("straight line");
  }

  @Test
  void benchmarkIsTheAuthorityAgainstItsGroupsMedianAndQuartiles() {
    for (String group : List.of("neighbours", "region", "type", "england")) {
      JsonNode benchmark =
          json(
              "/api/v1/authorities/"
                  + BIRMINGHAM
                  + "/benchmark?phase=1&period=2013Q3&group="
                  + group);
      BenchmarkSummary expected =
          BenchmarkSummary.of(
              direct(
                  PUBLISHED,
                  Query.BENCHMARK,
                  Map.of(
                      "authority",
                      BIRMINGHAM,
                      "phase",
                      1,
                      "period",
                      Q2,
                      "comparison_group",
                      group)));
      assertThat(benchmark.path("group").asText()).isEqualTo(group);
      assertThat(benchmark.path("percent_of_target").decimalValue())
          .isEqualByComparingTo(expected.percentOfTarget());
      assertThat(benchmark.path("group_rank").asInt()).isEqualTo(expected.groupRank());
      assertThat(benchmark.path("group_size").asInt()).isEqualTo(expected.groupSize());
      assertThat(benchmark.path("group_median").decimalValue())
          .isEqualByComparingTo(expected.median());
      assertThat(benchmark.path("group_lower_quartile").decimalValue())
          .isEqualByComparingTo(expected.lowerQuartile());
      assertThat(benchmark.path("group_upper_quartile").decimalValue())
          .isEqualByComparingTo(expected.upperQuartile());
      assertThat(benchmark.path("rows")).hasSize(expected.groupSize());
    }
    // All of England: every authority that reported, Birmingham fifth (17.7%, below Surrey).
    JsonNode england =
        json(
            "/api/v1/authorities/" + BIRMINGHAM + "/benchmark?phase=1&period=2013Q3&group=england");
    assertThat(england.path("group_size").asInt()).isEqualTo(7);
    assertThat(england.path("group_rank").asInt()).isEqualTo(5);
    assertThat(england.path("group_median").decimalValue()).isEqualByComparingTo("17.7");
  }

  @Test
  void paymentsAreTheWarehousesRowsAddingUpToTheirCumulativeFigures() {
    JsonNode payments = json("/api/v1/payments?phase=1");
    QueryResult direct = direct(PUBLISHED, Query.PAYMENTS, Map.of("phase", 1));
    JsonNode rows = payments.path("rows");
    assertThat(rows).hasSize(direct.size()).isNotEmpty();
    Map<String, BigDecimal> running = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      assertThat(row.path("total_gbp").decimalValue())
          .isEqualByComparingTo(direct.value(i, "total_gbp", BigDecimal.class));
      BigDecimal parts =
          row.path("attachment_fee_gbp")
              .decimalValue()
              .add(row.path("results_crime_asb_education_gbp").decimalValue())
              .add(row.path("results_continuous_employment_gbp").decimalValue())
              .add(row.path("results_progress_to_work_gbp").decimalValue())
              .add(row.path("results_sustained_progress_gbp").decimalValue());
      assertThat(row.path("total_gbp").decimalValue()).isEqualByComparingTo(parts);
      assertThat(row.path("remaining_cap_gbp").decimalValue())
          .isEqualByComparingTo(
              row.path("cap_gbp")
                  .decimalValue()
                  .subtract(row.path("cumulative_gbp").decimalValue()));
      running.merge(
          row.path("authority_code").asText(),
          row.path("total_gbp").decimalValue(),
          BigDecimal::add);
    }
    for (JsonNode total : payments.path("authorities")) {
      assertThat(total.path("paid_in_rows").decimalValue())
          .isEqualByComparingTo(running.get(total.path("authority_code").asText()));
    }

    JsonNode kent = json("/api/v1/payments?phase=1&authority=" + SnapshotFixture.KENT).path("rows");
    assertThat(kent).hasSize(2);
    assertThat(kent)
        .allSatisfy(
            row -> assertThat(row.path("authority_code").asText()).isEqualTo(SnapshotFixture.KENT));
    // Kent's cumulative figure is the sum of its quarters: 1,995,000 + 517,800.
    assertThat(kent.get(1).path("cumulative_gbp").decimalValue())
        .isEqualByComparingTo(
            kent.get(0)
                .path("total_gbp")
                .decimalValue()
                .add(kent.get(1).path("total_gbp").decimalValue()));
    String year = rows.get(0).path("financial_year").asText();
    JsonNode inYear = json("/api/v1/payments?phase=1&financial_year=" + year).path("rows");
    assertThat(inYear)
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.path("financial_year").asText()).isEqualTo(year));
  }

  @Test
  void dataQualityGivesEveryAuthoritysStatusToNationalUsers() {
    JsonNode quality =
        json("/api/v1/data-quality?period=2013Q3", bearer(FixtureWarehouse.NATIONAL_TOKEN));
    QueryResult direct =
        direct(FixtureWarehouse.PRE_RELEASE, Query.DATA_QUALITY, Map.of("phase", 1, "period", Q2));
    assertThat(quality.path("snapshot").asText()).isEqualTo(FixtureWarehouse.PRE_RELEASE);
    assertThat(quality.path("release").asText()).isEqualTo("pre-release");
    JsonNode rows = quality.path("rows");
    assertThat(rows).hasSize(direct.size()).hasSize(SnapshotFixture.AUTHORITIES.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).path("status").asText())
          .isEqualTo(direct.value(i, "status", String.class));
      assertThat(rows.get(i).path("rejections").asLong())
          .isEqualTo(direct.value(i, "rejections", Long.class));
    }
    assertThat(find(rows, "authority_code", SnapshotFixture.CITY_OF_LONDON).path("status").asText())
        .isEqualTo("missing");
    assertThat(quality.path("status_counts").path("missing").asLong()).isEqualTo(1);
    long counted = 0;
    for (JsonNode count : quality.path("status_counts")) {
      counted += count.asLong();
    }
    assertThat(counted).isEqualTo(rows.size());
    assertThat(quality.path("findings").size())
        .isEqualTo(
            direct(
                    FixtureWarehouse.PRE_RELEASE,
                    Query.DATA_QUALITY_FINDINGS,
                    Map.of("phase", 1, "period", Q2))
                .size());
  }

  @Test
  void aCoordinatorSeesItsOwnDataQualityAndReturnsPreRelease() {
    JsonNode quality =
        json("/api/v1/data-quality?period=2013Q3", bearer(FixtureWarehouse.COORDINATOR_TOKEN));
    assertThat(quality.path("rows")).hasSize(1);
    assertThat(quality.path("rows").get(0).path("authority_code").asText()).isEqualTo(BIRMINGHAM);

    JsonNode returns =
        json(
            "/api/v1/authorities/" + BIRMINGHAM + "/returns?phase=1&period=2013Q2",
            bearer(FixtureWarehouse.COORDINATOR_TOKEN));
    QueryResult direct =
        direct(
            FixtureWarehouse.PRE_RELEASE,
            Query.RETURN_HISTORY,
            Map.of("authority", BIRMINGHAM, "phase", 1, "period", Q1));
    assertThat(returns.path("rows")).hasSize(direct.size()).isNotEmpty();
    for (int i = 0; i < direct.size(); i++) {
      assertThat(returns.path("rows").get(i).path("return_id").asText())
          .isEqualTo(direct.value(i, "return_id", String.class));
      assertThat(returns.path("rows").get(i).path("turned_around").asLong())
          .isEqualTo(direct.value(i, "turned_around", Long.class));
    }
    long current = 0;
    for (JsonNode version : returns.path("rows")) {
      if (version.path("is_current").asBoolean()) {
        current++;
        assertThat(returns.path("current_return_id").asText())
            .isEqualTo(version.path("return_id").asText());
      }
    }
    assertThat(current).isEqualTo(1);
  }

  @Test
  void signedInNationalUsersReadThePreReleaseSnapshot() {
    JsonNode published = json("/api/v1/league-table?phase=1&period=2013Q3");
    JsonNode preRelease =
        json("/api/v1/league-table?phase=1&period=2013Q3", bearer(FixtureWarehouse.NATIONAL_TOKEN));
    assertThat(published.path("release").asText()).isEqualTo("published");
    assertThat(preRelease.path("release").asText()).isEqualTo("pre-release");
    assertThat(preRelease.path("snapshot").asText()).isEqualTo(FixtureWarehouse.PRE_RELEASE);
    assertThat(sum(preRelease.path("rows"), "turned_around"))
        .isEqualTo(
            sum(published.path("rows"), "turned_around")
                + (long) FixtureWarehouse.PRE_RELEASE_BUMP * published.path("rows").size());
  }

  static JsonNode find(JsonNode rows, String field, String value) {
    for (JsonNode row : rows) {
      if (row.path(field).asText().equals(value)) {
        return row;
      }
    }
    throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
  }

  static long sum(JsonNode rows, String field) {
    long sum = 0;
    for (JsonNode row : rows) {
      sum += row.path(field).asLong();
    }
    return sum;
  }

  static BigDecimal percent(long turnedAround, long target) {
    return BigDecimal.valueOf(100 * turnedAround)
        .divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP);
  }
}
