package uk.gov.tfwh.etl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;

/**
 * The load state's rows (docs/load-state.md): every return the reader makes of the contract's
 * examples (accepted, rejected, with claims, with an offset in its submitted time, through the
 * submission service) comes back from its {@code return_read} row equal to itself; the JSON is the
 * documented shape; and every kind of damage to a row is refused as {@link
 * StateUnreadableException}, never taken as a different return.
 */
class StateRecordsTest {
  private static final Schema RETURN_READ = StateTable.RETURN_READ.schema();
  private static final String REFERENCE = "reference-1";

  @TempDir Path temp;

  @Test
  void everyExampleReturnRoundTripsThroughItsRow() {
    List<ReadReturn> read = examples();
    assertThat(read).filteredOn(ReadReturn::accepted).hasSizeGreaterThanOrEqualTo(4);
    assertThat(read).filteredOn(r -> !r.accepted()).isNotEmpty();
    assertThat(read).anyMatch(r -> r.claimKeys().size() > 0);
    assertThat(read).anyMatch(r -> r.provenance().viaService());
    for (ReadReturn original : read) {
      Record row = StateRecords.returnRead(RETURN_READ, REFERENCE, original);
      assertThat(StateRecords.referenceDigest(row)).isEqualTo(REFERENCE);
      assertThat(StateRecords.returnRead(row)).isEqualTo(original);
    }
  }

  @Test
  void theJsonIsTheDocumentedShape() {
    ReadReturn hostile =
        examples().stream().filter(r -> r.source().stem().startsWith("hostile-")).findFirst().get();
    Record row = StateRecords.returnRead(RETURN_READ, REFERENCE, hostile);
    assertThat(row.getField("summary_json").toString())
        .contains("\"submittedAt\":\"2013-09-30T16:30:00+01:00\"")
        .contains("\"quarter\":{\"end\":\"2013-09-30\"}")
        .contains("\"phase\":\"ONE\"");
    assertThat(row.getField("identity_json"))
        .isEqualTo("{\"authorityCode\":\"E09000012\",\"periodEnd\":\"2013-09-30\",\"phase\":1}");
    assertThat(row.getField("received_at")).isEqualTo(hostile.receivedAt().toString());
    assertThat(row.getField("state_format")).isEqualTo(StateFormat.VERSION);
  }

  @Test
  void landingStampsRoundTrip() {
    FileChecksums.Stamp stamp =
        new FileChecksums.Stamp("a.summary.csv", 42, 512, 1_700_000_000_123_456_789L, 7, "ab");
    Record row = StateRecords.landingFile(StateTable.LANDING_FILE.schema(), stamp);
    assertThat(StateRecords.landingFile(row)).isEqualTo(stamp);
  }

  @Test
  void everyKindOfDamageIsRefused() {
    ReadReturn withClaims =
        examples().stream().filter(r -> r.claimKeys().size() > 1).findFirst().orElseThrow();
    Record good = StateRecords.returnRead(RETURN_READ, REFERENCE, withClaims);
    Map<String, UnaryOperator<Record>> damages =
        Map.ofEntries(
            Map.entry("another format", r -> with(r, "state_format", StateFormat.VERSION + 1)),
            Map.entry("truncated source", r -> with(r, "source_json", "{\"stem\":")),
            Map.entry("source of another shape", r -> with(r, "source_json", "{\"stem\":\"x\"}")),
            Map.entry("unknown summary field", r -> with(r, "summary_json", "{\"colour\":1}")),
            Map.entry("identity not an object", r -> with(r, "identity_json", "[1]")),
            Map.entry("findings not a list", r -> with(r, "findings_json", "{}")),
            Map.entry("finding without a rule", r -> with(r, "findings_json", "[{}]")),
            Map.entry(
                "provenance half given",
                r -> with(r, "provenance_json", "{\"submissionId\":\"s\"}")),
            Map.entry("null JSON", r -> with(r, "identity_json", "null")),
            Map.entry("received_at not an instant", r -> with(r, "received_at", "yesterday")),
            Map.entry(
                "claim rows not int32",
                r -> with(r, "claim_rows", ByteBuffer.wrap(new byte[] {1, 2, 3}))),
            Map.entry(
                "a claim result out of range",
                r -> {
                  byte[] results = withClaims.claimKeys().results();
                  results[0] = 9;
                  return with(r, "claim_results", ByteBuffer.wrap(results));
                }),
            Map.entry(
                "fewer results than rows",
                r -> with(r, "claim_results", ByteBuffer.wrap(new byte[] {0}))),
            Map.entry("families not matching", r -> with(r, "family_refs", "only-one")),
            Map.entry("claims not adding up", r -> with(r, "claim_rows_read", 0)));
    damages.forEach(
        (name, damage) ->
            assertThatThrownBy(() -> StateRecords.returnRead(damage.apply(good)))
                .as(name)
                .isInstanceOf(StateUnreadableException.class));
    Record stamp =
        StateRecords.landingFile(
            StateTable.LANDING_FILE.schema(), new FileChecksums.Stamp("a", 1, 2, 3, 4, "ab"));
    assertThatThrownBy(() -> StateRecords.landingFile(with(stamp, "state_format", 0)))
        .isInstanceOf(StateUnreadableException.class);
  }

  private static Record with(Record row, String field, Object value) {
    Record copy = row.copy();
    copy.setField(field, value);
    return copy;
  }

  private List<ReadReturn> examples() {
    return ExampleReads.of(temp);
  }
}
