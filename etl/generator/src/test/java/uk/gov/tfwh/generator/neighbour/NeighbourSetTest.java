package uk.gov.tfwh.generator.neighbour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.programme.neighbour.Neighbour;
import uk.gov.tfwh.programme.neighbour.NeighbourSetException;
import uk.gov.tfwh.programme.neighbour.NeighbourSetLoader;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.AuthorityType;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;
import uk.gov.tfwh.programme.reference.Region;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.programme.reference.TargetBasis;

class NeighbourSetTest {
  private static final Path REFERENCE =
      Path.of(System.getProperty("tfwh.root.dir", "..")).resolve("reference");

  @TempDir Path dir;

  @Test
  void theShippedSetIsExactlyWhatTheMethodComputesFromTheReferenceSet() throws Exception {
    ReferenceData reference = ReferenceDataLoader.load(REFERENCE);
    Path rebuilt = dir.resolve("neighbours.csv");
    NeighbourSetBuilder.write(rebuilt, NeighbourSetBuilder.build(reference, 10));

    assertThat(Files.readString(REFERENCE.resolve("neighbours.csv")))
        .as("reference/neighbours.csv is stale: rerun NeighbourSetBuilder")
        .isEqualTo(Files.readString(rebuilt));
    List<Neighbour> loaded =
        NeighbourSetLoader.load(REFERENCE.resolve("neighbours.csv"), reference);
    assertThat(loaded).hasSize(152 * 10);
    assertThat(loaded.get(0).setVersion()).isEqualTo("tfwh-default-2026.11-shared-1");
    assertThat(loaded.get(0).effectiveFrom()).isEqualTo(LocalDate.of(2012, 4, 1));
  }

  @Test
  void nearestIsBySizeThenTypeThenRegionWithTiesBrokenByCode() {
    // A and B: same type, region and size; C: same size, other region; D: other type; E: bigger.
    ReferenceData reference =
        reference(
            authority("E06000001", "unitary", "E12000001", 400, 1400),
            authority("E06000002", "unitary", "E12000001", 400, 1400),
            authority("E06000003", "unitary", "E12000002", 400, 1400),
            authority("E08000001", "metropolitan_district", "E12000001", 400, 1400),
            authority("E06000004", "unitary", "E12000001", 4000, 14000));

    Map<String, List<String>> nearest = byAuthority(NeighbourSetBuilder.build(reference, 4));

    assertThat(nearest.get("E06000001"))
        .containsExactly("E06000002", "E06000003", "E08000001", "E06000004");
    // C's two nearest are equally far (same type, other region): the lower code comes first.
    assertThat(nearest.get("E06000003").subList(0, 2)).containsExactly("E06000001", "E06000002");
  }

  @Test
  void anOfficialListInTheSameColumnsLoadsWithSeveralSetVersions() throws Exception {
    ReferenceData reference = small();
    Path file =
        write(
            "authority_code,neighbour_code,neighbour_rank,set_version,effective_from",
            "E06000001,E06000002,1,cipfa-2014,2014-04-01",
            "E06000002,E06000001,1,cipfa-2014,2014-04-01",
            "E06000001,E06000002,1,cipfa-2016,2016-04-01",
            "E06000002,E06000001,1,cipfa-2016,2016-04-01");

    assertThat(NeighbourSetLoader.load(file, reference))
        .extracting(Neighbour::setVersion)
        .containsExactly("cipfa-2014", "cipfa-2014", "cipfa-2016", "cipfa-2016");
  }

  @Test
  void everyBrokenRuleIsReportedWithFileLineAndColumn() throws Exception {
    Path file =
        write(
            "authority_code,neighbour_code,neighbour_rank,set_version,effective_from",
            "E06000001,E06000001,1,v1,2014-04-01",
            "E06000001,E06999999,2,v1,2014-04-01",
            "E06000001,E06000002,x,v1,2014-04-01",
            "E06000001,E06000002,3,v1,2014-05-01",
            "E06000001,E06000002,4,v1,2014-04-01",
            "E06000001,E06000002,5,,14/04/2014");

    assertThatThrownBy(() -> NeighbourSetLoader.load(file, small()))
        .isInstanceOf(NeighbourSetException.class)
        .satisfies(
            e ->
                assertThat(((NeighbourSetException) e).problems())
                    .containsExactly(
                        "neighbours.csv line 2 column neighbour_code: an authority is not its own"
                            + " neighbour",
                        "neighbours.csv line 3 column neighbour_code: E06999999 is not an"
                            + " authority of reference set small-1",
                        "neighbours.csv line 4 column neighbour_rank: not a whole number: 'x'",
                        "neighbours.csv line 7 column set_version: is empty",
                        "neighbours.csv line 7 column effective_from: not a date like 2012-04-01:"
                            + " '14/04/2014'",
                        "neighbours.csv line 6 column effective_from: set v1 already takes effect"
                            + " on 2014-05-01",
                        "neighbours.csv line 6 column neighbour_code: E06000002 is already a"
                            + " neighbour of E06000001 in set v1",
                        "neighbours.csv: set v1, E06000001: neighbour ranks must run 1, 2, 3..."
                            + " without gaps; rank 1 is missing",
                        "neighbours.csv: set v1 gives no neighbours for E06000002 (Authority"
                            + " E06000002)"));
  }

  @Test
  void aWrongHeaderIsReported() throws Exception {
    Path file =
        write("authority,neighbour,rank,version,from", "E06000001,E06000002,1,v1,2014-04-01");

    assertThatThrownBy(() -> NeighbourSetLoader.load(file, small()))
        .hasMessageContaining(
            "neighbours.csv line 1: the header must be " + NeighbourSetLoader.HEADER);
  }

  private Path write(String... lines) throws Exception {
    Path file = dir.resolve("neighbours.csv");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static Map<String, List<String>> byAuthority(List<Neighbour> neighbours) {
    return neighbours.stream()
        .collect(
            Collectors.groupingBy(
                Neighbour::authorityCode,
                Collectors.mapping(Neighbour::neighbourCode, Collectors.toList())));
  }

  private static ReferenceData small() {
    return reference(
        authority("E06000001", "unitary", "E12000001", 400, 1400),
        authority("E06000002", "unitary", "E12000001", 500, 1500));
  }

  private record Fixture(Authority authority, int phase1, int phase2) {}

  private static Fixture authority(String code, String type, String region, int p1, int p2) {
    return new Fixture(
        new Authority(
            code,
            "Authority " + code,
            new Region(region, ReferenceDataLoader.KNOWN_REGIONS.get(region)),
            AuthorityType.ofCode(type),
            List.of()),
        p1,
        p2);
  }

  private static ReferenceData reference(Fixture... fixtures) {
    List<Authority> authorities =
        java.util.Arrays.stream(fixtures).map(Fixture::authority).toList();
    List<Target> targets = new java.util.ArrayList<>();
    for (Fixture f : fixtures) {
      targets.add(new Target(f.authority().code(), Phase.ONE, f.phase1(), TargetBasis.values()[0]));
      targets.add(new Target(f.authority().code(), Phase.TWO, f.phase2(), TargetBasis.values()[0]));
    }
    return new ReferenceData("small-1", LocalDate.of(2012, 4, 1), authorities, targets);
  }
}
