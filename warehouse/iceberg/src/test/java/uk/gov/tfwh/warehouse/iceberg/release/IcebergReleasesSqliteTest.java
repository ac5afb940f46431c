package uk.gov.tfwh.warehouse.iceberg.release;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/** The Iceberg store's releases in the embedded catalog: SQLite in the warehouse folder. */
class IcebergReleasesSqliteTest extends IcebergReleasesContract {
  @TempDir Path dir;
  private int catalogs;

  @Override
  CatalogDatabase newDatabase() {
    return CatalogDatabase.of(CatalogSettings.embedded(dir.resolve("warehouse-" + ++catalogs)));
  }
}
