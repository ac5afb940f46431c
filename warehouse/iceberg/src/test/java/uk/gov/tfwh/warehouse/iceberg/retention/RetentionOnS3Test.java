package uk.gov.tfwh.warehouse.iceberg.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.id;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.lock.FileWriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.StopAfter;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;

/**
 * The orphan sweep on object storage (s3proxy on a filesystem backend, the S3 server of the tests
 * and of the crash trial on s3): it deletes the object a killed writer left, and nothing else. That
 * server lists every folder of its backend as a key ending in {@code /} ({@code .../data/}, {@code
 * .../data/period_end=2015-06-30/}), as an S3 console's "create folder" leaves one; such a key is
 * never a file Iceberg wrote, and deleting one there takes 10 s and does nothing, so a sweep that
 * took them for orphans made the first load on a new s3 warehouse with a minimum age of 0 take
 * minutes (found by the crash trial on s3).
 */
class RetentionOnS3Test {
  private static final LocalDate Q1 = LocalDate.of(2015, 3, 31);
  private static final LocalDate Q2 = LocalDate.of(2015, 6, 30);
  private static final LocalDate Q3 = LocalDate.of(2015, 9, 30);

  @TempDir Path dir;

  @Test
  void theSweepDeletesTheUncommittedObjectAndLeavesTheServersFolderKeysAlone() {
    S3ProxyServer s3 = S3ProxyServer.shared();
    String prefix = "retention-" + System.nanoTime();
    CatalogSettings settings =
        CatalogSettings.of(s3.settings("s3://tfwh-retention/" + prefix), dir);
    try (WriterLock lock = FileWriterLock.acquire("tfwh", dir, "load");
        FixtureWarehouse warehouse = FixtureWarehouse.open(dir, settings, s3.environment())) {
      Release one = warehouse.load(id(1), List.of(Q1, Q2), true, StopAfter.NOTHING);
      String uncommitted = warehouse.writeUncommittedObject(warehouse.claims(), Q3);
      assertThat(uncommitted).startsWith("s3://tfwh-retention/" + prefix + "/");
      String key = uncommitted.substring("s3://tfwh-retention/".length());
      assertThat(s3.objects("tfwh-retention", prefix)).contains(key);
      Retention retention =
          new Retention(
              warehouse.catalog, warehouse.database, lock, Duration.ZERO, Clock.systemUTC());

      long started = System.nanoTime();
      RetentionReport report = retention.run(2);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      assertThat(report.orphanFiles()).containsExactly(uncommitted);
      assertThat(s3.objects("tfwh-retention", prefix)).doesNotContain(key);
      // One delete of a folder key costs 10 s on this server; the whole sweep of three tables
      // takes a fraction of one.
      assertThat(tookMillis).isLessThan(10_000);
      assertThat(warehouse.rowCounts(one))
          .isNotEmpty()
          .allSatisfy((t, n) -> assertThat(n).isPositive());
    }
  }
}
