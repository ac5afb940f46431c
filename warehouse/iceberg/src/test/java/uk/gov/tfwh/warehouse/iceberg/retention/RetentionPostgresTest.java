package uk.gov.tfwh.warehouse.iceberg.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.id;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLocks;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.StopAfter;
import uk.gov.tfwh.warehouse.iceberg.testing.LocalPostgres;

/**
 * Retention with the production catalog, a real PostgreSQL on loopback, under the advisory lock:
 * the orphan sweep's minimum age is the default day there, so the sweep runs with a clock a day
 * ahead.
 */
class RetentionPostgresTest {
  private static final String PASSWORD = "TFWH_TEST_CATALOG_PASSWORD";
  private static final LocalDate Q1 = LocalDate.of(2015, 3, 31);
  private static final LocalDate Q2 = LocalDate.of(2015, 6, 30);

  @TempDir Path dir;
  private final LocalPostgres postgres = LocalPostgres.shared();

  @Test
  void keepsTheCurrentAndThePublishedAndLeavesNothingUnreachable() {
    CatalogSettings settings =
        CatalogSettings.of(
            Map.of(
                CatalogSettings.URI, postgres.jdbcUrl(postgres.createDatabase("retention")),
                CatalogSettings.USER, postgres.user(),
                CatalogSettings.PASSWORD_ENV, PASSWORD),
            dir);
    Map<String, String> environment = Map.of(PASSWORD, postgres.password());
    try (FixtureWarehouse warehouse = FixtureWarehouse.open(dir, settings, environment);
        WriterLock lock = WriterLocks.acquire(warehouse.database, dir, "load")) {
      assertThat(lock.kind()).isEqualTo(WriterLock.Kind.POSTGRES);
      Release one = warehouse.load(id(1), List.of(Q1, Q2), true, StopAfter.NOTHING);
      warehouse.publish(one);
      Release two = warehouse.load(id(2), List.of(Q1), false, StopAfter.NOTHING);
      Release three = warehouse.load(id(3), List.of(Q1), false, StopAfter.NOTHING);
      Set<Path> superseded = new HashSet<>(warehouse.files(two));
      superseded.removeAll(warehouse.files(one));
      superseded.removeAll(warehouse.files(three));
      assertThat(superseded).isNotEmpty().allMatch(Files::exists);
      warehouse.load(id(4), List.of(Q2), true, StopAfter.BUILD);
      Path uncommitted = warehouse.writeUncommitted(warehouse.claims(), Q2);
      Clock tomorrow = Clock.offset(Clock.systemUTC(), Duration.ofHours(25));
      Retention retention =
          new Retention(
              warehouse.catalog, warehouse.database, lock, settings.orphanMinAge(), tomorrow);

      RetentionReport report = retention.run(1, Optional.empty());

      assertThat(report.releasesDeleted()).containsExactly(two.id());
      assertThat(warehouse.releases.list())
          .extracting(ReleaseRecord::id)
          .containsExactly(one.id(), three.id());
      assertThat(superseded).noneMatch(Files::exists);
      assertThat(uncommitted).doesNotExist();
      Set<Path> kept = new HashSet<>(warehouse.files(one));
      kept.addAll(warehouse.files(three));
      assertThat(kept).allMatch(Files::exists);
      assertThat(
              warehouse.filesOnDisk().stream()
                  .filter(file -> file.toString().endsWith(".parquet"))
                  .collect(Collectors.toSet()))
          .isEqualTo(kept);
      assertThat(retention.run(1, Optional.empty()).removedNothing()).isTrue();
    }
  }
}
