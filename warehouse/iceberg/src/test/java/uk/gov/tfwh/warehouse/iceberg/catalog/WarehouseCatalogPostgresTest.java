package uk.gov.tfwh.warehouse.iceberg.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.testing.LocalPostgres;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The production catalog: a real PostgreSQL server on loopback, started by the test. Two catalogs
 * opened at once have separate connection pools, as two processes would.
 */
class WarehouseCatalogPostgresTest extends WarehouseCatalogContract {
  private static final String PASSWORD_VARIABLE = "TFWH_TEST_CATALOG_PASSWORD";

  @TempDir Path dir;
  private final LocalPostgres postgres = LocalPostgres.shared();
  private final Map<String, String> databases = new HashMap<>();

  @Override
  CatalogSettings newCatalog() {
    String database = postgres.createDatabase("catalog");
    CatalogSettings settings =
        CatalogSettings.of(
            Map.of(
                CatalogSettings.URI,
                postgres.jdbcUrl(database),
                CatalogSettings.USER,
                postgres.user(),
                CatalogSettings.PASSWORD_ENV,
                PASSWORD_VARIABLE,
                CatalogSettings.WAREHOUSE,
                "file:" + dir.resolve(database)),
            dir);
    databases.put(settings.uri(), database);
    return settings;
  }

  @Override
  Map<String, String> environment() {
    return Map.of(PASSWORD_VARIABLE, postgres.password());
  }

  @Override
  Connection database(CatalogSettings settings) throws SQLException {
    return postgres.connect(databases.get(settings.uri()));
  }

  @Test
  void twoOpeningsOfANewCatalogAtOnceBothSucceed() throws Exception {
    CatalogSettings settings = newCatalog();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<WarehouseTable>>> opened = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        opened.add(
            threads.submit(
                () -> {
                  start.await();
                  try (WarehouseCatalog catalog = WarehouseCatalog.open(settings, environment())) {
                    return catalog.created();
                  }
                }));
      }
      List<WarehouseTable> created = new ArrayList<>(opened.get(0).get());
      created.addAll(opened.get(1).get());

      assertThat(created).containsExactlyInAnyOrder(WarehouseTable.values());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aWrongPasswordFailsToOpenNamingTheCatalog() {
    CatalogSettings settings = newCatalog();

    assertThatThrownBy(
            () -> WarehouseCatalog.open(settings, Map.of(PASSWORD_VARIABLE, "not the password")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("cannot open the catalog tfwh at " + settings.uri())
        .hasMessageNotContaining("not the password");
  }
}
