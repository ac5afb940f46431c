package uk.gov.tfwh.dashboards.superset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.gov.tfwh.dashboards.superset.SnapshotFixture.BARKING;
import static uk.gov.tfwh.dashboards.superset.SnapshotFixture.BARNET;
import static uk.gov.tfwh.dashboards.superset.SnapshotFixture.BRENT;
import static uk.gov.tfwh.dashboards.superset.SnapshotFixture.DURHAM;
import static uk.gov.tfwh.dashboards.superset.SnapshotFixture.HARTLEPOOL;
import static uk.gov.tfwh.dashboards.superset.SnapshotFixture.NEWCASTLE;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every dataset's SQL, and every chart's query over it, on the embedded engine over the
 * published views. By default the views read {@link SnapshotFixture}; with {@code
 * -Dtfwh.dashboards.snapshot.dir=<snapshot folder>} they read a real snapshot (a loaded seed-1
 * sample), and only the checks that do not depend on the fixture's figures run.
 */
class DatasetSqlTest {
  /** The datasets coordinators see through a row-level security filter on authority_code. */
  static final Set<String> ROW_LEVEL_SECURED =
      Set.of("tfwh_submission_status", "tfwh_findings", "tfwh_payments");

  @TempDir static Path temp;

  private static Connection duckdb;
  private static boolean fixture;
  private final SupersetBundle bundle = SupersetBundle.read(SupersetBundle.sourceFolder());

  @BeforeAll
  static void openPublishedViews() throws Exception {
    String snapshot = System.getProperty("tfwh.dashboards.snapshot.dir");
    fixture = snapshot == null || snapshot.isBlank();
    Path folder = fixture ? SnapshotFixture.write(temp.resolve("snapshot")) : Path.of(snapshot);
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    PublishedViews.create(duckdb, folder);
  }

  @AfterAll
  static void close() throws Exception {
    duckdb.close();
  }

  @Test
  void everyDatasetReturnsExactlyItsDeclaredColumnsWithTheirTypes() throws Exception {
    for (BundleFile dataset : bundle.datasets()) {
      QueryResult result = DatasetQueries.dataset(duckdb, dataset);
      List<Map<String, Object>> declared = dataset.list("columns");

      assertThat(result.columns())
          .as(dataset.path())
          .containsExactlyElementsOf(
              declared.stream().map(c -> (String) c.get("column_name")).toList());
      assertThat(result.types().stream().map(DatasetSqlTest::normalType).toList())
          .as(dataset.path() + " types")
          .containsExactlyElementsOf(
              declared.stream().map(c -> normalType((String) c.get("type"))).toList());
      assertThat(result.rows()).as(dataset.path() + " rows").isNotEmpty();
    }
  }

  @Test
  void everyChartQueryRunsAndReturnsRows() throws Exception {
    for (BundleFile chart : bundle.charts()) {
      BundleFile dataset = bundle.dataset(chart.uuid("dataset_uuid")).orElseThrow();
      QueryResult result = DatasetQueries.chart(duckdb, chart, dataset);

      assertThat(result.rows()).as(chart.path()).isNotEmpty();
    }
  }

  @Test
  void rowLevelSecurityClauseLeavesACoordinatorOnlyTheirOwnAuthority() throws Exception {
    for (String name : ROW_LEVEL_SECURED) {
      BundleFile dataset = bundle.datasetNamed(name);
      QueryResult unfiltered = DatasetQueries.dataset(duckdb, dataset);
      String code =
          unfiltered.rows().stream()
              .map(row -> unfiltered.value(row, "authority_code"))
              .filter(value -> value != null)
              .map(String::valueOf)
              .findFirst()
              .orElseThrow();

      QueryResult seen =
          DatasetQueries.withRowLevelFilter(duckdb, dataset, "authority_code = '" + code + "'");

      assertThat(seen.rows()).as(name).isNotEmpty();
      assertThat(seen.rows().size()).as(name).isLessThan(unfiltered.rows().size());
      assertThat(seen.rows().stream().map(row -> seen.value(row, "authority_code")).distinct())
          .as(name)
          .containsExactly(code);
    }
  }

