package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.SharedSpark;
import uk.gov.tfwh.etl.Snapshots;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.returns.landing.SubmissionSidecars;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The load reads the submission service's sidecars (issue 18): a signed-off submission is ordered
 * by the service's clock, not by the submitted_at its file states, and is late by the same window
 * rule the service marks it with; a file without a sidecar, or whose sidecar is not signed off or
 * names other bytes, still loads as an operator's drop.
 */
class SubmittedReturnsLoadTest {
  private static final String KENT_SUMMARY =
      "template,authority_code,phase,period_end,families_identified,families_attached,"
          + "results_crime_asb_education,results_continuous_employment,results_progress_to_work,"
          + "results_sustained_progress,submitted_at,submitted_by,sro_sign_off,revision_note\n"
          + "TFQR-1,E10000016,2,2015-06-30,1240,610,,2,,3,%s,tf.returns@example.gov.uk,"
          + "A. Director,%s\n";

  @TempDir Path temp;

  @Test
  void signedOffSubmissionsAreOrderedByTheServicesClockAndEverythingElseIsAnOperatorsDrop()
      throws Exception {
    Path landing = Files.createDirectories(temp.resolve("landing"));
    Path claims = TestLandings.examples().resolve("valid-p2-kent-2015Q2.claims.csv");
    // A: sent on 10 July (on time), dated in the file the 30 June.
    String a = "E10000016-20150710T100000000Z-aaaaaaaa";
    write(landing, a, "2015-06-30T16:30:00+01:00", "", claims);
    sidecar(a, "SUBMITTED", "2015-07-10T10:00:00Z", landing, "kent-coordinator");
    // B: a revision received on 20 August (after the 31 July deadline) but dated in the file the
    // 30 June at noon, before A: by its date it would stand behind A; by its arrival it replaces A.
    String b = "E10000016-20150820T090000000Z-bbbbbbbb";
    write(landing, b, "2015-06-30T12:00:00+01:00", "Families re-counted after audit", claims);
    sidecar(b, "SUBMITTED", "2015-08-20T09:00:00Z", landing, "kent-sro");
    // C: awaiting sign-off in the service, yet its files are in the landing folder (an operator
    // copied them): a drop, not the service's.
    String c = "E10000016-20150801T090000000Z-cccccccc";
    TestLandings.copyExamples(temp.resolve("c"), "valid-p1-birmingham");
    Files.copy(
        temp.resolve("c/valid-p1-birmingham-2013Q3.summary.csv"),
        landing.resolve("birmingham-c.summary.csv"));
    sidecarFor("birmingham-c", "AWAITING_SIGN_OFF", "2013-10-02T10:00:00Z", landing, "x");
    // D: a sidecar whose checksum is not the file's: a drop.
    TestLandings.copyExamples(temp.resolve("d"), "valid-p2-bristol");
    Files.copy(temp.resolve("d/valid-p2-bristol-2015Q2.xlsx"), landing.resolve("bristol-d.xlsx"));
    Files.writeString(
        sidecars().resolve("bristol-d.json"),
        sidecarJson(
            "bristol-d",
            "SUBMITTED",
            "2015-07-01T10:00:00Z",
            "someone",
            Map.of("bristol-d.xlsx", "0".repeat(64)),
            "workbook"));

    SnapshotStore store = new SnapshotStore(temp.resolve("warehouse"));
    Instant before = Instant.now();
    LoadResult result =
        new LoadJob(SharedSpark.session(), line -> {})
            .run(new LoadRequest(landing, store.root(), TestLandings.reference(), 10));

    Map<String, Row> returns =
        Snapshots.rows(store, result.snapshotId(), WarehouseTable.FACT_RETURN, "true").stream()
            .collect(Collectors.toMap(r -> r.getAs("source_stem"), r -> r));
    assertThat(returns).containsOnlyKeys(a, b, "birmingham-c", "bristol-d");

    Row first = returns.get(a);
    Row revision = returns.get(b);
    assertThat((String) first.getAs("provenance")).isEqualTo("submission");
    assertThat((String) first.getAs("submission_submitter")).isEqualTo("kent-coordinator");
    assertThat((Instant) first.getAs("received_at"))
        .isEqualTo(Instant.parse("2015-07-10T10:00:00Z"));
    assertThat((Boolean) first.getAs("late")).isFalse();
    assertThat((Boolean) revision.getAs("late")).isTrue();
    // Received later, so it stands, whatever date it gives itself.
    assertThat((Boolean) revision.getAs("is_current")).isTrue();
    assertThat((Boolean) first.getAs("is_current")).isFalse();
    assertThat((String) revision.getAs("supersedes_return_id")).isEqualTo(first.getAs("return_id"));

    for (String drop : List.of("birmingham-c", "bristol-d")) {
      Row row = returns.get(drop);
      assertThat((String) row.getAs("provenance")).as(drop).isEqualTo("operator drop");
      assertThat((String) row.getAs("submission_submitter")).as(drop).isNull();
      assertThat((Instant) row.getAs("received_at"))
          .as(drop)
          .isAfterOrEqualTo(before.minusSeconds(1));
    }
    // A drop's lateness is judged by its stated signing time (2013-10-01: on time).
    assertThat((Boolean) returns.get("birmingham-c").getAs("late")).isFalse();
  }

