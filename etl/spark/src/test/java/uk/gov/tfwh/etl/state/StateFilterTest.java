package uk.gov.tfwh.etl.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.read.FileChecksums;

/**
 * The load state is read back with Java serialisation from a snapshot folder that anyone who can
 * write the warehouse can replace (issue 17, finding 15). It used to admit every class under {@code
 * java.**} and {@code uk.gov.tfwh.**}; it now admits exactly the classes the state holds, so a
 * forged file instantiates nothing else, and costs a full re-read rather than a failed load.
 */
class StateFilterTest {
  private static final String REFERENCE = "reference-1";

  @TempDir Path temp;

  @BeforeEach
  void resetTripwire() {
    Tripwire.tripped = false;
  }

  @Test
  void returnsAsReadFromEveryValidExampleRoundTripThroughTheFilter() {
    List<ReadReturn> read = ExampleReads.of(temp);
    assertThat(read).filteredOn(ReadReturn::accepted).hasSizeGreaterThanOrEqualTo(4);
    Path snapshot = temp.resolve("snapshot");
    LoadState state = new LoadState(REFERENCE, read);
    state.write(snapshot, new LoadState(REFERENCE, List.of()), Optional.empty());

    assertThat(LoadState.read(snapshot)).contains(state);
  }

  @Test
  void landingChecksumsRoundTripThroughTheFilter() {
    List<FileChecksums.Stamp> stamps =
        List.of(
            new FileChecksums.Stamp("a.summary.csv", 11, 1024, 1_000_000L, 2_000_000L, "sha-a"),
            new FileChecksums.Stamp("b.xlsx", 12, 2048, 3_000_000L, 4_000_000L, "sha-b"));
    Path snapshot = temp.resolve("snapshot");

    LoadState.writeChecksums(snapshot, stamps);

    assertThat(LoadState.readChecksums(snapshot)).isEqualTo(stamps);
  }

  @Test
  void aProjectClassTheStateDoesNotHoldIsNeverInstantiated() throws IOException {
    Path snapshot = forgedState(new Tripwire());

    assertThat(LoadState.read(snapshot)).as("a forged state is no state: read all again").isEmpty();
    assertThat(Tripwire.tripped).isFalse();
  }

  @Test
  void aJdkCollectionTheStateDoesNotHoldIsNeverInstantiated() throws IOException {
    // HashMap and PriorityQueue start the best-known gadget chains: they call hashCode and
    // compareTo on what they hold while being read.
    Map<Object, Object> map = new HashMap<>();
    map.put(new Tripwire(), "value");
    PriorityQueue<String> queue = new PriorityQueue<>(List.of("a", "b"));

    assertThat(LoadState.read(forgedState(map))).isEmpty();
    assertThat(LoadState.read(forgedState(queue))).isEmpty();
    assertThat(Tripwire.tripped).isFalse();
  }

  @Test
  void theAdmittedClassesAreTheStatesOwn() {
    assertThat(StateClasses.reachableFrom(ReadReturn.class))
        .contains(ReadReturn.class, ReturnSource.class, ClaimKeys.class)
        .noneMatch(c -> c.getName().startsWith("java.util.Hash"))
        .noneMatch(c -> c == Tripwire.class);
  }

  private Path forgedState(Object payload) throws IOException {
    Path snapshot = temp.resolve("forged-" + System.nanoTime());
    Path file = LoadState.stateDir(snapshot).resolve("returns").resolve("batch=0.ser");
    Files.createDirectories(file.getParent());
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeObject(payload);
    }
    return snapshot;
  }
}
