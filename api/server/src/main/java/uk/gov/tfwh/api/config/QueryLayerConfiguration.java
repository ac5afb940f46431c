package uk.gov.tfwh.api.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * The warehouse and its query engine, one of each for the whole service: the store {@code
 * StoreChoice} picks from {@code tfwh.store} (an Iceberg catalog's releases unless the legacy
 * folder store is asked for) and the engine the properties name.
 */
@Configuration(proxyBeanMethods = false)
class QueryLayerConfiguration {

  @Bean(destroyMethod = "close")
  ServedWarehouse servedWarehouse(ApiProperties properties, StoreProperties store) {
    Optional<CatalogSettings> iceberg =
        StoreChoice.iceberg(
            store.catalogFile().orElse(null),
            properties.warehouse(),
            Map.of(StoreChoice.STORE_ENV, store.kind()));
    return iceberg
        .<ServedWarehouse>map(ServedWarehouse.Iceberg::open)
        .orElseGet(() -> new ServedWarehouse.Folder(new SnapshotStore(properties.warehouse())));
  }

  @Bean
  WarehouseReleases warehouseReleases(ServedWarehouse warehouse) {
    return warehouse.releases();
  }

  @Bean(destroyMethod = "close")
  WarehouseQueries warehouseQueries(ServedWarehouse warehouse, ApiProperties properties) {
    return warehouse.openQueries(properties.queryEngineConfig());
  }

  /** How often requests read the releases' change token (serving's SnapshotPointers takes it). */
  @Bean("changeTokenPollEvery")
  Duration changeTokenPollEvery(ServedWarehouse warehouse) {
    return warehouse.pollEvery();
  }
}
