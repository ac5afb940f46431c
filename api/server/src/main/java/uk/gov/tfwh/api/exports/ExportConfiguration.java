package uk.gov.tfwh.api.exports;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.tfwh.exports.Exports;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

  @Bean
  Exports exports(WarehouseQueries queries, WarehouseReleases releases) {
    return new Exports(queries, releases, Clock.systemUTC());
  }
}
