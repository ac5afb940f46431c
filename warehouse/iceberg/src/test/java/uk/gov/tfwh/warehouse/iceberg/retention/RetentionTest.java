package uk.gov.tfwh.warehouse.iceberg.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.id;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.lock.FileWriterLock;
import uk.gov.tfwh.warehouse.iceberg.lock.WriterLock;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;
import uk.gov.tfwh.warehouse.iceberg.retention.FixtureWarehouse.StopAfter;

/**
 * Retention over real Iceberg tables and real Parquet files in an embedded warehouse, under the
 * file lock: several releases, a later one replacing a partition an earlier one wrote, a published
 * one, a killed load, a killed seal and a file a killed writer never committed.
 */
class RetentionTest {
  private static final LocalDate Q1 = LocalDate.of(2015, 3, 31);
  private static final LocalDate Q2 = LocalDate.of(2015, 6, 30);
  private static final LocalDate Q3 = LocalDate.of(2015, 9, 30);
  private static final LocalDate Q4 = LocalDate.of(2015, 12, 31);

  @TempDir Path dir;
  private FixtureWarehouse warehouse;
  private WriterLock lock;

  @BeforeEach
  void open() {
    lock = FileWriterLock.acquire("tfwh", dir, "load");
    warehouse = FixtureWarehouse.open(dir);
  }

  @AfterEach
  void close() {
    warehouse.close();
    lock.close();
  }

  private Retention retention(Duration orphanMinAge, Clock clock) {
    return new Retention(warehouse.catalog, warehouse.database, lock, orphanMinAge, clock);
  }

  private Retention retention() {
    return retention(Duration.ZERO, Clock.systemUTC());
  }

  @Test
  void keepsTheNewestThePublishedAndTheCurrentAndDeletesEverythingElseOnce() throws Exception {
    Release one = warehouse.load(id(1), List.of(Q1, Q2), true, StopAfter.NOTHING);
    Set<Path> filesOfOne = new HashSet<>(warehouse.files(one));
    Release two = warehouse.load(id(2), List.of(Q1, Q3), false, StopAfter.NOTHING);
    warehouse.publish(two);
    Release three = warehouse.load(id(3), List.of(Q2), false, StopAfter.NOTHING);
    Release four = warehouse.load(id(4), List.of(Q4), true, StopAfter.NOTHING);
    Set<Path> kept = new HashSet<>();
    for (Release release : List.of(two, three, four)) {
      kept.addAll(warehouse.files(release));
    }
    // only release 1 read its Q1 file (release 2 replaced that partition) and its state file;
    // its Q2 file is release 2's too, and its authorities file releases 2's and 3's
    Set<Path> supersededByTwo = new HashSet<>(filesOfOne);
    supersededByTwo.removeAll(kept);
    assertThat(supersededByTwo).hasSize(2).allMatch(Files::exists);
    // a killed load (its branch and files), a killed seal (its tags, no release), a lost file
    warehouse.load(id(5), List.of(Q4), true, StopAfter.BUILD);
    Release sealed = warehouse.load(id(6), List.of(Q1), false, StopAfter.SEAL);
    Path uncommitted = warehouse.writeUncommitted(warehouse.claims(), Q3);
    Map<Release, Map<String, Long>> rowsBefore =
        Map.of(
            two, warehouse.rowCounts(two),
            three, warehouse.rowCounts(three),
            four, warehouse.rowCounts(four));

    RetentionReport report = retention().run(2);

    assertThat(report.releasesDeleted()).containsExactly(one.id());
    assertThat(warehouse.releases.list())
        .extracting(ReleaseRecord::id)
        .containsExactly(two.id(), three.id(), four.id());
    assertThat(report.refsRemoved())
        .contains(
            "warehouse.fact_claim r_" + one.id(),
            "warehouse.fact_claim " + ReleaseRefs.loadBranch(id(5)),
            "warehouse.fact_claim r_" + sealed.id(),
            "warehouse.dim_authority " + ReleaseRefs.loadBranch(id(5)),
            "tfwh_state.landing_file r_" + sealed.id());
    for (Table table : warehouse.tables()) {
      assertThat(table.refs().keySet())
          .as(table.name())
          .containsExactlyInAnyOrder(
              "main", "published", "r_" + two.id(), "r_" + three.id(), "r_" + four.id());
    }
    // every kept release reads as before, from files that all exist
    for (Release release : List.of(two, three, four)) {
      assertThat(warehouse.files(release)).allMatch(Files::exists);
      assertThat(warehouse.rowCounts(release)).isEqualTo(rowsBefore.get(release));
    }
    assertThat(supersededByTwo).noneMatch(Files::exists);
    assertThat(uncommitted).doesNotExist();
    assertThat(report.orphanFiles())
        .contains(uncommitted.toUri().toString().replace("file:///", "file:/"));
    // nothing unreachable is left: the data files on disk are exactly the kept releases'
    Set<Path> parquetOnDisk =
        warehouse.filesOnDisk().stream()
            .filter(file -> file.toString().endsWith(".parquet"))
            .collect(Collectors.toSet());
    assertThat(parquetOnDisk).isEqualTo(kept);
    for (Table table : warehouse.tables()) {
      ReachableFiles reachable = ReachableFiles.of(table);
      assertThat(warehouse.filesOnDisk())
          .filteredOn(file -> file.startsWith(FixtureWarehouse.path(table.location())))
          .allMatch(file -> reachable.contains("file:" + file), "reachable from " + table.name());
    }

    List<Path> before = warehouse.filesOnDisk();
    RetentionReport again = retention().run(2);

    assertThat(again.removedNothing()).as(again.toString()).isTrue();
    assertThat(warehouse.filesOnDisk()).isEqualTo(before);
  }

