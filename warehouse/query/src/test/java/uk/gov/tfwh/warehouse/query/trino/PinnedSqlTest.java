package uk.gov.tfwh.warehouse.query.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.Query;

class PinnedSqlTest {
  private static final PinnedSql RELEASE = new PinnedSql("tfwh", "warehouse", snapshots());

  private static Map<String, Long> snapshots() {
    Map<String, Long> snapshots = new LinkedHashMap<>();
    snapshots.put("dim_authority", 11L);
    snapshots.put("dim_period", 22L);
    snapshots.put("fact_claim", 7309590187431566080L);
    snapshots.put("agg_authority_quarter", -5L);
    return snapshots;
  }

  @Test
  void eachTableTheQueryReadsIsReadAtTheReleasesSnapshot() {
    String sql =
        "SELECT p.quarter_label, count(*) FROM fact_claim c"
            + " JOIN dim_period p ON p.period_end = c.period_end GROUP BY 1";

    assertThat(RELEASE.pin(sql))
        .isEqualTo(
            "WITH dim_period AS (SELECT * FROM tfwh.warehouse.dim_period FOR VERSION AS OF 22),\n"
                + "  fact_claim AS (SELECT * FROM tfwh.warehouse.fact_claim"
                + " FOR VERSION AS OF 7309590187431566080)\n"
                + sql);
  }

  @Test
  void aTableReadTwiceHasOneExpression() {
    String sql =
        "SELECT a.x FROM agg_authority_quarter a"
            + " JOIN agg_authority_quarter b ON b.authority_code = a.authority_code";

    assertThat(RELEASE.pin(sql))
        .isEqualTo(
            "WITH agg_authority_quarter AS (SELECT * FROM tfwh.warehouse.agg_authority_quarter"
                + " FOR VERSION AS OF -5)\n"
                + sql);
  }

  @Test
  void aQueryWithItsOwnWithHasItsExpressionsAppendedAfterOurs() {
    String sql =
        "-- totals\nwith reported AS (SELECT count(*) AS n FROM dim_authority)\nSELECT n FROM reported";

    assertThat(RELEASE.pin(sql))
        .isEqualTo(
            "-- totals\nWITH dim_authority AS (SELECT * FROM tfwh.warehouse.dim_authority"
                + " FOR VERSION AS OF 11),\n"
                + " reported AS (SELECT count(*) AS n FROM dim_authority)\nSELECT n FROM reported");
  }

  @Test
  void namesInCommentsLiteralsAndQualifiedNamesAreNotReads() {
    String sql =
        """
        -- reads fact_claim? no: only dim_period
        /* nor fact_claim here */
        SELECT 'fact_claim' AS label, x.fact_claim, "Dim_Period"
        FROM other.fact_claim x, dim_period
        """;

    assertThat(RELEASE.tablesRead(sql)).containsExactly("dim_period");
    assertThat(RELEASE.tablesRead("SELECT 1 FROM \"fact_claim\"")).containsExactly("fact_claim");
    assertThat(RELEASE.tablesRead("SELECT * FROM DIM_PERIOD")).containsExactly("dim_period");
    assertThat(RELEASE.pin("SELECT 1")).isEqualTo("SELECT 1");
  }

  @Test
  void aWithInsideTheQueryIsNotTheLeadingWith() {
    String sql = "SELECT * FROM (WITH t AS (SELECT 1) SELECT * FROM t), dim_period";

    assertThat(RELEASE.pin(sql)).startsWith("WITH dim_period AS (").endsWith("\n" + sql);
  }

  @Test
  void everyCatalogueQueryPinsAndReadsOnlyWarehouseTables() {
    PinnedSql all =
        new PinnedSql(
            "tfwh",
            "warehouse",
            Map.of(
                "dim_authority",
                1L,
                "dim_period",
                2L,
                "dim_target",
                3L,
                "dim_neighbour",
                4L,
                "fact_return",
                5L,
                "fact_claim",
                6L,
                "fact_finding",
                7L,
                "fact_payment",
                8L,
                "agg_authority_quarter",
                9L));
    for (Query query : Query.values()) {
      String sql = query.sql().sql();
      assertThat(all.tablesRead(sql)).as(query.fileName()).isNotEmpty();
      String pinned = all.pin(sql);
      assertThat(pinned).as(query.fileName()).startsWith("WITH ");
      boolean ownWith = sql.regionMatches(true, 0, "WITH", 0, 4);
      assertThat(withs(pinned)).as(query.fileName()).isEqualTo(withs(sql) + (ownWith ? 0 : 1));
    }
    assertThat(all.tablesRead(Query.TABLE_ROWS.sql().sql())).hasSize(9);
  }

  private static long withs(String sql) {
    return java.util.regex.Pattern.compile("(?i)\\bWITH\\b").matcher(sql).results().count();
  }

  @Test
  void namesAndRecursiveQueriesThatCannotBePinnedAreRefused() {
    assertThatThrownBy(() -> new PinnedSql("tfwh", "warehouse", Map.of("x; DROP", 1L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PinnedSql("Tfwh", "warehouse", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> RELEASE.pin("WITH RECURSIVE t(n) AS (SELECT 1) SELECT * FROM t, dim_period"))
        .hasMessageContaining("WITH RECURSIVE");
    assertThatThrownBy(() -> RELEASE.pin("SELECT 'open FROM dim_period"))
        .hasMessageContaining("unterminated");
  }
}
