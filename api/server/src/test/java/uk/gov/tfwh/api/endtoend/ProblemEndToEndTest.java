package uk.gov.tfwh.api.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** Errors are application/problem+json with a detail that says what to change. */
class ProblemEndToEndTest extends ApiEndToEndTest {

  @Test
  void unknownAuthorityIsNotFound() {
    JsonNode problem = problem("/api/v1/authorities/E06000999/progress?phase=1", 404);
    assertThat(problem.path("detail").asText()).contains("E06000999");
    problem("/api/v1/authorities/E06000999/benchmark?phase=1&period=2013Q3", 404);
    problem("/api/v1/payments?phase=1&authority=E06000999", 404);
  }

  @Test
  void malformedAuthorityCodeIsABadParameter() {
    JsonNode problem = problem("/api/v1/authorities/kent/progress?phase=1", 400);
    assertThat(problem.path("detail").asText()).contains("authority code");
    assertThat(problem.path("parameter").asText()).isEqualTo("code");
  }

  @Test
  void aQuarterWithNoDataIsNotFound() {
    JsonNode problem = problem("/api/v1/league-table?phase=1&period=2015Q2", 404);
    assertThat(problem.path("detail").asText())
        .contains("no authority has figures")
        .contains("2015Q2");
    problem("/api/v1/national?phase=1&period=2015Q2", 404);
    problem("/api/v1/regions?phase=1&period=2015Q2", 404);
    problem(
        "/api/v1/authorities/"
            + SnapshotFixture.CITY_OF_LONDON
            + "/benchmark?phase=1&period=2013Q3",
        404);
  }

  @Test
  void badParametersAreExplained() {
    assertThat(problem("/api/v1/league-table?phase=3&period=2013Q3", 400).path("detail").asText())
        .contains("phase must be 1 or 2");
    assertThat(problem("/api/v1/league-table?phase=1&period=summer", 400).path("detail").asText())
        .contains("2013Q3");
    assertThat(problem("/api/v1/league-table?phase=1&period=2019Q1", 400).path("detail").asText())
        .contains("outside phase 1");
    assertThat(problem("/api/v1/league-table?phase=one&period=2013Q3", 400).path("detail").asText())
        .contains("phase");
    assertThat(problem("/api/v1/league-table?phase=1", 400).path("detail").asText())
        .contains("period");
    assertThat(
            problem("/api/v1/league-table?phase=1&period=2013Q3&region=Atlantis", 400)
                .path("detail")
                .asText())
        .contains("Atlantis");
    assertThat(
            problem(
                    "/api/v1/authorities/"
                        + SnapshotFixture.BIRMINGHAM
                        + "/benchmark?phase=1&period=2013Q3&group=planets",
                    400)
                .path("detail")
                .asText())
        .contains("neighbours, region, type or england");
    assertThat(problem("/api/v1/payments?phase=1&financial_year=2013", 400).path("detail").asText())
        .contains("financial year");
  }

  /**
   * A caller's slips with the query are named over real HTTP: a period written another way, a
   * parameter given twice (which Spring would join into '2013Q3,2013Q4'), a name in capitals or
   * misspelt.
   */
  @Test
  void aCallersSlipsWithTheQueryAreNamed() {
    assertThat(
            problem("/api/v1/league-table?phase=1&period=30/09/2013", 400).path("detail").asText())
        .isEqualTo(
            "period must be a quarter such as 2013Q3 or its last day such as 2013-09-30, not"
                + " '30/09/2013' (written 2013-09-30 it is 2013Q3)");
    assertThat(
            problem("/api/v1/league-table?phase=1&period=Q3%202013", 400).path("detail").asText())
        .endsWith("(written 2013Q3)");
    assertThat(
            problem("/api/v1/authorities/e10000016/progress?phase=1", 400).path("detail").asText())
        .isEqualTo(
            "code must be an authority code such as E06000001, not 'e10000016' (codes are written"
                + " in capitals: E10000016)");
    JsonNode twice = problem("/api/v1/league-table?phase=1&period=2013Q3&period=2013Q4", 400);
    assertThat(twice.path("detail").asText())
        .isEqualTo("the parameter period is given 2 times: give it once");
    assertThat(twice.path("parameter").asText()).isEqualTo("period");
    assertThat(
            problem("/api/v1/league-table?phase=1&%70hase=2&period=2013Q3", 400)
                .path("detail")
                .asText())
        .isEqualTo("the parameter phase is given 2 times: give it once");
    assertThat(problem("/api/v1/league-table?Phase=1&period=2013Q3", 400).path("detail").asText())
        .isEqualTo(
            "the parameter phase is required here (the request has Phase: parameter names are"
                + " written in small letters)");
    assertThat(problem("/api/v1/league-table?phase=1&perod=2013Q3", 400).path("detail").asText())
        .isEqualTo(
            "the parameter period is required here (the request has perod: did you mean period?)");
    assertThat(problem("/api/v1/league-table?phase=one&period=2013Q3", 400).path("detail").asText())
        .isEqualTo("phase must be a whole number, not 'one' (write phase=1)");
    // The exports check their own needs, and say the same of a slip.
    assertThat(
            problem("/api/v1/exports/league-table.csv?Phase=1&period=2013Q3", 400)
                .path("detail")
                .asText())
        .isEqualTo(
            "the parameter phase is required here (the request has Phase: parameter names are"
                + " written in small letters)");
    JsonNode progress = problem("/api/v1/exports/progress.csv?phase=1&autority=E10000016", 400);
    assertThat(progress.path("detail").asText())
        .isEqualTo(
            "progress needs the parameter authority (the request has autority: did you mean"
                + " authority?)");
    assertThat(progress.path("parameter").asText()).isEqualTo("authority");
    assertThat(
            problem("/api/v1/exports/regions.csv?phase=1&Period=2013Q3", 400)
                .path("detail")
                .asText())
        .isEqualTo(
            "this export needs the parameter period (the request has Period: parameter names are"
                + " written in small letters)");
  }

  @Test
  void errorsStayProblemJsonWhenCsvWasAskedFor() {
    problem("/api/v1/league-table.csv?phase=1&period=2015Q2", 404);
    problem("/api/v1/league-table?phase=9&period=2013Q3", 400, "Accept", "text/csv");
  }

  @Test
  void returnsAndDataQualityNeedARole() {
    problem(
        "/api/v1/authorities/" + SnapshotFixture.BIRMINGHAM + "/returns?phase=1&period=2013Q3",
        401);
    problem("/api/v1/data-quality?period=2013Q3", 401);
    problem(
        "/api/v1/authorities/" + SnapshotFixture.KENT + "/returns?phase=1&period=2013Q3",
        403,
        bearer(FixtureWarehouse.COORDINATOR_TOKEN));
  }

  @Test
  void aMissingRequiredParameterIsNamedLikeEveryOtherBadParameter() {
    for (String[] asked :
        new String[][] {
          {"/api/v1/league-table?period=2013Q3", "phase"},
          {"/api/v1/league-table?phase=1", "period"},
          {"/api/v1/authorities/E10000016/progress", "phase"}
        }) {
      JsonNode problem = problem(asked[0], 400);
      assertThat(problem.path("parameter").asText()).as(asked[0]).isEqualTo(asked[1]);
      assertThat(problem.path("type").asText()).as(asked[0]).endsWith("/bad-parameter");
      assertThat(problem.path("detail").asText()).contains(asked[1]);
    }
  }
}