  @Test
  void leagueTableRanksTheLatestQuarterWithTiesSharingARank() throws Exception {
    assumeTrue(fixture, "figures of the fixture");
    QueryResult league = DatasetQueries.dataset(duckdb, bundle.datasetNamed("tfwh_league_table"));
    List<List<Object>> latest = league.where(Map.of("phase", 2, "quarter_label", "2015Q4"));

    Map<Object, Object> ranks =
        latest.stream()
            .collect(
                Collectors.toMap(
                    r -> league.value(r, "authority_code"), r -> league.value(r, "national_rank")));
    assertThat(ranks)
        .containsOnly(
            Map.entry(DURHAM, 1),
            Map.entry(NEWCASTLE, 1),
            Map.entry(BARKING, 1),
            Map.entry(HARTLEPOOL, 4));
    assertThat(
            league.only(
                "percent_of_target",
                Map.of("authority_code", HARTLEPOOL, "quarter_label", "2015Q4")))
        .isEqualTo(new BigDecimal("30.0"));
  }

  @Test
  void benchmarkPoolsNeighboursRegionTypeAndEnglandForTheChosenAuthority() throws Exception {
    assumeTrue(fixture, "figures of the fixture");
    QueryResult benchmark = DatasetQueries.dataset(duckdb, bundle.datasetNamed("tfwh_benchmark"));
    Map<String, Object> hartlepoolFirstQuarter =
        Map.of("subject_authority_code", HARTLEPOOL, "period_end", "2015-06-30");

    // Hartlepool 10/100; neighbours Durham and Newcastle (the 2015 set, not the 2012 one) 60/500;
    // North East 70/600; unitary authorities 40/300; England 175/1400.
    assertThat(percent(benchmark, hartlepoolFirstQuarter, "This authority")).isEqualTo(10.0);
    assertThat(percent(benchmark, hartlepoolFirstQuarter, "Statistical neighbours"))
        .isEqualTo(12.0);
    assertThat(percent(benchmark, hartlepoolFirstQuarter, "Region")).isEqualTo(11.7);
    assertThat(percent(benchmark, hartlepoolFirstQuarter, "Authority type")).isEqualTo(13.3);
    assertThat(percent(benchmark, hartlepoolFirstQuarter, "England")).isEqualTo(12.5);
    // Two authorities did not report the last quarter: England pools the four that did, 290/750.
    assertThat(
            benchmark.only(
                "authorities",
                Map.of(
                    "subject_authority_code",
                    BRENT,
                    "period_end",
                    "2015-12-31",
                    "comparison_group",
                    "England")))
        .isEqualTo(4L);
    assertThat(
            percent(
                benchmark,
                Map.of("subject_authority_code", BRENT, "period_end", "2015-12-31"),
                "England"))
        .isEqualTo(38.7);
    // An authority without a figure for a quarter has no "This authority" point there.
    assertThat(
            benchmark.where(
                Map.of(
                    "subject_authority_code",
                    BRENT,
                    "period_end",
                    "2015-12-31",
                    "comparison_group",
                    "This authority")))
        .isEmpty();
  }

  /**
   * Issue 21: each quarter's neighbour group is the set in effect at that quarter, as the API's
   * benchmark.sql chooses it, not the latest set: Hartlepool's 2014Q4 is pooled from the older set
   * (Barnet and Brent, 50 of 100: 50.0%, where the newer set would give 20.0%) and its 2015Q1 from
   * the newer one (County Durham and Newcastle, 50 of 100, where the older would give 80.0%).
   */
  @Test
  void neighbourGroupsAreTheSetInEffectAtEachQuarter() throws Exception {
    assumeTrue(fixture, "figures of the fixture");
    QueryResult benchmark = DatasetQueries.dataset(duckdb, bundle.datasetNamed("tfwh_benchmark"));
    assertThat(
            percent(
                benchmark,
                Map.of("subject_authority_code", HARTLEPOOL, "period_end", "2014-12-31"),
                "Statistical neighbours"))
        .isEqualTo(50.0);
    assertThat(
            percent(
                benchmark,
                Map.of("subject_authority_code", HARTLEPOOL, "period_end", "2015-03-31"),
                "Statistical neighbours"))
        .isEqualTo(50.0);
    // County Durham had no set before 2015: no neighbour group in 2014Q4, not the later one.
    assertThat(
            benchmark.where(
                Map.of(
                    "subject_authority_code",
                    DURHAM,
                    "period_end",
                    "2014-12-31",
                    "comparison_group",
                    "Statistical neighbours")))
        .isEmpty();
  }

