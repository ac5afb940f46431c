package uk.gov.tfwh.warehouse.query.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.gov.tfwh.warehouse.query.trino.TwoReleasesOnTrino.KENT_ROW;
import static uk.gov.tfwh.warehouse.query.trino.TwoReleasesOnTrino.LEAGUE;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * Trino reads the Iceberg warehouse: the fixture written as two Iceberg releases into an embedded
 * (SQLite) catalog, which the JVM's Trino ({@link SharedTrino}) serves as catalog {@code tfwh}
 * through {@code trino.sh start --warehouse} (and into a PostgreSQL catalog, {@code tfwh_pg}).
 * Every catalogue call answers on Trino as on the embedded engine over the same releases, for the
 * current and for the older (published) release, and each query reads its own release's rows:
 * pinned by {@link PinnedSql}, with no registration.
 */
class TrinoIcebergIT {
  private static final String OLDER = "20260101T000000000Z-ice0";
  private static final String NEWER = "20260101T000001000Z-ice1000";

  private static SharedTrino trino;
  private static TwoReleasesOnTrino releases;
  private static IcebergFixture iceberg;

  @BeforeAll
  static void commitTwoReleases() {
    assumeTrue(
        LocalTrino.javaHomeForTrino().isPresent(),
        "TrinoIcebergIT skipped: Trino 476 needs a JDK 24 or newer and none was found");
    trino = SharedTrino.get();
    releases = TwoReleasesOnTrino.commit(trino, trino.iceberg(), OLDER, NEWER);
    iceberg = releases.fixture();
  }

  @AfterAll
  static void close() {
    if (releases != null) {
      releases.close();
    }
  }

  @Test
  void everyCatalogueCallAnswersAsTheEmbeddedEngineOnTheCurrentRelease() {
    releases.assertEveryCallAnswersAlike(SnapshotSelector.current());
  }

  @Test
  void everyCatalogueCallAnswersAsTheEmbeddedEngineOnTheOlderPublishedRelease() {
    releases.assertEveryCallAnswersAlike(SnapshotSelector.published());
  }

  @Test
  void eachQueryReadsItsOwnReleasesRows() {
    TrinoQueries viaTrino = releases.viaTrino();

    QueryResult published = releases.assertEachReleaseReadsItsOwnRows();

    assertThat(viaTrino.run(SnapshotSelector.byId(OLDER), Query.LEAGUE_TABLE, LEAGUE).rows())
        .isEqualTo(published.rows());
    assertThatThrownBy(
            () ->
                viaTrino.run(
                    SnapshotSelector.byId("20260101T000000000Z-unknown"), Query.PERIODS, Map.of()))
        .isInstanceOf(SnapshotUnavailableException.class)
        .hasMessageContaining(
            "there is no release 20260101T000000000Z-unknown in the catalog tfwh");
  }

  /**
   * The pinned table is a CTE, which Trino inlines: the quarter filter becomes a constraint of the
   * scan of the release's snapshot, so Iceberg plans only that quarter's files, and the query reads
   * two of the fixture's five claims (one file of two).
   */
  @Test
  void aQuarterFilterIsPushedThroughThePinnedTableIntoTheScan() throws SQLException {
    long snapshot = releases.older().table("warehouse", "fact_claim").orElseThrow().snapshotId();
    PinnedSql pinned =
        new IcebergTrinoSnapshots(iceberg.releases(), iceberg.catalog().settings())
            .pinned(releases.older().outline());
    String sql =
        pinned.pin(
            "SELECT count(*) FROM fact_claim WHERE period_end = DATE '" + SnapshotFixture.Q2 + "'");

    String plan = String.join("\n", rows("EXPLAIN " + sql));
    String analysed = String.join("\n", rows("EXPLAIN ANALYZE " + sql));

    assertThat(plan)
        .contains(
            "TableScan[table = tfwh:warehouse.fact_claim$data@"
                + snapshot
                + " constraint on [period_end]]")
        .contains(":: [[" + SnapshotFixture.Q2 + "]]")
        .doesNotContain("Filter");
    assertThat(analysed).containsPattern("Input: 2 rows");
    assertThat(rows(sql)).containsExactly("2");
  }

