package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.report.ReturnCounts;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Who is paid for a family depends on when the warehouse received the claim, not on the date its
 * sender wrote (issue 17, finding 5: a later return dated earlier took Kent's accepted claims and
 * £7,200 to Birmingham). Kent's claims are accepted and paid in a first load; Birmingham's return,
 * received by a second load but dated before Kent's, claims the same families.
 */
class ReceivedOrderLoadTest {
  private static final String HEADER =
      "template,authority_code,phase,period_end,families_identified,families_attached,"
          + "results_crime_asb_education,results_continuous_employment,results_progress_to_work,"
          + "results_sustained_progress,submitted_at,submitted_by,sro_sign_off,revision_note";

  @TempDir Path temp;

  @Test
  void aClaimReceivedLaterCannotTakeAnEarlierPaidClaimByDatingItselfEarlier() throws Exception {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p2-kent");
    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    LoadJob job = new LoadJob(SharedSpark.session(), line -> {});
    LoadRequest request = new LoadRequest(landing, store.root(), TestLandings.reference(), 10);
    LoadResult first = job.run(request);
    List<Row> kentPaidBefore = kentPayments(store, first.snapshotId());
    Thread.sleep(5); // the second load's time is later, as a real one's is

    // Birmingham, dated the morning of the quarter's last day (Kent's says 16:30), claims all five.
    TestLandings.write(
        landing.resolve("birmingham-2015Q2.summary.csv"),
        HEADER
            + "\nTFQR-1,E08000025,2,2015-06-30,900,700,,2,,3,2015-06-30T08:00:00+01:00,"
            + "tf@birmingham.example,A. Director,\n");
    TestLandings.copyExamples(temp.resolve("kent-copy"), "valid-p2-kent");
    java.nio.file.Files.copy(
        temp.resolve("kent-copy/valid-p2-kent-2015Q2.claims.csv"),
        landing.resolve("birmingham-2015Q2.claims.csv"));
    LoadResult second = job.run(request);

    ReturnCounts birmingham = counts(second, "birmingham-2015Q2");
    assertThat(birmingham.status()).isEqualTo("CURRENT");
    assertThat(birmingham.claimRowsRejected()).isEqualTo(5);
    assertThat(birmingham.rules()).contains("TFQR-C08");
    ReturnCounts kent = counts(second, "valid-p2-kent-2015Q2");
    assertThat(kent.claimRowsAccepted()).isEqualTo(5);
    assertThat(kent.rules()).doesNotContain("TFQR-C08");
    assertThat(kentPayments(store, second.snapshotId())).isEqualTo(kentPaidBefore);
    assertThat(
            Snapshots.rows(
                store,
                second.snapshotId(),
                WarehouseTable.FACT_CLAIM,
                "authority_code = 'E08000025'"))
        .isEmpty();

    // The manifest carries when each file was first received, unchanged by the later load.
    SnapshotManifest before = store.manifest(first.snapshotId());
    SnapshotManifest after = store.manifest(second.snapshotId());
    SnapshotManifest.InputFile kentFile = file(before, "valid-p2-kent-2015Q2.summary.csv");
    assertThat(kentFile.receivedAt()).isNotNull();
    assertThat(file(after, "valid-p2-kent-2015Q2.summary.csv").receivedAt())
        .isEqualTo(kentFile.receivedAt());
    assertThat(file(after, "birmingham-2015Q2.summary.csv").receivedAt())
        .isAfter(kentFile.receivedAt());
    var totals = second.report().totals();
    assertThat(totals.returnsRead()).isEqualTo(totals.returnsAccepted() + totals.returnsRejected());
  }

  private static List<Row> kentPayments(SnapshotStore store, String snapshot) {
    return Snapshots.rows(
            store, snapshot, WarehouseTable.FACT_PAYMENT, "authority_code = 'E10000016'")
        .stream()
        .sorted(java.util.Comparator.comparing(Row::toString))
        .collect(Collectors.toList());
  }

  private static ReturnCounts counts(LoadResult result, String stem) {
    return result.report().returns().stream()
        .filter(c -> c.stem().equals(stem))
        .findFirst()
        .orElseThrow();
  }

  private static SnapshotManifest.InputFile file(SnapshotManifest manifest, String name) {
    return manifest.inputs().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }
}
