package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.state.LoadState;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.TableFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** Reloads, new quarters, resubmissions and retention across loads. */
class HistoryLoadTest {
  private static final String HEADER =
      "template,authority_code,phase,period_end,families_identified,families_attached,"
          + "results_crime_asb_education,results_continuous_employment,results_progress_to_work,"
          + "results_sustained_progress,submitted_at,submitted_by,sro_sign_off,revision_note\n";

  @TempDir Path temp;

  private static String birmingham(String periodEnd, int turned, String submittedAt, String note) {
    return HEADER
        + "TFQR-1,E08000025,1,"
        + periodEnd
        + ",3150,2210,"
        + turned
        + ",48,71,,"
        + submittedAt
        + ",tf.returns@example.gov.uk,A. Director,"
        + note
        + "\n";
  }

  private LoadResult load(Path landing, SnapshotStore store, int retain) {
    return new LoadJob(SharedSpark.session(), line -> {})
        .run(new LoadRequest(landing, store.root(), TestLandings.reference(), retain));
  }

  @Test
  void reloadNewQuarterAndResubmission() {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-", "bad-claims");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));

    LoadResult first = load(landing, store, 10);
    assertThat(first.nothingNew()).isFalse();
    assertThat(first.report().totals().returnsReadThisLoad()).isEqualTo(5);

    LoadResult again = load(landing, store, 10);
    assertThat(again.nothingNew()).isTrue();
    assertThat(again.snapshotId()).isEqualTo(first.snapshotId());
    assertThat(store.list()).hasSize(1);

    TestLandings.write(
        landing.resolve("bham-2013Q4.summary.csv"),
        birmingham("2013-12-31", 800, "2013-12-31T16:00:00Z", ""));
    LoadResult newQuarter = load(landing, store, 10);
    assertThat(newQuarter.report().totals().returnsReadThisLoad()).isEqualTo(1);
    assertThat(newQuarter.report().totals().returnsReused()).isEqualTo(5);
    assertThat(newQuarter.report().totals().returnsAccepted()).isEqualTo(6);
    assertThat(store.current().orElseThrow().id()).isEqualTo(newQuarter.snapshotId());
    assertThat(store.current().orElseThrow().parentId()).isEqualTo(first.snapshotId());
    Row q4 =
        Snapshots.rows(
                store,
                newQuarter.snapshotId(),
                WarehouseTable.AGG_AUTHORITY_QUARTER,
                "authority_code = 'E08000025' and period_end = date'2013-12-31'")
            .get(0);
    assertThat(q4.<Long>getAs("change_in_turned_around")).isEqualTo((800L + 48) - (690 + 48));
    // Claim rows read by the first load are reused, not lost.
    assertThat(newQuarter.report().tableRows()).containsEntry("fact_claim", 9L);
    // The same reference set: its dimension tables are the first snapshot's files, not rewritten.
    for (WarehouseTable dimension :
        List.of(
            WarehouseTable.DIM_AUTHORITY,
            WarehouseTable.DIM_PERIOD,
            WarehouseTable.DIM_TARGET,
            WarehouseTable.DIM_NEIGHBOUR)) {
      assertThat(sameFiles(store, first.snapshotId(), newQuarter.snapshotId(), dimension))
          .as(dimension.tableName())
          .isTrue();
      assertThat(newQuarter.report().tableRows().get(dimension.tableName()))
          .isEqualTo(first.report().tableRows().get(dimension.tableName()))
          .isPositive();
    }
    assertThat(
            sameFiles(
                store, first.snapshotId(), newQuarter.snapshotId(), WarehouseTable.FACT_RETURN))
        .isFalse();
    // The first load's returns are remembered by linking its batch of the state, not by writing
    // them again: the new load writes the state of what it read itself.
    Path firstState = LoadState.stateDir(store.snapshotDir(first.snapshotId())).resolve("returns");
    Path laterState =
        LoadState.stateDir(store.snapshotDir(newQuarter.snapshotId())).resolve("returns");
    assertThat(isSameFile(firstState.resolve("batch=0.ser"), laterState.resolve("batch=0.ser")))
        .isTrue();
    assertThat(laterState.resolve("batch=1.ser")).isRegularFile();

    TestLandings.write(
        landing.resolve("bham-2013Q3-revised.summary.csv"),
        birmingham("2013-09-30", 700, "2013-10-15T09:00:00Z", "corrected crime count"));
    LoadResult resubmitted = load(landing, store, 10);
    Map<String, Row> versions =
        Snapshots.rows(
                store,
                resubmitted.snapshotId(),
                WarehouseTable.FACT_RETURN,
                "authority_code = 'E08000025' and period_end = date'2013-09-30'")
            .stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("source_stem"), r -> r));
    assertThat(versions).hasSize(2);
    Row earlier = versions.get("valid-p1-birmingham-2013Q3");
    Row later = versions.get("bham-2013Q3-revised");
    assertThat(earlier.<Boolean>getAs("is_current")).isFalse();
    assertThat(later.<Boolean>getAs("is_current")).isTrue();
    assertThat(later.<String>getAs("supersedes_return_id"))
        .isEqualTo(earlier.<String>getAs("return_id"));
    assertThat(earlier.<String>getAs("superseded_by_return_id"))
        .isEqualTo(later.<String>getAs("return_id"));
    assertThat(earlier.<String>getAs("loaded_snapshot_id")).isEqualTo(first.snapshotId());
    assertThat(resubmitted.report().totals().returnsSuperseded()).isEqualTo(1);
    Row league =
        Snapshots.rows(
                store,
                resubmitted.snapshotId(),
                WarehouseTable.AGG_AUTHORITY_QUARTER,
                "authority_code = 'E08000025' and period_end = date'2013-09-30'")
            .get(0);
    assertThat(league.<Long>getAs("turned_around")).isEqualTo(748L);
    // The earlier snapshot is untouched and still readable.
    assertThat(
            Snapshots.rows(
                store,
                newQuarter.snapshotId(),
                WarehouseTable.FACT_RETURN,
                "authority_code = 'E08000025' and period_end = date'2013-09-30'"))
        .singleElement()
        .satisfies(r -> assertThat(r.<Boolean>getAs("is_current")).isTrue());

    TestLandings.write(
        landing.resolve("bham-2013Q3-stale.summary.csv"),
        birmingham("2013-09-30", 710, "2013-10-01T09:00:00Z", "late copy"));
    LoadResult stale = load(landing, store, 2);
    assertThat(stale.report().totals().returnsStale()).isEqualTo(1);
    assertThat(
            stale.report().totals().returnsAccepted() + stale.report().totals().returnsRejected())
        .isEqualTo(stale.report().totals().returnsRead());
    assertThat(
            Snapshots.rows(
                store,
                stale.snapshotId(),
                WarehouseTable.FACT_FINDING,
                "file = 'bham-2013Q3-stale.summary.csv'"))
        .extracting(r -> r.<String>getAs("rule_id"))
        .containsExactly("TFQR-H01");
    List<String> kept = store.list().stream().map(m -> m.id()).toList();
    assertThat(kept).hasSize(2).contains(stale.snapshotId(), resubmitted.snapshotId());
    assertThat(stale.deletedSnapshots())
        .containsExactly(first.snapshotId(), newQuarter.snapshotId());
    Snapshots.assertManifestMatchesParquet(store, stale.snapshotId());
  }

  /**
   * The state saves work and holds no figures: a damaged one (a disk fault, say) costs a full read,
   * said in the progress, not a failed load.
   */
  @Test
  void aDamagedStateMeansEverythingIsReadAgain() throws IOException {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    LoadResult first = load(landing, store, 10);
    Path state = LoadState.stateDir(store.snapshotDir(first.snapshotId()));
    Files.write(
        state.resolve("returns").resolve("batch=0.ser"),
        new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 's'});
    Files.write(state.resolve("checksums.ser"), new byte[] {1, 2, 3});
    TestLandings.write(
        landing.resolve("bham-2013Q4.summary.csv"),
        birmingham("2013-12-31", 800, "2013-12-31T16:00:00Z", ""));

    List<String> progress = new ArrayList<>();
    LoadResult next =
        new LoadJob(SharedSpark.session(), progress::add)
            .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));

    assertThat(progress)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("the previous load's state cannot be read")
                    .contains("batch=0.ser")
                    .endsWith("every return is read again"))
        .anySatisfy(
            line -> assertThat(line).contains("the previous load's landing checksums cannot"));
    long returns = first.report().totals().returnsRead() + 1;
    assertThat(next.report().totals().returnsReadThisLoad()).isEqualTo(returns);
    assertThat(next.report().totals().returnsReused()).isZero();
    assertThat(store.current().orElseThrow().id()).isEqualTo(next.snapshotId());
    Snapshots.assertManifestMatchesParquet(store, next.snapshotId());
    LoadResult fresh = load(landing, new SnapshotStore(temp.resolve("fresh")), 10);
    assertThat(next.report().tableRows()).isEqualTo(fresh.report().tableRows());
    assertThat(next.report().totals().returnsAccepted())
        .isEqualTo(fresh.report().totals().returnsAccepted());
  }

  @Test
  void aPublishedSnapshotSurvivesRetention() {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p1-birm");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    LoadResult first = load(landing, store, 1);
    store.publish(first.snapshotId());
    TestLandings.write(
        landing.resolve("bham-2013Q4.summary.csv"),
        birmingham("2013-12-31", 800, "2013-12-31T16:00:00Z", ""));
    LoadResult second = load(landing, store, 1);
    assertThat(second.deletedSnapshots()).isEmpty();
    assertThat(store.list())
        .extracting(m -> m.id())
        .contains(first.snapshotId(), second.snapshotId());
  }

  @Test
  void aReturnRewrittenInPlaceIsReadAgainThoughItsSizeAndTimeAreUnchanged() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p1-birm");
    Path q4 = landing.resolve("bham-2013Q4.summary.csv");
    TestLandings.write(q4, birmingham("2013-12-31", 800, "2013-12-31T16:00:00Z", ""));
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    // Only files that have settled are remembered by their stamp.
    Thread.sleep(FileChecksums.SETTLING.toMillis() + 200);
    LoadResult first = load(landing, store, 10);
    List<String> progress = new ArrayList<>();
    Files.writeString(landing.resolve("notes.txt"), "not a return");
    LoadResult second =
        new LoadJob(SharedSpark.session(), progress::add)
            .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));
    // The two settled returns' files were known by their stamp; the new note was read.
    assertThat(second.report().totals().returnsReadThisLoad()).isZero();
    assertThat(progress).anyMatch(line -> line.contains("2 files known unchanged by their stamp"));

    FileTime modified = Files.getLastModifiedTime(q4);
    TestLandings.write(q4, birmingham("2013-12-31", 801, "2013-12-31T16:00:00Z", ""));
    Files.setLastModifiedTime(q4, modified);
    LoadResult rewritten = load(landing, store, 10);
    assertThat(rewritten.nothingNew()).isFalse();
    assertThat(rewritten.report().totals().returnsReadThisLoad()).isEqualTo(1);
    Row league =
        Snapshots.rows(
                store,
                rewritten.snapshotId(),
                WarehouseTable.AGG_AUTHORITY_QUARTER,
                "authority_code = 'E08000025' and period_end = date'2013-12-31'")
            .get(0);
    assertThat(league.<Long>getAs("turned_around")).isEqualTo(801L + 48);
    assertThat(first.snapshotId()).isNotEqualTo(rewritten.snapshotId());
  }

  /** Whether two snapshots hold the very same files (hard links) for a table. */
  private static boolean isSameFile(Path one, Path other) {
    try {
      return Files.isSameFile(one, other);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean sameFiles(
      SnapshotStore store, String one, String other, WarehouseTable table) {
    List<Path> first = TableFiles.dataFiles(store.snapshotDir(one).resolve(table.relativePath()));
    List<Path> second =
        TableFiles.dataFiles(store.snapshotDir(other).resolve(table.relativePath()));
    if (first.isEmpty() || first.size() != second.size()) {
      return false;
    }
    try {
      for (int i = 0; i < first.size(); i++) {
        if (!Files.isSameFile(first.get(i), second.get(i))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
