package uk.gov.tfwh.warehouse.query.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFileCache;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls;
import uk.gov.tfwh.warehouse.testing.CatalogueCalls.Call;
import uk.gov.tfwh.warehouse.testing.EngineComparison;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;

/**
 * The embedded engine reading a release whose tables are on object storage (a real S3 API, s3proxy)
 * gives the answers it gives over the same rows in a warehouse on this machine: the fixture written
 * from plain Java as Iceberg tables twice, once to {@code file:} and once to {@code s3://}, and
 * every catalogue call compared (columns, values, order and Java types). The S3 release is read
 * from the local file cache, which planning fills.
 */
class IcebergOnS3QueriesTest {
  private static final String SNAPSHOT = "20260101T000000000Z-fixture";

  @TempDir static Path dir;
  private static S3ProxyServer s3;
  private static CatalogSettings onS3;
  private static IcebergFixture local;
  private static IcebergFixture remote;
  private static EmbeddedQueries fromLocal;
  private static EmbeddedQueries fromS3;

  @BeforeAll
  static void writeTheFixtureToBothWarehouses() {
    // s3proxy starts (about 1 to 2 s) while the local warehouse is written
    CompletableFuture<S3ProxyServer> starting =
        CompletableFuture.supplyAsync(S3ProxyServer::shared);
    local = IcebergFixture.open(dir.resolve("local"));
    local.commit(SNAPSHOT, 0);
    local.publish(SNAPSHOT);
    s3 = starting.join();
    onS3 = CatalogSettings.of(s3.settings("s3://queries/warehouse"), dir.resolve("s3"));
    remote = IcebergFixture.open(onS3, s3.environment());
    remote.commit(SNAPSHOT, 0);
    remote.publish(SNAPSHOT);
    fromLocal = local.queries(QueryEngineConfig.defaults());
    fromS3 = remote.queries(QueryEngineConfig.defaults());
  }

  @AfterAll
  static void close() {
    fromLocal.close();
    fromS3.close();
    local.close();
    remote.close();
  }

  @Test
  void everyCatalogueCallOverTheS3ReleaseGivesTheLocalReleasesAnswer() {
    List<Call> calls = CatalogueCalls.calls();

    EngineComparison.assertSameAnswers(
        fromLocal, fromS3, SnapshotSelector.published(), calls, calls.size() - 3);
  }

  @Test
  void theS3ReleasesFilesAreInTheBucketAndItsReaderReadsTheirCachedCopies() {
    QueryResult rows = fromS3.run(SnapshotSelector.current(), Query.TABLE_ROWS, Map.of());
    assertThat(rows.snapshotId()).isEqualTo(SNAPSHOT);

    assertThat(s3.objects("queries", "warehouse/warehouse/fact_claim/data/"))
        .isNotEmpty()
        .allSatisfy(key -> assertThat(key).endsWith(".parquet"));
    ReleaseFileCache cache = ReleaseFileCache.shared(onS3.cache());
    assertThat(cache.dir()).isEqualTo(dir.resolve("s3").resolve("cache"));
    try (ReleaseFiles planned =
        ReleaseFiles.plan(remote.catalog(), remote.releases().current().orElseThrow())) {
      List<Path> paths =
          planned.tables().values().stream()
              .flatMap(table -> table.files().stream())
              .map(ReleaseFiles.PlannedFile::path)
              .toList();
      assertThat(paths).isNotEmpty();
      assertThat(cache.files()).containsExactlyInAnyOrderElementsOf(paths);
      assertThat(cache.copies())
          .as("opening the release copied them; planning again did not")
          .isEqualTo(paths.size());
    }
    int claims = rows.column("table_name").indexOf("fact_claim");
    assertThat(rows.value(claims, "row_count", Long.class)).isPositive();
  }
}