  @Test
  void neighbourTableUsesTheCurrentNeighbourSetWithLatestFigures() throws Exception {
    assumeTrue(fixture, "figures of the fixture");
    QueryResult neighbours =
        DatasetQueries.dataset(duckdb, bundle.datasetNamed("tfwh_benchmark_neighbours"));
    List<List<Object>> hartlepool =
        neighbours.where(Map.of("subject_authority_code", HARTLEPOOL, "phase", 2));

    assertThat(hartlepool.stream().map(r -> neighbours.value(r, "neighbour_code")))
        .containsExactlyInAnyOrder(DURHAM, NEWCASTLE);
    assertThat(
            neighbours.only(
                "quarter_label",
                Map.of("subject_authority_code", BARKING, "neighbour_code", BRENT, "phase", 2)))
        .isEqualTo("2015Q3");
  }

  @Test
  void submissionStatusTellsAcceptedResubmittedRejectedAndMissingApart() throws Exception {
    assumeTrue(fixture, "figures of the fixture");
    QueryResult status =
        DatasetQueries.dataset(duckdb, bundle.datasetNamed("tfwh_submission_status"));

    assertThat(statusOf(status, HARTLEPOOL, "2015-09-30")).isEqualTo("Accepted after resubmission");
    assertThat(statusOf(status, HARTLEPOOL, "2015-12-31")).isEqualTo("Accepted");
    assertThat(statusOf(status, BRENT, "2015-12-31")).isEqualTo("Rejected");
    assertThat(statusOf(status, BARNET, "2015-12-31")).isEqualTo("Not received");
    // Quarters after the latest one any return reached are not expected yet.
    assertThat(status.where(Map.of("period_end", "2016-03-31"))).isEmpty();
    assertThat(status.rows()).hasSize(6 * 3 + 6 * 2);
  }

  @Test
  void rejectionsByRuleCountsRejectionsOnlyIncludingThoseWithoutAnAuthority() throws Exception {
    assumeTrue(fixture, "figures of the fixture");
    BundleFile chart =
        bundle.charts().stream()
            .filter(c -> c.stem().equals("rejections_by_rule"))
            .findFirst()
            .orElseThrow();
    QueryResult byRule = DatasetQueries.chart(duckdb, chart, bundle.datasetNamed("tfwh_findings"));

    assertThat(
            byRule.rows().stream()
                .map(
                    r ->
                        byRule.value(r, "rule_id")
                            + " "
                            + byRule.value(r, "severity")
                            + " "
                            + byRule.value(r, "findings")))
        .containsExactlyInAnyOrder(
            "TFQR-C02 ROW_REJECTED 2", "TFQR-F01 RETURN_REJECTED 1", "TFQR-S05 RETURN_REJECTED 1");
  }

  @Test
  void paymentsShowPercentOfCap() throws Exception {
    assumeTrue(fixture, "figures of the fixture");
    QueryResult payments = DatasetQueries.dataset(duckdb, bundle.datasetNamed("tfwh_payments"));
    Map<String, Object> newcastleLast =
        Map.of("authority_code", NEWCASTLE, "period_end", "2015-12-31");

    assertThat(payments.only("percent_of_cap", newcastleLast)).isEqualTo(40.0);
    assertThat(payments.only("total_gbp", newcastleLast)).isEqualTo(new BigDecimal("30000.00"));
    assertThat(payments.only("capped", newcastleLast)).isEqualTo(true);
  }

  @Test
  void readmeDescribesRowLevelSecurityForEverySecuredDataset() throws Exception {
    String readme = Files.readString(SupersetBundle.sourceFolder().resolve("README.md"));

    assertThat(readme).contains(ROW_LEVEL_SECURED).contains("authority_code = '");
  }

  private static double percent(QueryResult benchmark, Map<String, Object> where, String group) {
    Map<String, Object> key = new HashMap<>(where);
    key.put("comparison_group", group);
    return (Double) benchmark.only("percent_of_target", key);
  }

  private static Object statusOf(QueryResult status, String authority, String periodEnd) {
    return status.only(
        "submission_status", Map.of("authority_code", authority, "period_end", periodEnd));
  }

  /** Type names as both engines report them: upper case, no spaces, no VARCHAR length. */
  static String normalType(String type) {
    return type.toUpperCase(Locale.ROOT)
        .replace(" ", "")
        .replaceAll("^VARCHAR\\(\\d+\\)$", "VARCHAR");
  }
}
