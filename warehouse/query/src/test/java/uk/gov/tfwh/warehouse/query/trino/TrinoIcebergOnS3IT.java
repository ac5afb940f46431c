package uk.gov.tfwh.warehouse.query.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.gov.tfwh.warehouse.query.trino.TwoReleasesOnTrino.KENT_ROW;
import static uk.gov.tfwh.warehouse.query.trino.TwoReleasesOnTrino.LEAGUE;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFileCache;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

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

  private static SharedTrino trino;
  private static TwoReleasesOnTrino onS3;

  @BeforeAll
  static void commitTwoReleasesToTheBucket() {
    assumeTrue(
        LocalTrino.javaHomeForTrino().isPresent(),
        "TrinoIcebergOnS3IT skipped: Trino 476 needs a JDK 24 or newer and none was found");
    trino = SharedTrino.get();
    onS3 = TwoReleasesOnTrino.commit(trino, trino.onS3(), OLDER, NEWER);
  }

  @AfterAll
  static void close() {
    if (onS3 != null) {
      onS3.close();
    }
  }

  @Test
  void everyCatalogueCallAnswersAsTheEmbeddedEngineOnTheCurrentS3Release() {
    onS3.assertEveryCallAnswersAlike(SnapshotSelector.current());
  }

  /**
   * The older release through a few calls only: choosing a release is the catalog's work, the same
   * on every warehouse ({@link TrinoIcebergIT} runs every call on both), and each Trino call costs
   * a few hundred milliseconds.
   */
  @Test
  void theOlderPublishedS3ReleaseAnswersAsOnTheEmbeddedEngine() {
    onS3.assertSomeCallsAnswerAlike(SnapshotSelector.published());
  }

  /**
   * Each engine reads its own way: Trino from the bucket, the embedded engine from its cached
   * copies; both see each release's own rows (Kent's turned-around figure moves by the bump).
   */
  @Test
  void trinoReadsTheBucketAndTheEmbeddedEngineItsCachedCopies() {
    onS3.assertEachReleaseReadsItsOwnRows();

    assertThat(trino.s3().objects("trino", "warehouse/warehouse/fact_claim/data/"))
        .isNotEmpty()
        .allSatisfy(key -> assertThat(key).endsWith(".parquet"));
    onS3.embedded().run(SnapshotSelector.current(), Query.LEAGUE_TABLE, LEAGUE);
    ReleaseFileCache cache = ReleaseFileCache.shared(onS3.fixture().catalog().settings().cache());
    assertThat(cache.files()).isNotEmpty();
  }

  /**
   * The views for Superset and people on a warehouse in a bucket: Trino writes their metadata there
   * (its native S3 file system writing to s3proxy) and reads each view's release.
   */
  @Test
  void thePublishedAndCurrentViewsAreKeptOnTheBucketToo() throws SQLException {
    TrinoViews views = new TrinoViews(trino.jdbcUrl(), "tfwh", onS3.fixture().catalog().settings());

    views.update(onS3.fixture().releases());

    assertThat(rows("SELECT turned_around FROM tfwh_s3.published.agg_authority_quarter" + KENT_ROW))
        .containsExactly("512");
    assertThat(rows("SELECT turned_around FROM tfwh_s3.current.agg_authority_quarter" + KENT_ROW))
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
    return trino.rows("tfwh", sql);
  }
}
