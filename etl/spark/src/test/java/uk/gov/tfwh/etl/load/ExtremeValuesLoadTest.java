package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.etl.report.LoadReport;
import uk.gov.tfwh.etl.report.ReturnCounts;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * One return's values must never stop a load (issue 17, findings 4, 6, 9, 10): a batch of good
 * returns and one return per extreme but well-formed value of every column of the summary and the
 * claims goes through the real load (Spark, Parquet). The load succeeds, every good return loads,
 * every extreme one is refused with its rule and file, and every input is accounted for.
 */
class ExtremeValuesLoadTest {
  private static final String HEADER =
      "template,authority_code,phase,period_end,families_identified,families_attached,"
          + "results_crime_asb_education,results_continuous_employment,results_progress_to_work,"
          + "results_sustained_progress,submitted_at,submitted_by,sro_sign_off,revision_note";
  private static final String CLAIMS =
      "family_ref,attached_on,result,achieved_on,problems_at_entry";

  @TempDir Path temp;

  /** Hartlepool (target 425 in phase 1), 2013Q3, with one column replaced. */
  private static String hartlepool(String column, String value) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("template", "TFQR-1");
    row.put("authority_code", "E06000001");
    row.put("phase", "1");
    row.put("period_end", "2013-09-30");
    row.put("families_identified", "300");
    row.put("families_attached", "200");
    row.put("results_crime_asb_education", "40");
    row.put("results_continuous_employment", "5");
    row.put("results_progress_to_work", "3");
    row.put("results_sustained_progress", "");
    row.put("submitted_at", "2013-10-02T10:00:00+01:00");
    row.put("submitted_by", "tf@hartlepool.example");
    row.put("sro_sign_off", "A. Director");
    row.put("revision_note", "");
    row.put(column, value);
    return HEADER
        + "\n"
        + row.values().stream()
            .map(v -> v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v)
            .collect(Collectors.joining(","))
        + "\n";
  }

  @Test
  void extremeValuesAreRefusedOneReturnAtATimeAndTheRestLoads() {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-");
    Map<String, String> expectedRule = new LinkedHashMap<>();
    Object[][] extremes = {
      {"x-submitted-9999", "submitted_at", "9999-12-31T23:59:59+14:00", "TFQR-S13"},
      {"x-submitted-2262", "submitted_at", "2262-04-12T00:00:00Z", "TFQR-S13"},
      {"x-submitted-0001", "submitted_at", "0001-01-01T00:00:00Z", "TFQR-S13"},
      {"x-submitted-far", "submitted_at", "+999999999-12-31T23:59:59-18:00", "TFQR-S13"},
      {"x-identified-ten-million", "families_identified", "10000000", "TFQR-S14"},
      {"x-identified-long-max", "families_identified", "9223372036854775807", "TFQR-S05"},
      {"x-identified-eighteen-digits", "families_identified", "999999999999999999", "TFQR-S14"},
      {"x-identified-forty-digits", "families_identified", "9".repeat(40), "TFQR-S05"},
      {"x-result-ten-million", "results_crime_asb_education", "10000000", "TFQR-S14"},
      {"x-period-9999", "period_end", "9999-12-31", "TFQR-S08"},
      {"x-period-0001", "period_end", "0001-03-31", "TFQR-S08"},
      {"x-phase-huge", "phase", "2147483648", "TFQR-S08"},
      {"x-sign-off-long", "sro_sign_off", "S".repeat(100_000), "TFQR-S15"},
      {"x-note-long", "revision_note", "n".repeat(40_000), "TFQR-S15"},
      {"x-by-long", "submitted_by", "a".repeat(300) + "@x.example", "TFQR-S15"},
    };
    for (Object[] extreme : extremes) {
      TestLandings.write(
          landing.resolve(extreme[0] + ".summary.csv"),
          hartlepool((String) extreme[1], (String) extreme[2]));
      expectedRule.put((String) extreme[0], (String) extreme[3]);
    }
    // Kent's return under Birmingham's code in its name: a return speaking for another.
    TestLandings.write(
        landing.resolve("E08000025-2013Q3-p1.summary.csv"),
        hartlepool("authority_code", "E10000016"));
    expectedRule.put("E08000025-2013Q3-p1", "TFQR-S16");
    // Claims dated at the ends of time: the rows are refused, the return loads.
    TestLandings.write(
        landing.resolve("x-claim-dates.summary.csv"), hartlepool("authority_code", "E06000002"));
    TestLandings.write(
        landing.resolve("x-claim-dates.claims.csv"),
        CLAIMS
            + "\nfam-000000000099-aaaa,0001-01-01,CRIME_ASB_EDUCATION,2013-08-01,CRIME_ASB;WORK"
            + "\nfam-000000000098-aaaa,2013-01-01,CRIME_ASB_EDUCATION,9999-12-31,CRIME_ASB;WORK\n");

    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    LoadResult result =
        new LoadJob(SharedSpark.session(), line -> {})
            .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));

    LoadReport report = result.report();
    assertThat(report.totals().returnsRead())
        .isEqualTo(report.totals().returnsAccepted() + report.totals().returnsRejected());
    assertThat(report.totals().claimRowsRead())
        .isEqualTo(report.totals().claimRowsAccepted() + report.totals().claimRowsRejected());
    Map<String, ReturnCounts> byStem =
        report.returns().stream().collect(Collectors.toMap(ReturnCounts::stem, c -> c));
    expectedRule.forEach(
        (stem, rule) -> {
          ReturnCounts counts = byStem.get(stem);
          assertThat(counts).as(stem).isNotNull();
          assertThat(counts.status()).as(stem).isEqualTo("REJECTED");
          assertThat(counts.rules()).as(stem).contains(rule);
        });
    for (String valid :
        List.of(
            "valid-p1-birmingham-2013Q3",
            "valid-p2-kent-2015Q2",
            "valid-p2-bristol-2015Q2",
            "valid-p1-gateshead-former-code-2012Q4",
            "x-claim-dates")) {
      assertThat(byStem.get(valid).status()).as(valid).isEqualTo("CURRENT");
    }
    assertThat(byStem.get("x-claim-dates").claimRowsRejected()).isEqualTo(2);
    Snapshots.assertManifestMatchesParquet(store, result.snapshotId());
  }

  @Test
  void theSameFamilyInAnotherCaseIsOneFamilyAcrossAuthoritiesAndQuarters() {
    Path landing = TestLandings.copyExamples(temp.resolve("landing"), "valid-p2-kent");
    // Bristol claims Kent's first family again, in upper case, a quarter later.
    String bristol =
        HEADER
            + "\nTFQR-1,E06000023,2,2015-09-30,900,700,,0,,1,2015-10-02T10:00:00+01:00,"
            + "tf@bristol.example,A. Director,\n";
    TestLandings.write(landing.resolve("bristol-2015Q3.summary.csv"), bristol);
    TestLandings.write(
        landing.resolve("bristol-2015Q3.claims.csv"),
        CLAIMS
            + "\nFAM-000000000001-9F3A,2015-07-01,SUSTAINED_PROGRESS,2015-09-01,CRIME_ASB;HEALTH\n");

    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    LoadResult result =
        new LoadJob(SharedSpark.session(), line -> {})
            .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));

    ReturnCounts counts =
        result.report().returns().stream()
            .filter(c -> c.stem().equals("bristol-2015Q3"))
            .findFirst()
            .orElseThrow();
    assertThat(counts.claimRowsRejected()).isEqualTo(1);
    assertThat(counts.rules()).contains("TFQR-C08");
    List<Row> claims =
        Snapshots.rows(store, result.snapshotId(), WarehouseTable.FACT_CLAIM, "true");
    assertThat(claims)
        .extracting(r -> r.<String>getAs("family_ref"))
        .containsOnly(
            "fam-000000000001-9f3a",
            "fam-000000000002-9f3a",
            "fam-000000000003-9f3a",
            "fam-000000000004-9f3a",
            "fam-000000000005-9f3a");
  }
}
