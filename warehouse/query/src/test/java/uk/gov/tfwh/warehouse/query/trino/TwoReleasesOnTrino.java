package uk.gov.tfwh.warehouse.query.trino;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.embedded.EmbeddedQueries;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls.Call;
import uk.gov.tfwh.warehouse.testing.EngineComparison;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The Trino ITs' warehouse: the fixture written as two Iceberg releases into one of the catalogs
 * the JVM's Trino ({@link SharedTrino}) serves, the older one published and the newer one Kent's
 * turned-around figure {@value #BUMP} higher, with the embedded engine and Trino over them, and the
 * comparisons the ITs make between the two engines.
 *
 * @param fixture the catalog the releases are in
 * @param olderId the older release, published
 * @param newerId the newer release, current
 * @param older the older release as committed
 * @param embedded the embedded engine over the catalog
 * @param viaTrino Trino over the same catalog
 */
record TwoReleasesOnTrino(
    IcebergFixture fixture,
    String olderId,
    String newerId,
    Release older,
    EmbeddedQueries embedded,
    TrinoQueries viaTrino)
    implements AutoCloseable {
  /** How much the newer release adds to the older one's figures. */
  static final int BUMP = 1000;

  /** Kent's turned-around figure in the older release. */
  static final long KENT_TURNED_AROUND = 512L;

  /** The league table of phase 1 in the fixture's second quarter. */
  static final Map<String, Object> LEAGUE = Map.of("phase", 1, "period", SnapshotFixture.Q2);

  /** Kent's row of phase 1 in the fixture's second quarter, as a {@code WHERE} clause. */
  static final String KENT_ROW =
      " WHERE phase = 1 AND period_end = DATE '"
          + SnapshotFixture.Q2
          + "' AND authority_code = '"
          + SnapshotFixture.KENT
          + "'";

  /**
   * A few calls for a second release or catalog: choosing a release is the catalog's work, and each
   * Trino call costs a few hundred milliseconds.
   */
  private static final Set<Query> SOME =
      Set.of(Query.LEAGUE_TABLE, Query.NATIONAL_TOTALS, Query.PAYMENTS, Query.TABLE_ROWS);

  TwoReleasesOnTrino {
    requireNonNull(fixture, "fixture");
    requireNonNull(olderId, "olderId");
    requireNonNull(newerId, "newerId");
    requireNonNull(older, "older");
    requireNonNull(embedded, "embedded");
    requireNonNull(viaTrino, "viaTrino");
  }

  /** Commits the older release (published) and the newer one into {@code fixture}'s catalog. */
  static TwoReleasesOnTrino commit(
      SharedTrino trino, IcebergFixture fixture, String olderId, String newerId) {
    Release older = fixture.commit(olderId, 0);
    fixture.publish(olderId);
    fixture.commit(newerId, BUMP);
    return new TwoReleasesOnTrino(
        fixture,
        olderId,
        newerId,
        older,
        fixture.queries(QueryEngineConfig.defaults()),
        TrinoQueries.overIceberg(
            fixture.releases(),
            fixture.catalog().settings(),
            QueryEngineConfig.defaults().withTrino(trino.jdbcUrl())));
  }

  /** Every catalogue call answers on Trino as on the embedded engine, on the selector's release. */
  void assertEveryCallAnswersAlike(SnapshotSelector selector) {
    List<Call> calls = CatalogueCalls.calls();
    EngineComparison.assertSameAnswers(embedded, viaTrino, selector, calls, calls.size() - 3);
  }

  /** A few calls ({@link #SOME}) answer on Trino as on the embedded engine. */
  void assertSomeCallsAnswerAlike(SnapshotSelector selector) {
    List<Call> calls =
        CatalogueCalls.calls().stream().filter(call -> SOME.contains(call.query())).toList();
    EngineComparison.assertSameAnswers(embedded, viaTrino, selector, calls, calls.size() - 1);
  }

  /**
   * Trino's league table for the current and the published release: each its own release's id and
   * rows (Kent's turned-around figure moves by the bump).
   *
   * @return the published release's league table
   */
  QueryResult assertEachReleaseReadsItsOwnRows() {
    QueryResult current = viaTrino.run(SnapshotSelector.current(), Query.LEAGUE_TABLE, LEAGUE);
    QueryResult published = viaTrino.run(SnapshotSelector.published(), Query.LEAGUE_TABLE, LEAGUE);

    assertThat(current.snapshotId()).isEqualTo(newerId);
    assertThat(published.snapshotId()).isEqualTo(olderId);
    assertThat(turnedAround(current)).isEqualTo(KENT_TURNED_AROUND + BUMP);
    assertThat(turnedAround(published)).isEqualTo(KENT_TURNED_AROUND);
    return published;
  }

  private static long turnedAround(QueryResult league) {
    int kent = league.column("authority_code").indexOf(SnapshotFixture.KENT);
    return league.value(kent, "turned_around", Long.class);
  }

  @Override
  public void close() {
    embedded.close();
  }
}
