package uk.gov.tfwh.etl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestBucket;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.load.LoadJob;
import uk.gov.tfwh.etl.load.LoadRequest;
import uk.gov.tfwh.etl.load.LoadResult;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Objects of a landing on object storage that are replaced or deleted while a load reads them (the
 * review finding "no test replaces an S3 object under an executor mid-read"). Each executor reads
 * its own download of a return's objects and checks it against the checksums of the driver's copy
 * that the scan read, so a return whose object changed after the scan, or while an executor
 * downloads it, waits for the next load with a progress line naming its files, as on a landing
 * folder: never loaded as a mix of two versions, never recorded as seen. The driver's copy
 * remembers the version it downloaded, so an object replaced while the copy is made and then put
 * back is loaded by the next load instead of looking unchanged. The moments are chosen with the
 * load's own progress lines and with the download's test seam ({@link ObjectLanding#downloading}),
 * so the tests are deterministic.
 */
class S3LandingChangeTest {
  private static final String KENT = "valid-p2-kent-2015Q2";
  private static final String SUMMARY = KENT + ".summary.csv";
  private static final String CLAIMS = KENT + ".claims.csv";
  private static final String EXECUTORS_START = "new returns on the executors";

  @TempDir Path temp;
  static TestBucket bucket;

  @BeforeAll
  static void bucket() {
    bucket = TestBucket.create("tfwh-changing-landing");
  }

  @AfterAll
  static void close() {
    bucket.close();
  }

  @AfterEach
  void disarm() {
    ObjectLanding.downloading = key -> {};
  }

  @Test
  void anObjectReplacedAfterTheScanWaitsForTheNextLoad() {
    Landing landing = landing("replaced-after-scan");
    List<String> said = new ArrayList<>();

    LoadResult first =
        landing.load(
            line -> {
              said.add(line);
              // The scan has hashed the driver's copy; the executors have not fetched yet.
              if (line.contains(EXECUTORS_START)) {
                bucket.put(landing.key(CLAIMS), claimsV2());
              }
            });

    assertThat(said).anyMatch(line -> namesKentAsLeftForTheNextLoad(line));
    assertThat(landing.stems(first)).containsExactly("valid-p1-birmingham-2013Q3");
    assertThat(landing.kentClaims(first)).isEmpty();
    assertThat(first.report().totals().returnsRead()).isEqualTo(1);
    assertAccounted(first);

    LoadResult second = landing.load(line -> {});

    assertThat(second.nothingNew()).isFalse();
    assertThat(landing.stems(second)).containsExactlyInAnyOrder("valid-p1-birmingham-2013Q3", KENT);
    assertThat(landing.kentClaims(second)).isEqualTo(claimRows(claimsV2()));
    assertAccounted(second);
    assertThat(landing.load(line -> {}).nothingNew()).as("the new version, recorded").isTrue();
  }

  @Test
  void aReturnDeletedAfterTheScanIsNotRecordedAsSeen() {
    Landing landing = landing("deleted-after-scan");
    List<String> said = new ArrayList<>();

    LoadResult first =
        landing.load(
            line -> {
              said.add(line);
              if (line.contains(EXECUTORS_START)) {
                bucket.delete(landing.key(SUMMARY));
                bucket.delete(landing.key(CLAIMS));
              }
            });

    assertThat(said).anyMatch(line -> namesKentAsLeftForTheNextLoad(line));
    assertThat(landing.stems(first)).containsExactly("valid-p1-birmingham-2013Q3");
    assertThat(first.report().totals().returnsRead()).isEqualTo(1);
    assertAccounted(first);

    // The sender puts the same return back: had the first load recorded it as seen, the landing
    // would now look unchanged and nothing would be read.
    bucket.put(landing.key(SUMMARY), landing.local().resolve(SUMMARY));
    bucket.put(landing.key(CLAIMS), landing.local().resolve(CLAIMS));
    LoadResult second = landing.load(line -> {});

    assertThat(second.nothingNew()).isFalse();
    assertThat(landing.stems(second)).containsExactlyInAnyOrder("valid-p1-birmingham-2013Q3", KENT);
    assertThat(landing.kentClaims(second)).isEqualTo(claimRows(claimsV1()));
    assertAccounted(second);
  }

  @Test
  void aReturnReplacedWhileAnExecutorDownloadsItIsNeverLoadedAsAMix() {
    Landing landing = landing("replaced-mid-download");
    List<String> said = new ArrayList<>();
    AtomicBoolean replaced = new AtomicBoolean();

    // The executor has the summary's GET answered and has not asked for the claims: the sender
    // replaces both files, so the executor would hold one of each version.
    LoadResult first =
        loadReplacingWhenDownloaded(
            landing,
            SUMMARY,
            () -> {
              bucket.put(landing.key(SUMMARY), summaryV2());
              bucket.put(landing.key(CLAIMS), claimsV2());
            },
            said,
            replaced);

    assertThat(replaced).as("the seam fired during the executor's download").isTrue();
    assertThat(said).anyMatch(line -> namesKentAsLeftForTheNextLoad(line));
    assertThat(landing.stems(first)).containsExactly("valid-p1-birmingham-2013Q3");
    assertThat(landing.kentClaims(first)).isEmpty();
    assertAccounted(first);

    ObjectLanding.downloading = key -> {};
    LoadResult second = landing.load(line -> {});

    assertThat(landing.kentSignOff(second)).isEqualTo("B. Director");
    assertThat(landing.kentClaims(second)).isEqualTo(claimRows(claimsV2()));
    assertAccounted(second);
  }

  @Test
  void anObjectReplacedWhileItIsDownloadedIsReadWholeAtOneVersionOrWaits() {
    Landing landing = landing("replaced-mid-body");
    List<String> said = new ArrayList<>();
    AtomicBoolean replaced = new AtomicBoolean();

    LoadResult first =
        loadReplacingWhenDownloaded(
            landing, CLAIMS, () -> bucket.put(landing.key(CLAIMS), claimsV2()), said, replaced);

    assertThat(replaced).as("the seam fired during the executor's download").isTrue();
    List<String> kent = landing.kentClaims(first);
    if (kent.isEmpty()) {
      assertThat(said).anyMatch(line -> namesKentAsLeftForTheNextLoad(line));
    } else {
      // What the GET had begun to send: the version the scan hashed, whole.
      assertThat(kent).isEqualTo(claimRows(claimsV1()));
      assertThat(said).noneMatch(line -> line.contains("changed while they were read"));
    }
    assertAccounted(first);

    ObjectLanding.downloading = key -> {};
    LoadResult second = landing.load(line -> {});

    assertThat(second.nothingNew()).isFalse();
    assertThat(landing.kentClaims(second)).isEqualTo(claimRows(claimsV2()));
    assertAccounted(second);
  }

  @Test
  void anObjectReplacedWhileTheDriversCopyIsMadeAndThenPutBackIsLoadedByTheNextLoad() {
    Landing landing = landing("replaced-during-copy");
    AtomicBoolean replaced = new AtomicBoolean();
    // The driver has listed the landing and is copying Kent's claims (listed before its summary):
    // the sender replaces the summary, so the copy gets a version the listing did not name.
    ObjectLanding.downloading =
        key -> {
          if (key.equals(landing.key(CLAIMS)) && replaced.compareAndSet(false, true)) {
            bucket.put(landing.key(SUMMARY), summaryV2());
          }
        };

    LoadResult first = landing.load(line -> {});

    assertThat(replaced).isTrue();
    assertThat(landing.kentSignOff(first)).isEqualTo("B. Director");
    assertAccounted(first);

    // The sender puts the first summary back: its ETag is the one the listing named before.
    bucket.put(landing.key(SUMMARY), landing.local().resolve(SUMMARY));
    LoadResult second = landing.load(line -> {});

    assertThat(second.nothingNew()).as("the summary put back is new to the release").isFalse();
    assertThat(landing.kentSignOff(second)).isEqualTo("A. Director");
    assertThat(landing.kentClaims(second)).isEqualTo(claimRows(claimsV1()));
    assertAccounted(second);
  }

  private static boolean namesKentAsLeftForTheNextLoad(String line) {
    return line.contains("1 returns changed while they were read and are left for the next load")
        && line.contains(SUMMARY)
        && line.contains(CLAIMS);
  }

  /** Birmingham's summary-only return and Kent's summary and claims, on the bucket and locally. */
  private Landing landing(String prefix) {
    Path local =
        TestLandings.copyExamples(
            temp.resolve("sent").resolve(prefix), "valid-p1-birm", "valid-p2-kent");
    bucket.putFolder(local, prefix);
    return new Landing(
        prefix,
        local,
        new LandingMirror(bucket.landing(prefix), temp.resolve("mirror").resolve(prefix)),
        new SnapshotStore(temp.resolve("warehouse").resolve(prefix)),
        temp.resolve("no-submissions"));
  }

  private record Landing(
      String prefix, Path local, LandingMirror mirror, SnapshotStore store, Path submissions) {
    String key(String name) {
      return prefix + "/" + name;
    }

    /** What {@code ./tfwh load --landing s3://bucket/prefix} does: sync the copy, then load. */
    LoadResult load(Consumer<String> atProgress) {
      mirror.sync();
      return new LoadJob(SharedSpark.session(), atProgress)
          .run(
              new LoadRequest(
                      mirror.folder(),
                      store.root(),
                      TestLandings.reference(),
                      10,
                      submissions,
                      Optional.empty())
                  .from(bucket.landing(prefix)));
    }

    List<String> stems(LoadResult load) {
      return Snapshots.rows(store, load.snapshotId(), WarehouseTable.FACT_RETURN, "true").stream()
          .map(r -> r.<String>getAs("source_stem"))
          .toList();
    }

    String kentSignOff(LoadResult load) {
      return Snapshots.rows(
              store,
              load.snapshotId(),
              WarehouseTable.FACT_RETURN,
              "source_stem = '" + KENT + "' and is_current")
          .get(0)
          .getAs("sro_sign_off");
    }

    /**
     * The claim rows of Kent's current version in the release, as {@code
     * family_ref,attached_on,result,achieved_on}, sorted; none when no version of it is there.
     */
    List<String> kentClaims(LoadResult load) {
      List<Row> current =
          Snapshots.rows(
              store,
              load.snapshotId(),
              WarehouseTable.FACT_RETURN,
              "source_stem = '" + KENT + "' and is_current");
      if (current.isEmpty()) {
        return List.of();
      }
      String returnId = current.get(0).getAs("return_id");
      return Snapshots.rows(
              store, load.snapshotId(), WarehouseTable.FACT_CLAIM, "return_id = '" + returnId + "'")
          .stream()
          .map(
              r ->
                  String.join(
                      ",",
                      r.<String>getAs("family_ref"),
                      String.valueOf(r.<Object>getAs("attached_on")),
                      r.<String>getAs("result"),
                      String.valueOf(r.<Object>getAs("achieved_on"))))
          .sorted()
          .toList();
    }
  }

  /** The rows of a claims file, as {@link Landing#kentClaims} gives them. */
  private static List<String> claimRows(String claimsFile) {
    return claimsFile
        .lines()
        .skip(1)
        .map(line -> String.join(",", List.of(line.split(",")).subList(0, 4)))
        .sorted()
        .toList();
  }

  private static String claimsV1() {
    return example(CLAIMS);
  }

  /** Kent's claims sent again: one family's result achieved a day later. */
  private static String claimsV2() {
    String v2 = claimsV1().replace("2015-06-12", "2015-06-13");
    assertThat(v2).isNotEqualTo(claimsV1());
    return v2;
  }

  /** Kent's summary sent again, signed off by someone else. */
  private static String summaryV2() {
    String v2 = example(SUMMARY).replace("A. Director", "B. Director");
    assertThat(v2).isNotEqualTo(example(SUMMARY));
    return v2;
  }

  private static String example(String name) {
    try {
      return Files.readString(TestLandings.examples().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertAccounted(LoadResult result) {
    var totals = result.report().totals();
    assertThat(totals.returnsRead()).isEqualTo(totals.returnsAccepted() + totals.returnsRejected());
    assertThat(totals.claimRowsRead())
        .isEqualTo(totals.claimRowsAccepted() + totals.claimRowsRejected());
  }

  /**
   * Loads the landing, and once the executors start, runs {@code replace} the first time an
   * executor has the GET of {@code file} answered (the seam {@link ObjectLanding#downloading}).
   */
  private LoadResult loadReplacingWhenDownloaded(
      Landing landing, String file, Runnable replace, List<String> said, AtomicBoolean replaced) {
    return landing.load(
        line -> {
          said.add(line);
          if (line.contains(EXECUTORS_START)) {
            ObjectLanding.downloading =
                key -> {
                  if (key.equals(landing.key(file)) && replaced.compareAndSet(false, true)) {
                    replace.run();
                  }
                };
          }
        });
  }
}
