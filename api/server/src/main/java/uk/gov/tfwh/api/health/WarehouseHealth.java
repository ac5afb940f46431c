package uk.gov.tfwh.api.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;

/**
 * Part of readiness ({@code /actuator/health/readiness}): the service is ready once its warehouse
 * holds a loaded snapshot to answer from. Reads the pointers only, so it is cheap to poll.
 */
@Component("warehouse")
class WarehouseHealth implements HealthIndicator {
  private final SnapshotStore store;
  private final WarehouseQueries queries;

  WarehouseHealth(SnapshotStore store, WarehouseQueries queries) {
    this.store = store;
    this.queries = queries;
  }

  @Override
  public Health health() {
    Health.Builder health = store.currentId().isPresent() ? Health.up() : Health.outOfService();
    return health
        .withDetail("engine", queries.engineName())
        .withDetail("current", store.currentId().orElse("none"))
        .withDetail("published", store.publishedId().orElse("none"))
        .build();
  }
}