  private void write(Path landing, String stem, String submittedAt, String note, Path claims)
      throws Exception {
    Files.writeString(
        landing.resolve(stem + ".summary.csv"), String.format(KENT_SUMMARY, submittedAt, note));
    Files.copy(claims, landing.resolve(stem + ".claims.csv"));
  }

  private Path sidecars() throws Exception {
    return Files.createDirectories(
        SubmissionSidecars.defaultFolder(temp.resolve("landing")).resolve("sidecars"));
  }

  private void sidecar(String stem, String state, String receivedAt, Path landing, String who)
      throws Exception {
    Files.writeString(
        sidecars().resolve(stem + ".json"),
        sidecarJson(
            stem,
            state,
            receivedAt,
            who,
            Map.of(
                stem + ".summary.csv", sha256(landing.resolve(stem + ".summary.csv")),
                stem + ".claims.csv", sha256(landing.resolve(stem + ".claims.csv"))),
            null));
  }

  private void sidecarFor(String stem, String state, String receivedAt, Path landing, String who)
      throws Exception {
    Files.writeString(
        sidecars().resolve(stem + ".json"),
        sidecarJson(
            stem,
            state,
            receivedAt,
            who,
            Map.of(stem + ".summary.csv", sha256(landing.resolve(stem + ".summary.csv"))),
            null));
  }

  /** A sidecar as the service writes it (docs/submissions.md), with the fields the load reads. */
  private static String sidecarJson(
      String id,
      String state,
      String receivedAt,
      String who,
      Map<String, String> files,
      String part) {
    String fileList =
        files.entrySet().stream()
            .map(
                f ->
                    "{\"name\":\""
                        + f.getKey()
                        + "\",\"uploaded_as\":\"x\",\"part\":\""
                        + (part != null
                            ? part
                            : f.getKey().endsWith(".claims.csv") ? "claims" : "summary")
                        + "\",\"size_bytes\":1,\"sha256\":\""
                        + f.getValue()
                        + "\"}")
            .collect(Collectors.joining(","));
    return "{\"format\":\"tfwh-submission-1\",\"id\":\""
        + id
        + "\",\"authority\":\"E10000016\",\"state\":\""
        + state
        + "\",\"received_at\":\""
        + receivedAt
        + "\",\"submitter\":\""
        + who
        + "\",\"role\":\"COORDINATOR\",\"on_behalf\":false,\"files\":["
        + fileList
        + "],\"findings\":[],\"sign_off\":null}";
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
