package uk.gov.tfwh.warehouse.iceberg.release;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.testing.LocalPostgres;

/** The Iceberg store's releases in the production catalog: a real PostgreSQL on loopback. */
class IcebergReleasesPostgresTest extends IcebergReleasesContract {
  @TempDir Path dir;
  private final LocalPostgres postgres = LocalPostgres.shared();

  @Override
  CatalogDatabase newDatabase() {
    CatalogSettings settings =
        CatalogSettings.of(
            Map.of(
                CatalogSettings.URI,
                postgres.jdbcUrl(postgres.createDatabase("releases")),
                CatalogSettings.USER,
                postgres.user(),
                CatalogSettings.PASSWORD_ENV,
                RaceWriter.PASSWORD_VARIABLE),
            dir);
    return CatalogDatabase.of(settings, Map.of(RaceWriter.PASSWORD_VARIABLE, postgres.password()));
  }
}
