package uk.gov.tfwh.etl.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.Severity;
import uk.gov.tfwh.returns.model.SourceFile;

/**
 * The load state kept between loads: one file per batch, unchanged batches linked, not rewritten.
 */
class LoadStateTest {
  private static final String REFERENCE = "reference-1";

  @TempDir Path temp;

  private static ReadReturn rejected(String id, long batch) {
    return new ReadReturn(
        id,
        new ReturnSource(
            id, ReturnFormat.XLSX, List.of(new SourceFile(id + ".xlsx", 10, "sha-" + id))),
        batch,
        java.time.Instant.EPOCH,
        "snapshot-" + batch,
        null,
        null,
        0,
        0,
        ClaimKeys.of(List.of()),
        List.of(
            new Finding(
                "TFQR-S01",
                Severity.RETURN_REJECTED,
                id + ".xlsx",
                "Summary",
                2,
                "template",
                "the template is not TFQR-1")),
        uk.gov.tfwh.returns.model.ReturnIdentity.UNKNOWN);
  }

  private static Path batchFile(Path snapshot, long batch) {
    return LoadState.stateDir(snapshot).resolve("returns").resolve("batch=" + batch + ".ser");
  }

  /** The state of a first load that read returns a and b (batch 0), written to a snapshot. */
  private static LoadState firstLoadOfAAndB(Path snapshot) {
    LoadState state = new LoadState(REFERENCE, List.of(rejected("a", 0), rejected("b", 0)));
    state.write(snapshot, new LoadState(REFERENCE, List.of()), Optional.empty());
    return state;
  }

  private static List<String> ids(Optional<LoadState> state) {
    return state.orElseThrow().returns().stream().map(ReadReturn::returnId).sorted().toList();
  }

  @Test
  void aStateIsReadBackBatchByBatch() {
    Path snapshot = temp.resolve("one");
    LoadState state =
        new LoadState(REFERENCE, List.of(rejected("a", 0), rejected("b", 0), rejected("c", 1)));
    state.write(snapshot, new LoadState(REFERENCE, List.of()), Optional.empty());

    assertThat(batchFile(snapshot, 0)).isRegularFile();
    assertThat(batchFile(snapshot, 1)).isRegularFile();
    Optional<LoadState> read = LoadState.read(snapshot);
    assertThat(read.orElseThrow().referenceDigest()).isEqualTo(REFERENCE);
    assertThat(read.orElseThrow().returns()).isEqualTo(state.returns());
  }

  @Test
  void aLoadOnTopOfAnEarlierOneLinksItsBatchesAndWritesOnlyItsOwn() throws IOException {
    Path earlier = temp.resolve("earlier");
    LoadState before = firstLoadOfAAndB(earlier);
    Path later = temp.resolve("later");
    LoadState after =
        new LoadState(REFERENCE, List.of(rejected("a", 0), rejected("b", 0), rejected("c", 1)));
    after.write(later, before, Optional.of(earlier));

    assertThat(Files.isSameFile(batchFile(earlier, 0), batchFile(later, 0))).isTrue();
    assertThat(batchFile(later, 1)).isRegularFile();
    assertThat(ids(LoadState.read(later))).containsExactly("a", "b", "c");
    assertThat(ids(LoadState.read(earlier))).containsExactly("a", "b");
  }

  @Test
  void aBatchThatLostAReturnIsWrittenAgainWithoutIt() throws IOException {
    Path earlier = temp.resolve("earlier");
    LoadState before = firstLoadOfAAndB(earlier);
    Path later = temp.resolve("later");
    LoadState after = new LoadState(REFERENCE, List.of(rejected("a", 0), rejected("d", 1)));
    after.write(later, before, Optional.of(earlier));

    assertThat(Files.isSameFile(batchFile(earlier, 0), batchFile(later, 0))).isFalse();
    assertThat(ids(LoadState.read(later))).containsExactly("a", "d");
  }

  @Test
  void anotherReferenceSetLinksNothing() throws IOException {
    Path earlier = temp.resolve("earlier");
    LoadState before = new LoadState("reference-0", List.of(rejected("a", 0)));
    before.write(earlier, new LoadState("reference-0", List.of()), Optional.empty());

    Path later = temp.resolve("later");
    new LoadState(REFERENCE, List.of(rejected("a", 0))).write(later, before, Optional.of(earlier));

    assertThat(Files.isSameFile(batchFile(earlier, 0), batchFile(later, 0))).isFalse();
    assertThat(LoadState.read(later).orElseThrow().referenceDigest()).isEqualTo(REFERENCE);
  }

  @Test
  void aBatchHoldingSomethingElseMeansNoStateAtAll() throws IOException {
    Path snapshot = temp.resolve("one");
    new LoadState(REFERENCE, List.of(rejected("a", 0), rejected("b", 1)))
        .write(snapshot, new LoadState(REFERENCE, List.of()), Optional.empty());
    try (ObjectOutputStream out =
        new ObjectOutputStream(Files.newOutputStream(batchFile(snapshot, 1)))) {
      out.writeObject("not a batch");
    }

    // Half a history would make the next load treat the rest as new: it reads everything instead.
    assertThat(LoadState.read(snapshot)).isEmpty();
  }

  @Test
  void aDamagedBatchFailsTheLoadNamingTheFile() throws IOException {
    Path snapshot = temp.resolve("one");
    new LoadState(REFERENCE, List.of(rejected("a", 0)))
        .write(snapshot, new LoadState(REFERENCE, List.of()), Optional.empty());
    Files.write(batchFile(snapshot, 0), new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 's'});

    assertThatThrownBy(() -> LoadState.read(snapshot))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot read the load state in")
        .hasMessageContaining("batch=0.ser");
  }

  @Test
  void batchesCheckedAgainstDifferentReferenceSetsAreNoState() {
    Path snapshot = temp.resolve("mixed");
    new LoadState("reference-0", List.of(rejected("a", 0)))
        .write(snapshot, new LoadState("reference-0", List.of()), Optional.empty());
    new LoadState(REFERENCE, List.of(rejected("b", 1)))
        .write(snapshot, new LoadState(REFERENCE, List.of()), Optional.empty());

    assertThat(LoadState.read(snapshot)).isEmpty();
  }

  @Test
  void aSnapshotWithoutStateHasNone() {
    assertThat(LoadState.read(temp.resolve("empty"))).isEmpty();
  }
}
