package uk.gov.tfwh.api.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * Part of readiness ({@code /actuator/health/readiness}): the service is ready once its warehouse
 * holds a loaded snapshot and the engine can read the snapshots it serves: every table's row count,
 * asked of the engine, must equal the count the snapshot's manifest recorded. A snapshot's files
 * never change, so the verdict is kept until a pointer moves or a minute has passed (a file damaged
 * under a served snapshot is seen within a minute), and polling stays cheap.
 */
@Component("warehouse")
class WarehouseHealth implements HealthIndicator {
  private static final Duration RECHECK = Duration.ofMinutes(1);

  private record Verdict(String current, String published, Instant at, String problem) {}

  private final WarehouseReleases releases;
  private final WarehouseQueries queries;
  private final AtomicReference<Verdict> last = new AtomicReference<>();

  WarehouseHealth(WarehouseReleases releases, WarehouseQueries queries) {
    this.releases = releases;
    this.queries = queries;
  }

  @Override
  public Health health() {
    Optional<String> current = releases.currentId();
    Optional<String> published = releases.publishedId();
    Health.Builder health;
    if (current.isEmpty()) {
      health = Health.outOfService();
    } else {
      String problem = problem(current.get(), published.orElse(null));
      health = problem == null ? Health.up() : Health.down().withDetail("problem", problem);
    }
    return health
        .withDetail("engine", queries.engineName())
        .withDetail("current", current.orElse("none"))
        .withDetail("published", published.orElse("none"))
        .build();
  }

  /** Why a served snapshot cannot be read as its manifest says, or null. */
  private String problem(String current, String published) {
    Verdict known = last.get();
    Instant now = Instant.now();
    if (known != null
        && known.current().equals(current)
        && java.util.Objects.equals(known.published(), published)
        && known.at().plus(RECHECK).isAfter(now)) {
      return known.problem();
    }
    String problem = check(current);
    if (problem == null && published != null && !published.equals(current)) {
      problem = check(published);
    }
    last.set(new Verdict(current, published, now, problem));
    return problem;
  }

  private String check(String snapshot) {
    try {
      Map<String, Long> expected = new TreeMap<>();
      releases
          .manifest(snapshot)
          .tables()
          .forEach((table, stats) -> expected.put(table, stats.rows()));
      QueryResult rows = queries.run(SnapshotSelector.byId(snapshot), Query.TABLE_ROWS, Map.of());
      Map<String, Long> actual = new TreeMap<>();
      for (ResultRow row : rows) {
        actual.put(row.text("table_name"), row.longValue("row_count"));
      }
      for (Map.Entry<String, Long> table : expected.entrySet()) {
        Long read = actual.get(table.getKey());
        if (read != null && !read.equals(table.getValue())) {
          return "snapshot "
              + snapshot
              + ": table "
              + table.getKey()
              + " reads "
              + read
              + " rows, its manifest recorded "
              + table.getValue();
        }
      }
      return null;
    } catch (RuntimeException e) {
      return "snapshot " + snapshot + " cannot be read: " + e.getMessage();
    }
  }
}