  @Test
  void aSnapshotAKeptReleaseNamesSurvivesWithoutItsTagWhateverTheTablesExpirySettings()
      throws Exception {
    // a table that expires everything older than a millisecond unless something holds it
    warehouse.state().updateProperties().set("history.expire.max-snapshot-age-ms", "1").commit();
    Release one = warehouse.load(id(1), List.of(Q1), true, StopAfter.NOTHING);
    Release two = warehouse.load(id(2), List.of(Q2), false, StopAfter.NOTHING);
    warehouse.state().manageSnapshots().removeTag("r_" + one.id()).commit();
    warehouse.load(id(3), List.of(Q3), false, StopAfter.BUILD);
    Thread.sleep(5);

    RetentionReport report = retention().run(2);

    assertThat(report.snapshotsExpired()).anyMatch(s -> s.startsWith("tfwh_state.landing_file "));
    assertThat(warehouse.files(one)).allMatch(Files::exists);
    assertThat(warehouse.rowCounts(one)).containsEntry("tfwh_state.landing_file", 3L);
    assertThat(warehouse.files(two)).allMatch(Files::exists);
  }

  @Test
  void aRetentionKilledAfterDeletingTheRowsIsFinishedByTheNext() {
    Release one = warehouse.load(id(1), List.of(Q1), true, StopAfter.NOTHING);
    Set<Path> filesOfOne = new HashSet<>(warehouse.files(one));
    Release two = warehouse.load(id(2), List.of(Q1), true, StopAfter.NOTHING);
    filesOfOne.removeAll(warehouse.files(two));
    warehouse.commits.delete(List.of(one.outline())); // killed here: tags and files remain

    RetentionReport report = retention().run(1);

    assertThat(report.releasesDeleted()).isEmpty();
    assertThat(report.refsRemoved()).contains("warehouse.fact_claim r_" + one.id());
    assertThat(filesOfOne).hasSize(3).noneMatch(Files::exists);
    assertThat(warehouse.files(two)).allMatch(Files::exists);
  }

  @Test
  void theRunningLoadsBranchAndTagsAreSpared() {
    warehouse.load(id(1), List.of(Q1), true, StopAfter.NOTHING);
    warehouse.load(id(2), List.of(Q2), false, StopAfter.BUILD);

    RetentionReport report = retention().run(1, Optional.of(id(2)));

    assertThat(report.refsRemoved()).isEmpty();
    assertThat(warehouse.claims().refs()).containsKey(ReleaseRefs.loadBranch(id(2)));
    assertThat(retention().run(1).refsRemoved())
        .contains("warehouse.fact_claim " + ReleaseRefs.loadBranch(id(2)));
  }

  @Test
  void anOrphanYoungerThanTheMinimumAgeStaysUntilItIsOldEnough() {
    warehouse.load(id(1), List.of(Q1), true, StopAfter.NOTHING);
    Path uncommitted = warehouse.writeUncommitted(warehouse.claims(), Q2);
    Clock now = Clock.systemUTC();

    retention(Duration.ofHours(24), now).run(1);
    assertThat(uncommitted).exists();

    Clock tomorrow = Clock.offset(now, Duration.ofHours(25));
    RetentionReport report = retention(Duration.ofHours(24), tomorrow).run(1);
    assertThat(uncommitted).doesNotExist();
    assertThat(report.orphanFiles()).hasSize(1);
  }

  @Test
  void aMinimumAgeOfZeroNeedsTheFileLock() {
    WriterLock advisory =
        new WriterLock() {
          @Override
          public Kind kind() {
            return Kind.POSTGRES;
          }

          @Override
          public String holder() {
            return "load (host a, process 1, since 2026-12-05T21:00:00Z)";
          }

          @Override
          public void close() {}
        };

    assertThatThrownBy(
            () ->
                new Retention(
                    warehouse.catalog,
                    warehouse.database,
                    advisory,
                    Duration.ZERO,
                    Clock.system(ZoneOffset.UTC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a minimum age of 0 needs the file lock");
    assertThat(
            new Retention(
                warehouse.catalog,
                warehouse.database,
                advisory,
                Duration.ofHours(24),
                Clock.systemUTC()))
        .isNotNull();
  }

  @Test
  void aCurrentOrPublishedReleaseIsNeverDeleted() {
    Release one = warehouse.load(id(1), List.of(Q1), true, StopAfter.NOTHING);
    warehouse.publish(one);
    Release two = warehouse.load(id(2), List.of(Q2), false, StopAfter.NOTHING);

    assertThat(retention().run(1).releasesDeleted()).isEmpty();
    assertThatThrownBy(() -> warehouse.commits.delete(List.of(one.outline())))
        .hasMessageContaining("has been published: it is always kept");
    assertThatThrownBy(() -> warehouse.commits.delete(List.of(two.outline())))
        .hasMessageContaining("is current: it is always kept");
    assertThat(warehouse.releases.list()).hasSize(2);
  }
}
