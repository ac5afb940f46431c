package uk.gov.tfwh.warehouse.iceberg.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * A warehouse on object storage: the embedded catalog (SQLite) with its tables in an {@code s3://}
 * bucket of a real S3 API (s3proxy), which opening creates. (Not the whole {@link
 * WarehouseCatalogContract}: what differs on S3 is the file IO and the bucket, and each opening of
 * a new catalog writes 9 tables' metadata to S3, so the S3 tests stay few.)
 */
class WarehouseCatalogS3Test {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static final S3ProxyServer S3 = S3ProxyServer.shared();

  @TempDir Path dir;

  private CatalogSettings newCatalog() {
    int n = BUCKETS.incrementAndGet();
    Map<String, String> keys = new HashMap<>(S3.settings("s3://catalog-" + n + "/warehouse"));
    return CatalogSettings.of(keys, dir.resolve("warehouse-" + n));
  }

  private static Map<String, String> environment() {
    return S3.environment();
  }

  @Test
  void openingCreatesTheBucketAndWritesTheTablesMetadataIntoIt() {
    CatalogSettings settings = newCatalog();
    String bucket = settings.bucket().orElseThrow();
    assertThat(S3.objects(bucket, "")).isEmpty();

    try (WarehouseCatalog opened = WarehouseCatalog.open(settings, environment())) {
      assertThat(opened.created()).containsExactly(WarehouseTable.values());
      assertThat(opened.table(WarehouseTable.FACT_CLAIM).location())
          .isEqualTo(settings.warehouse() + "/warehouse/fact_claim");
    }

    assertThat(S3.folder().resolve(bucket)).isDirectory();
    assertThat(S3.objects(bucket, "warehouse/warehouse/fact_claim/metadata/"))
        .singleElement(STRING)
        .endsWith(".metadata.json");
    try (WarehouseCatalog again = WarehouseCatalog.open(settings, environment())) {
      assertThat(again.created()).isEmpty();
    }
  }

  @Test
  void aWrongSecretKeyFailsTheOpeningNamingTheBucketAndEndpointButNotTheKey() {
    CatalogSettings settings = newCatalog();
    Map<String, String> wrong = new HashMap<>(environment());
    wrong.put(S3ProxyServer.SECRET_KEY_ENV, "not-the-secret");

    assertThatThrownBy(() -> WarehouseCatalog.open(settings, wrong))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("its bucket " + settings.bucket().orElseThrow())
        .hasMessageContaining(S3.endpoint())
        .hasMessageNotContaining("not-the-secret");
  }
}
