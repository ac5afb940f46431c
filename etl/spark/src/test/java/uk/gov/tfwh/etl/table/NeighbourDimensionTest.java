package uk.gov.tfwh.etl.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.TestLandings;
import uk.gov.tfwh.programme.neighbour.NeighbourSetException;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;

/**
 * The load builds dim_neighbour through the validating neighbour reader, the one reader of
 * neighbours.csv: a file the reader refuses stops the load with the reader's message (file, line,
 * column, rule) instead of loading a set the benchmarks would misread.
 */
class NeighbourDimensionTest {
  private static final ReferenceData REFERENCE = ReferenceDataLoader.load(TestLandings.reference());

  @Test
  void theSharedSetLoadsARowPerNeighbour() throws IOException {
    long lines = Files.readAllLines(TestLandings.reference().resolve("neighbours.csv")).size() - 1;
    assertThat(DimensionTables.neighbours(TestLandings.reference(), REFERENCE))
        .hasSize((int) lines);
  }

  @Test
  void aGapInTheRanksStopsTheLoadNamingTheLine(@TempDir Path dir) throws IOException {
    List<String> lines =
        new ArrayList<>(Files.readAllLines(TestLandings.reference().resolve("neighbours.csv")));
    // The second neighbour of the first authority becomes its third: ranks 1, 3.
    lines.set(2, lines.get(2).replaceFirst(",2,", ",3,"));
    Files.write(dir.resolve("neighbours.csv"), lines);

    assertThatThrownBy(() -> DimensionTables.neighbours(dir, REFERENCE))
        .isInstanceOf(NeighbourSetException.class)
        .hasMessageContaining("neighbours.csv line");
  }

  @Test
  void aSetWithoutNeighboursLoadsNone(@TempDir Path dir) {
    assertThat(DimensionTables.neighbours(dir, REFERENCE)).isEmpty();
  }
}
