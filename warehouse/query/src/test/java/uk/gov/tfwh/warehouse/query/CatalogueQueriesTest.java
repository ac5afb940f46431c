package uk.gov.tfwh.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.BIRMINGHAM;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.BRISTOL;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.CITY_OF_LONDON;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.GATESHEAD;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.HARTLEPOOL;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.KENT;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.MIDDLESBROUGH;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.P2Q1;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.Q1;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.Q2;
import static uk.gov.tfwh.warehouse.testing.SnapshotFixture.SURREY;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** Every catalogue query on the embedded engine, over the fixture snapshot, with its values. */
class CatalogueQueriesTest {
  private static final String SNAPSHOT = "20260101T000000000Z-fixture";

  @TempDir static Path warehouse;
  private static WarehouseQueries queries;

  @BeforeAll
  static void load() {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, SNAPSHOT, 0);
    store.publish(SNAPSHOT);
    queries = new EmbeddedQueries(store, QueryEngineConfig.defaults());
  }

  @AfterAll
  static void close() {
    queries.close();
  }

  private static QueryResult run(Query query, Object... namesAndValues) {
    Map<String, Object> arguments = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    QueryResult result = queries.run(SnapshotSelector.published(), query, arguments);
    assertThat(result.snapshotId()).isEqualTo(SNAPSHOT);
    assertThat(result.columns()).isEqualTo(query.columns());
    return result;
  }

  private static BigDecimal pct(String value) {
    return new BigDecimal(value);
  }

  /** Every authority's league-table figures for every quarter, both phases, in one table. */
  @Test
  void theTimeSeriesHoldsEveryLeagueTableOfEveryQuarterOfBothPhases() {
    QueryResult series = run(Query.TIME_SERIES);
    QueryResult periods = run(Query.PERIODS);
    long expected = 0;
    for (int i = 0; i < periods.size(); i++) {
      QueryResult league =
          run(
              Query.LEAGUE_TABLE,
              "phase",
              periods.value(i, "phase", Integer.class),
              "period",
              periods.value(i, "period_end", java.time.LocalDate.class));
      expected += league.size();
      for (int r = 0; r < league.size(); r++) {
        String code = league.value(r, "authority_code", String.class);
        boolean found = false;
        for (int s = 0; s < series.size(); s++) {
          if (series.value(s, "authority_code", String.class).equals(code)
              && series
                  .value(s, "period_end", java.time.LocalDate.class)
                  .equals(periods.value(i, "period_end", java.time.LocalDate.class))
              && series
                  .value(s, "phase", Integer.class)
                  .equals(periods.value(i, "phase", Integer.class))) {
            assertThat(series.value(s, "turned_around", Long.class))
                .isEqualTo(league.value(r, "turned_around", Long.class));
            found = true;
          }
        }
        assertThat(found)
            .as(code + " " + periods.value(i, "period_end", java.time.LocalDate.class))
            .isTrue();
      }
    }
    assertThat((long) series.size()).isEqualTo(expected).isPositive();
    assertThat(run(Query.TIME_SERIES, "phase", 2).column("phase")).containsOnly(2);
  }

  @Test
  void leagueTableIsOrderedByRankThenNameWithTiesSharingARank() {
    QueryResult result = run(Query.LEAGUE_TABLE, "phase", 1, "period", Q2);

    assertThat(result.column("authority_code"))
        .containsExactly(BRISTOL, KENT, MIDDLESBROUGH, SURREY, BIRMINGHAM, GATESHEAD, HARTLEPOOL);
    assertThat(result.column("national_rank")).containsExactly(1, 1, 1, 4, 5, 6, 7);
    assertThat(result.column("quartile")).containsExactly(1, 1, 1, 2, 3, 3, 4);
    assertThat(result.column("percent_of_target"))
        .containsExactly(
            pct("20.0"),
            pct("20.0"),
            pct("20.0"),
            pct("17.7"),
            pct("17.7"),
            pct("10.5"),
            pct("0.0"));
    assertThat(result.column("change_in_turned_around"))
        .containsExactly(71L, 112L, 0L, 27L, 48L, -5L, null);
    assertThat(result.column("change_in_percent_points"))
        .containsExactly(
            pct("5.2"), pct("4.4"), pct("0.0"), pct("2.7"), pct("1.2"), pct("-0.6"), null);
    assertThat(result.value(4, "target_basis", String.class)).isEqualTo("published");
    assertThat(result.value(4, "turned_around", Long.class)).isEqualTo(738L);
    assertThat(result.value(4, "target_families", Integer.class)).isEqualTo(4180);
  }

  @Test
  void leagueTableFiltersByRegionCodeOrNameAndByType() {
    QueryResult byName = run(Query.LEAGUE_TABLE, "phase", 1, "period", Q2, "region", "North East");
    QueryResult byCode = run(Query.LEAGUE_TABLE, "phase", 1, "period", Q2, "region", "E12000001");
    QueryResult counties =
        run(Query.LEAGUE_TABLE, "phase", 1, "period", Q2, "authority_type", "county");

    assertThat(byName.column("authority_code"))
        .containsExactly(MIDDLESBROUGH, GATESHEAD, HARTLEPOOL);
    assertThat(byName.column("region_rank")).containsExactly(1, 2, 3);
    assertThat(byCode.rows()).isEqualTo(byName.rows());
    assertThat(counties.column("authority_code")).containsExactly(KENT, SURREY);
    assertThat(counties.column("type_rank")).containsExactly(1, 2);
  }

  @Test
  void leagueTableKeepsPhasesApartInOverlappingQuarters() {
    QueryResult phaseTwo = run(Query.LEAGUE_TABLE, "phase", 2, "period", P2Q1);
    QueryResult phaseOneThen = run(Query.LEAGUE_TABLE, "phase", 1, "period", P2Q1);

    // Bristol 45 of 4530 (0.99%) against Kent 30 of 8960 (0.33%).
    assertThat(phaseTwo.column("authority_code")).containsExactly(BRISTOL, KENT);
    assertThat(phaseTwo.column("percent_of_target")).containsExactly(pct("1.0"), pct("0.3"));
    assertThat(phaseOneThen.rows()).isEmpty();
  }

  @Test
  void nationalTotalsSumTheReportingAuthoritiesAgainstEveryTarget() {
    QueryResult result = run(Query.NATIONAL_TOTALS, "phase", 1, "period", Q2);

    assertThat(result.rows()).hasSize(1);
    List<Object> row = result.rows().get(0);
    // 1873 turned around of 10,825 = 17.30%: City of London's target counts, its figures do not.
    assertThat(row).containsExactly(7L, 8L, 10415L, 4096L, 1873L, 10825L, pct("17.3"));
  }

  @Test
  void nationalTotalsOfAQuarterWithoutDataSayNobodyReported() {
    QueryResult result =
        run(Query.NATIONAL_TOTALS, "phase", 1, "period", LocalDate.of(2015, 6, 30));

    assertThat(result.rows().get(0)).containsExactly(0L, 8L, null, null, null, 10825L, null);
  }

  @Test
  void regionTotalsListEveryRegionIncludingOneWhereNobodyReported() {
    QueryResult result = run(Query.REGION_TOTALS, "phase", 1, "period", Q2);

    assertThat(result.column("region_code"))
        .containsExactly("E12000001", "E12000005", "E12000007", "E12000008", "E12000009");
    assertThat(result.rows().get(0))
        .containsExactly("E12000001", "North East", 3L, 3L, 1325L, 500L, 175L, 1705L, pct("10.3"));
    assertThat(result.rows().get(2))
        .containsExactly("E12000007", "London", 0L, 1L, null, null, null, 25L, null);
    assertThat(result.value(3, "percent_of_target", BigDecimal.class)).isEqualTo(pct("19.4"));
  }

  @Test
  void authorityProgressIsTheReportedQuartersInOrder() {
    QueryResult result = run(Query.AUTHORITY_PROGRESS, "authority", BIRMINGHAM, "phase", 1);

    assertThat(result.column("period_end")).containsExactly(Q1, Q2);
    assertThat(result.column("quarter_label")).containsExactly("2013Q2", "2013Q3");
    assertThat(result.column("quarter_index")).containsExactly(5, 6);
    assertThat(result.column("turned_around")).containsExactly(690L, 738L);
    assertThat(result.column("national_rank")).containsExactly(3, 5);
    assertThat(result.column("percent_of_target")).containsExactly(pct("16.5"), pct("17.7"));
  }

  @Test
  void authorityProgressShowsAGapAsAGap() {
    QueryResult result = run(Query.AUTHORITY_PROGRESS, "authority", HARTLEPOOL, "phase", 1);

    assertThat(result.column("period_end")).containsExactly(Q2);
    assertThat(result.column("change_in_turned_around")).containsExactly((Object) null);
  }

  @Test
  void benchmarkAgainstNeighboursUsesTheSetInEffectAtTheQuarter() {
    QueryResult later =
        run(
            Query.BENCHMARK,
            "authority",
            BIRMINGHAM,
            "phase",
            1,
            "period",
            Q2,
            "comparison_group",
            "neighbours");
    QueryResult earlier =
        run(
            Query.BENCHMARK,
            "authority",
            BIRMINGHAM,
            "phase",
            1,
            "period",
            Q1,
            "comparison_group",
            "neighbours");

    assertThat(later.column("authority_code")).containsExactly(BIRMINGHAM, GATESHEAD, HARTLEPOOL);
    assertThat(later.column("neighbour_rank")).containsExactly(null, 1, 2);
    assertThat(later.column("is_subject")).containsExactly(true, false, false);
    assertThat(later.column("group_rank")).containsExactly(1, 2, 3);
    assertThat(later.column("group_size")).containsExactly(3, 3, 3);
    assertThat(earlier.column("authority_code"))
        .containsExactly(BIRMINGHAM, KENT, SURREY, GATESHEAD);
    assertThat(earlier.column("neighbour_rank")).containsExactly(null, 1, 2, 3);

    BenchmarkSummary summary = BenchmarkSummary.of(later);
    assertThat(summary.percentOfTarget()).isEqualTo(pct("17.7"));
    assertThat(summary.groupRank()).isEqualTo(1);
    assertThat(summary.groupSize()).isEqualTo(3);
    // Sorted 0.0, 10.5, 17.7: median 10.5; quartiles at 0.5 and 1.5 interpolate to 5.25 and 14.1.
    assertThat(summary.median()).isEqualTo(pct("10.5"));
    assertThat(summary.lowerQuartile()).isEqualTo(pct("5.3"));
    assertThat(summary.upperQuartile()).isEqualTo(pct("14.1"));
  }

  @Test
  void benchmarkAgainstRegionTypeAndEnglandRanksWithinTheGroupKeepingTies() {
    QueryResult region =
        run(
            Query.BENCHMARK,
            "authority",
            SURREY,
            "phase",
            1,
            "period",
            Q2,
            "comparison_group",
            "region");
    QueryResult type =
        run(
            Query.BENCHMARK,
            "authority",
            GATESHEAD,
            "phase",
            1,
            "period",
            Q2,
            "comparison_group",
            "type");
    QueryResult england =
        run(
            Query.BENCHMARK,
            "authority",
            KENT,
            "phase",
            1,
            "period",
            Q2,
            "comparison_group",
            "england");

    assertThat(region.column("authority_code")).containsExactly(KENT, SURREY);
    assertThat(region.column("group_rank")).containsExactly(1, 2);
    assertThat(type.column("authority_code")).containsExactly(BIRMINGHAM, GATESHEAD);
    assertThat(england.column("group_rank")).containsExactly(1, 1, 1, 4, 5, 6, 7);
    BenchmarkSummary summary = BenchmarkSummary.of(england);
    assertThat(summary.groupRank()).isEqualTo(1);
    assertThat(summary.median()).isEqualTo(pct("17.7"));
    assertThat(summary.lowerQuartile()).isEqualTo(pct("14.1"));
    assertThat(summary.upperQuartile()).isEqualTo(pct("20.0"));
  }

  @Test
  void benchmarkOfAnAuthorityWithoutFiguresHasNoSubject() {
    QueryResult result =
        run(
            Query.BENCHMARK,
            "authority",
            CITY_OF_LONDON,
            "phase",
            1,
            "period",
            Q2,
            "comparison_group",
            "region");

    assertThat(result.rows()).isEmpty();
    assertThatThrownBy(() -> BenchmarkSummary.of(result))
        .hasMessageContaining("no figures for that quarter");
  }

  @Test
  void paymentsAreCumulativeAgainstTheCap() {
    QueryResult all = run(Query.PAYMENTS, "phase", 1);
    QueryResult kent = run(Query.PAYMENTS, "phase", 1, "authority", KENT);
    QueryResult otherYear = run(Query.PAYMENTS, "phase", 1, "financial_year", "2014/15");

    assertThat(all.column("authority_code")).containsExactly(BRISTOL, BRISTOL, KENT, KENT);
    assertThat(all.column("period_end")).containsExactly(Q1, Q2, Q1, Q2);
    assertThat(all.column("remaining_cap_gbp"))
        .containsExactly(
            new BigDecimal("1520000.00"),
            new BigDecimal("0.00"),
            new BigDecimal("8245000.00"),
            new BigDecimal("7727200.00"));
    assertThat(all.column("capped")).containsExactly(false, true, false, false);
    assertThat(all.value(3, "quarter_label", String.class)).isEqualTo("2013Q3");
    assertThat(kent.size()).isEqualTo(2);
    assertThat(kent.value(1, "cumulative_gbp", BigDecimal.class))
        .isEqualTo(new BigDecimal("2512800.00"));
    assertThat(otherYear.rows()).isEmpty();
  }

  @Test
  void dataQualityGivesEveryAuthorityAStatus() {
    QueryResult result = run(Query.DATA_QUALITY, "phase", 1, "period", Q2);

    assertThat(result.column("authority_code"))
        .containsExactly(
            HARTLEPOOL,
            MIDDLESBROUGH,
            BRISTOL,
            BIRMINGHAM,
            GATESHEAD,
            CITY_OF_LONDON,
            KENT,
            SURREY);
    // Surrey signed off 31 days after the quarter's end: on time. Gateshead at 46: late.
    assertThat(result.column("status"))
        .containsExactly(
            "accepted",
            "accepted",
            "accepted",
            "resubmitted",
            "late",
            "missing",
            "accepted",
            "accepted");
    assertThat(result.column("versions")).containsExactly(1L, 1L, 1L, 2L, 1L, 0L, 1L, 1L);
    assertThat(result.column("rejections")).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L);
    assertThat(result.column("warnings")).containsExactly(0L, 0L, 0L, 1L, 1L, 0L, 0L, 0L);
    assertThat(result.column("notes")).containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L);
    assertThat(result.value(3, "first_submitted_at", Instant.class))
        .isEqualTo(Instant.parse("2013-10-20T10:00:00Z"));
    assertThat(result.value(3, "current_return_id", String.class))
        .isEqualTo("r-" + BIRMINGHAM + "-p1-" + Q2 + "-v2");
    assertThat(result.value(6, "last_submitted_at", Instant.class))
        .isEqualTo(Instant.parse("2013-10-15T09:30:12.345678Z"));
    assertThat(result.value(5, "first_submitted_at", Instant.class)).isNull();
  }

  @Test
  void dataQualityOfOneAuthorityCountsItsRejectedReturn() {
    QueryResult result = run(Query.DATA_QUALITY, "phase", 1, "period", Q1, "authority", HARTLEPOOL);

    assertThat(result.rows()).hasSize(1);
    assertThat(result.value(0, "status", String.class)).isEqualTo("missing");
    assertThat(result.value(0, "rejections", Long.class)).isEqualTo(1L);
  }

  @Test
  void dataQualityFindingsListTheQuartersFindingsInOrder() {
    QueryResult result = run(Query.DATA_QUALITY_FINDINGS, "phase", 1, "period", Q2);
    QueryResult kent =
        run(Query.DATA_QUALITY_FINDINGS, "phase", 1, "period", Q2, "authority", KENT);

    assertThat(result.column("finding_id")).containsExactly("f6", "f3", "f2", "f4");
    assertThat(result.value(0, "message", String.class))
        .isEqualTo("=HYPERLINK(\"http://x\") jumped");
    assertThat(result.value(0, "row_number", Integer.class)).isNull();
    assertThat(kent.column("rule_id")).containsExactly("TFQR-C03");
    assertThat(kent.value(0, "sheet", String.class)).isEqualTo("claims");
  }

  @Test
  void returnHistoryListsEveryVersionOldestFirst() {
    QueryResult result =
        run(Query.RETURN_HISTORY, "authority", BIRMINGHAM, "phase", 1, "period", Q2);
    QueryResult formerCode =
        run(Query.RETURN_HISTORY, "authority", GATESHEAD, "phase", 1, "period", Q2);

    String v1 = "r-" + BIRMINGHAM + "-p1-" + Q2 + "-v1";
    String v2 = "r-" + BIRMINGHAM + "-p1-" + Q2 + "-v2";
    assertThat(result.column("return_id")).containsExactly(v1, v2);
    assertThat(result.column("turned_around")).containsExactly(700L, 738L);
    assertThat(result.column("is_current")).containsExactly(false, true);
    assertThat(result.column("supersedes_return_id")).containsExactly(null, v1);
    assertThat(result.column("superseded_by_return_id")).containsExactly(v2, null);
    assertThat(result.column("revision_note"))
        .containsExactly(null, "Corrected the employment figure");
    assertThat(result.column("results_sustained_progress")).containsExactly(null, null);
    assertThat(result.column("results_crime_asb_education")).containsExactly(630L, 665L);
    assertThat(result.value(0, "sro_sign_off", String.class)).isEqualTo("=HYPERLINK(\"http://x\")");
    assertThat(formerCode.value(0, "submitted_authority_code", String.class))
        .isEqualTo("E08000020");
  }

  @Test
  void periodsCountTheAuthoritiesReportingInEachQuarter() {
    QueryResult phaseOne = run(Query.PERIODS, "phase", 1);
    QueryResult all = run(Query.PERIODS);

    assertThat(phaseOne.size()).isEqualTo(13);
    assertThat(phaseOne.rows().get(0))
        .containsExactly(1, LocalDate.of(2012, 6, 30), "2012Q2", "2012/13", 1, 0L);
    assertThat(phaseOne.rows().get(4)).containsExactly(1, Q1, "2013Q2", "2013/14", 5, 7L);
    assertThat(phaseOne.value(5, "authorities_reporting", Long.class)).isEqualTo(7L);
    assertThat(all.size()).isEqualTo(13 + 23);
    assertThat(all.value(13, "period_end", LocalDate.class)).isEqualTo(P2Q1);
    assertThat(all.value(13, "authorities_reporting", Long.class)).isEqualTo(2L);
  }

  @Test
  void authoritiesCarryBothPhasesTargetsAndTheirBasis() {
    QueryResult all = run(Query.AUTHORITIES);
    QueryResult gateshead = run(Query.AUTHORITIES, "authority", GATESHEAD);
    QueryResult unknown = run(Query.AUTHORITIES, "authority", "E06999999");

    assertThat(all.size()).isEqualTo(8);
    assertThat(all.value(6, "authority_code", String.class)).isEqualTo(KENT);
    assertThat(all.rows().get(6))
        .containsExactly(
            KENT,
            "Kent",
            "E12000008",
            "South East",
            "county",
            null,
            2560,
            "published",
            8960,
            "published",
            SnapshotFixture.REFERENCE_VERSION);
    assertThat(gateshead.value(0, "former_codes", String.class)).isEqualTo("E08000020");
    assertThat(unknown.rows()).isEmpty();
  }

  @Test
  void aFilterHoldingSqlIsInertText() {
    String injection = "x' OR 1=1 --";
    QueryResult league = run(Query.LEAGUE_TABLE, "phase", 1, "period", Q2, "region", injection);
    QueryResult history =
        run(
            Query.RETURN_HISTORY,
            "authority",
            BIRMINGHAM + "' OR '1'='1",
            "phase",
            1,
            "period",
            Q2);
    QueryResult drop =
        run(Query.AUTHORITIES, "authority", "'; DROP TABLE agg_authority_quarter; --");

    assertThat(league.rows()).isEmpty();
    assertThat(history.rows()).isEmpty();
    assertThat(drop.rows()).isEmpty();
    assertThat(run(Query.LEAGUE_TABLE, "phase", 1, "period", Q2).size()).isEqualTo(7);
  }

  @Test
  void argumentsAreCheckedAgainstTheCatalogue() {
    assertThatThrownBy(() -> run(Query.LEAGUE_TABLE, "phase", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs parameter 'period'");
    assertThatThrownBy(() -> run(Query.LEAGUE_TABLE, "phase", "1", "period", Q2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'phase' must be a Integer");
    assertThatThrownBy(() -> run(Query.PERIODS, "region", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no parameter 'region'");
  }

  @Test
  void everyCatalogueQueryHasItsSqlFileAndUsesEveryParameter() {
    for (Query query : Query.values()) {
      assertThat(query.sql().parameterOrder())
          .as(query.fileName())
          .containsAll(query.parameters().stream().map(QueryParameter::name).toList());
      assertThat(query.sql().sql()).doesNotContain(":").doesNotContain("--");
    }
    assertThat(Arrays.stream(Query.values()).map(Query::fileName).distinct().count())
        .isEqualTo(Query.values().length);
  }
}