  /**
   * The production catalog: the same releases committed to PostgreSQL, which Trino's {@code
   * tfwh_pg} catalog reads with the driver its plugin ships and the password from its environment.
   */
  @Test
  void aPostgresqlCatalogIsReadTheSameWay() {
    try (TwoReleasesOnTrino postgres =
        TwoReleasesOnTrino.commit(trino, trino.postgres(), OLDER, NEWER)) {
      for (SnapshotSelector selector :
          List.of(SnapshotSelector.current(), SnapshotSelector.published())) {
        postgres.assertSomeCallsAnswerAlike(selector);
      }
      postgres.assertEachReleaseReadsItsOwnRows();
    }
  }

  /**
   * The views for Superset and people: {@code tfwh.published} and {@code tfwh.current} read their
   * releases, and pointing {@code published} at another release switches what it reads.
   */
  @Test
  void thePublishedAndCurrentViewsReadTheirReleases() throws SQLException {
    TrinoViews views = new TrinoViews(trino.jdbcUrl(), "tfwh", iceberg.catalog().settings());

    views.update(iceberg.releases());

    assertThat(rows("SELECT snapshot_id FROM tfwh.published.snapshot_info")).containsExactly(OLDER);
    assertThat(rows("SELECT snapshot_id FROM tfwh.current.snapshot_info")).containsExactly(NEWER);
    assertThat(rows("SELECT turned_around FROM tfwh.published.agg_authority_quarter" + KENT_ROW))
        .containsExactly("512");
    assertThat(rows("SELECT turned_around FROM tfwh.current.agg_authority_quarter" + KENT_ROW))
        .containsExactly("1512");
    assertThat(rows("SELECT count(*) FROM tfwh.published.fact_claim")).containsExactly("5");

    views.point(TrinoViews.PUBLISHED, iceberg.releases().currentOutline().orElseThrow());
    assertThat(rows("SELECT turned_around FROM tfwh.published.agg_authority_quarter" + KENT_ROW))
        .containsExactly("1512");
    views.update(iceberg.releases());
    assertThat(rows("SELECT snapshot_id FROM tfwh.published.snapshot_info")).containsExactly(OLDER);
  }

  /**
   * Trino's access control as {@code trino.sh} writes it (infra/trino/etc/rules.json): any {@code
   * FOR VERSION AS OF} on {@code tfwh.warehouse} reaches pre-release data, and {@code tfwh.current}
   * is the pre-release, so only the API's and the publisher's user {@code tfwh} reads them; any
   * other user (Superset's, a person's) reads the published views and nothing else.
   */
  @Test
  void onlyTheApisUserReadsTheWarehouseAndCurrentAndEveryoneReadsPublished() throws SQLException {
    new TrinoViews(trino.jdbcUrl(), "tfwh", iceberg.catalog().settings())
        .update(iceberg.releases());
    long preRelease =
        iceberg.releases().current().orElseThrow().tables().stream()
            .filter(table -> table.name().equals("agg_authority_quarter"))
            .findFirst()
            .orElseThrow()
            .snapshotId();
    String warehouse = "SELECT count(*) FROM tfwh.warehouse.agg_authority_quarter";
    String pinned = warehouse + " FOR VERSION AS OF " + preRelease;
    String current = "SELECT snapshot_id FROM tfwh.current.snapshot_info";
    String currentTable = "SELECT count(*) FROM tfwh.current.agg_authority_quarter";

    for (String user : List.of("superset", "someone")) {
      for (String sql : List.of(warehouse, pinned, current, currentTable)) {
        assertThatThrownBy(() -> rows(user, sql))
            .as(user + ": " + sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("Access Denied");
      }
      assertThat(rows(user, "SELECT snapshot_id FROM tfwh.published.snapshot_info"))
          .containsExactly(OLDER);
      assertThat(rows(user, "SELECT count(*) FROM tfwh.published.agg_authority_quarter"))
          .hasSize(1)
          .doesNotContain("0");
      assertThatThrownBy(() -> rows(user, "CREATE SCHEMA tfwh.mine"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Access Denied");
    }
    assertThat(rows("tfwh", current)).containsExactly(NEWER);
    assertThat(rows("tfwh", pinned)).hasSize(1).doesNotContain("0");
  }

  private static List<String> rows(String sql) throws SQLException {
    return rows("tfwh", sql);
  }

  private static List<String> rows(String user, String sql) throws SQLException {
    return trino.rows(user, sql);
  }
}
