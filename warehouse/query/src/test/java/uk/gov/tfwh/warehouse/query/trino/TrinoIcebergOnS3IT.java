package uk.gov.tfwh.warehouse.query.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFileCache;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;
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
 * Trino reads a warehouse on object storage: the fixture written as two Iceberg releases whose
 * tables are in a bucket on s3proxy, which the JVM's Trino ({@link SharedTrino}, no second server)
 * serves as catalog {@code tfwh_s3} through its native S3 file system, with the keys from its
 * environment. Every catalogue call answers on Trino as on the embedded engine over the same
 * current release, which the embedded engine reads through its local file cache; the older,
 * published release answers alike on a few calls.
 */
class TrinoIcebergOnS3IT {
  private static final String OLDER = "20260101T000000000Z-s3a0";
  private static final String NEWER = "20260101T000001000Z-s3a1000";
  private static final Map<String, Object> LEAGUE =
      Map.of("phase", 1, "period", SnapshotFixture.Q2);

  private static SharedTrino trino;
  private static IcebergFixture onS3;
  private static EmbeddedQueries embedded;
  private static TrinoQueries viaTrino;

  @BeforeAll
  static void commitTwoReleasesToTheBucket() {
    assumeTrue(
        LocalTrino.javaHomeForTrino().isPresent(),
        "TrinoIcebergOnS3IT skipped: Trino 476 needs a JDK 24 or newer and none was found");
    trino = SharedTrino.get();
    onS3 = trino.onS3();
    onS3.commit(OLDER, 0);
    onS3.publish(OLDER);
    onS3.commit(NEWER, 1000);
    embedded = onS3.queries(QueryEngineConfig.defaults());
    viaTrino =
        TrinoQueries.overIceberg(
            onS3.releases(),
            onS3.catalog().settings(),
            QueryEngineConfig.defaults().withTrino(trino.jdbcUrl()));
  }

  @AfterAll
  static void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  @Test
  void everyCatalogueCallAnswersAsTheEmbeddedEngineOnTheCurrentS3Release() {
    List<Call> calls = CatalogueCalls.calls();

    EngineComparison.assertSameAnswers(
        embedded, viaTrino, SnapshotSelector.current(), calls, calls.size() - 3);
  }

  /**
   * The older release through a few calls only: choosing a release is the catalog's work, the same
   * on every warehouse ({@link TrinoIcebergIT} runs every call on both), and each Trino call costs
   * a few hundred milliseconds.
   */
  @Test
  void theOlderPublishedS3ReleaseAnswersAsOnTheEmbeddedEngine() {
    Set<Query> some =
        Set.of(Query.LEAGUE_TABLE, Query.NATIONAL_TOTALS, Query.PAYMENTS, Query.TABLE_ROWS);
    List<Call> calls =
        CatalogueCalls.calls().stream().filter(call -> some.contains(call.query())).toList();

    EngineComparison.assertSameAnswers(
        embedded, viaTrino, SnapshotSelector.published(), calls, calls.size() - 1);
  }

  /**
   * Each engine reads its own way: Trino from the bucket, the embedded engine from its cached
   * copies; both see each release's own rows (Kent's turned-around figure moves by the bump).
   */
  @Test
  void trinoReadsTheBucketAndTheEmbeddedEngineItsCachedCopies() {
    QueryResult current = viaTrino.run(SnapshotSelector.current(), Query.LEAGUE_TABLE, LEAGUE);
    QueryResult published = viaTrino.run(SnapshotSelector.published(), Query.LEAGUE_TABLE, LEAGUE);

    assertThat(current.snapshotId()).isEqualTo(NEWER);
    assertThat(published.snapshotId()).isEqualTo(OLDER);
    assertThat(turnedAround(current)).isEqualTo(512L + 1000);
    assertThat(turnedAround(published)).isEqualTo(512L);
    assertThat(trino.s3().objects("trino", "warehouse/warehouse/fact_claim/data/"))
        .isNotEmpty()
        .allSatisfy(key -> assertThat(key).endsWith(".parquet"));
    embedded.run(SnapshotSelector.current(), Query.LEAGUE_TABLE, LEAGUE);
    ReleaseFileCache cache = ReleaseFileCache.shared(onS3.catalog().settings().cache());
    assertThat(cache.files()).isNotEmpty();
  }

  /**
   * The views for Superset and people on a warehouse in a bucket: Trino writes their metadata there
   * (its native S3 file system writing to s3proxy) and reads each view's release.
   */
  @Test
  void thePublishedAndCurrentViewsAreKeptOnTheBucketToo() throws SQLException {
    TrinoViews views = new TrinoViews(trino.jdbcUrl(), "tfwh", onS3.catalog().settings());
    String kent =
        " WHERE phase = 1 AND period_end = DATE '"
            + SnapshotFixture.Q2
            + "' AND authority_code = '"
            + SnapshotFixture.KENT
            + "'";

    views.update(onS3.releases());

    assertThat(rows("SELECT turned_around FROM tfwh_s3.published.agg_authority_quarter" + kent))
        .containsExactly("512");
    assertThat(rows("SELECT turned_around FROM tfwh_s3.current.agg_authority_quarter" + kent))
        .containsExactly("1512");
    assertThat(trino.s3().objects("trino", "warehouse/published/")).isNotEmpty();
  }

  /** Trino was given the variables' names, never the keys themselves. */
  @Test
  void trinosCatalogFileNamesTheKeysVariablesNotTheKeys() throws IOException {
    String file = Files.readString(trino.catalogFile("tfwh_s3"));

    assertThat(file)
        .contains("fs.native-s3.enabled=true")
        .contains("s3.endpoint=" + trino.s3().endpoint())
        .contains("s3.aws-access-key=${ENV:" + S3ProxyServer.ACCESS_KEY_ENV + "}")
        .contains("s3.aws-secret-key=${ENV:" + S3ProxyServer.SECRET_KEY_ENV + "}")
        .doesNotContain(S3ProxyServer.SECRET_KEY);
  }

  private static List<String> rows(String sql) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tfwh");
    try (Connection connection = DriverManager.getConnection(trino.jdbcUrl(), properties);
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (results.next()) {
        rows.add(results.getString(1));
      }
      return rows;
    }
  }

  private static long turnedAround(QueryResult league) {
    int kent = league.column("authority_code").indexOf(SnapshotFixture.KENT);
    return league.value(kent, "turned_around", Long.class);
  }
}
