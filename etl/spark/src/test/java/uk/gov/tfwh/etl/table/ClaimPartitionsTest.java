package uk.gov.tfwh.etl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimPartitionsTest {
  @TempDir Path state;

  @Test
  void partitionsAreReadBackAsWritten() {
    Map<LocalDate, ClaimPartitions.Partition> written =
        Map.of(
            LocalDate.of(2013, 6, 30), new ClaimPartitions.Partition("abc", 2_564, 2),
            LocalDate.of(2013, 9, 30), new ClaimPartitions.Partition("def", 0, 0));

    ClaimPartitions.write(state, written);

    assertThat(ClaimPartitions.read(state)).isEqualTo(written);
  }

  @Test
  void aStateWithoutOrFromAnOlderBuildCarriesNothing() throws IOException {
    assertThat(ClaimPartitions.read(state)).isEmpty();

    // An older build kept the digest alone: its counts are unknown, so every quarter is rewritten.
    Files.writeString(state.resolve("fact-claim-partitions.properties"), "2013-06-30=abc\n");

    assertThat(ClaimPartitions.read(state)).isEmpty();
  }

  @Test
  void theDigestChangesWithTheLoadedReturnsAndTheRefusedClaims() {
    String one = ClaimPartitions.digest(new TreeSet<>(List.of("r1", "r2")), List.of());

    assertThat(ClaimPartitions.digest(new TreeSet<>(List.of("r2", "r1")), List.of()))
        .isEqualTo(one);
    assertThat(ClaimPartitions.digest(new TreeSet<>(List.of("r1")), List.of())).isNotEqualTo(one);
    assertThat(ClaimPartitions.digest(new TreeSet<>(List.of("r1", "r2")), List.of("r1#3")))
        .isNotEqualTo(one);
  }
}
