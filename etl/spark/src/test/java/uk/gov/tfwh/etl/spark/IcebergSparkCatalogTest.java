package uk.gov.tfwh.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

class IcebergSparkCatalogTest {
  private static final Path WAREHOUSE = Path.of("/srv/tfwh");

  @Test
  void aLocalWarehouseKeepsSparksOwnFileIo() {
    Map<String, String> properties =
        IcebergSparkCatalog.properties(CatalogSettings.embedded(WAREHOUSE));

    assertThat(properties).doesNotContainKey("spark.sql.catalog.tfwh.io-impl");
    assertThat(properties).containsEntry("spark.sql.catalog.tfwh.type", "jdbc");
  }

  @Test
  void anObjectStoreWarehouseWritesThroughS3FileIoOnDriverAndExecutors() {
    CatalogSettings settings =
        CatalogSettings.of(
            Map.of(
                "tfwh.catalog.warehouse", "s3://tfwh/warehouse",
                "tfwh.s3.endpoint", "http://10.0.0.1:9000",
                "tfwh.s3.path-style-access", "true"),
            WAREHOUSE);

    Map<String, String> properties = IcebergSparkCatalog.properties(settings);

    assertThat(properties)
        .containsEntry("spark.sql.catalog.tfwh.io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
        .containsEntry("spark.sql.catalog.tfwh.warehouse", "s3://tfwh/warehouse")
        .containsEntry("spark.sql.catalog.tfwh.s3.endpoint", "http://10.0.0.1:9000");
  }
}
