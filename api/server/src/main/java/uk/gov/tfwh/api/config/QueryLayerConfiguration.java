package uk.gov.tfwh.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.tfwh.warehouse.query.QueryEngines;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/** The warehouse and its query engine, one of each for the whole service. */
@Configuration(proxyBeanMethods = false)
class QueryLayerConfiguration {

  @Bean
  SnapshotStore snapshotStore(ApiProperties properties) {
    return new SnapshotStore(properties.warehouse());
  }

  @Bean(destroyMethod = "close")
  WarehouseQueries warehouseQueries(SnapshotStore store, ApiProperties properties) {
    return QueryEngines.open(store, properties.queryEngineConfig());
  }
}
