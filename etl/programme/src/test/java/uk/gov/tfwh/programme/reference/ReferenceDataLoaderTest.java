package uk.gov.tfwh.programme.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.programme.period.Phase;

class ReferenceDataLoaderTest {
  @TempDir Path dir;

  @Test
  void theProjectSetLoadsWithThePublishedTotals() {
    ReferenceData data = ReferenceDataLoader.load(ReferenceSets.projectSet());

    assertThat(data.authorities()).hasSize(152);
    assertThat(sumOfTargets(data, Phase.ONE)).isEqualTo(117_910);
    assertThat(sumOfTargets(data, Phase.TWO)).isEqualTo(400_000);
    assertThat(data.version()).isEqualTo("2026.11-shared-1");
    assertThat(data.effectiveFrom()).isEqualTo(LocalDate.of(2012, 4, 1));
    assertThat(data.target("E06000028", Phase.ONE))
        .hasValueSatisfying(
            bournemouth -> {
              assertThat(bournemouth.families()).isEqualTo(370);
              assertThat(bournemouth.basis()).isEqualTo(TargetBasis.PUBLISHED);
            });
  }

  @Test
  void aFormerCodeResolvesToTheAuthorityThatNowHoldsIt() {
    ReferenceData data = ReferenceDataLoader.load(ReferenceSets.projectSet());

    assertThat(data.resolve("E08000020"))
        .hasValueSatisfying(
            match -> {
              assertThat(match.authority().code()).isEqualTo("E08000037");
              assertThat(match.authority().name()).isEqualTo("Gateshead");
              assertThat(match.viaFormerCode()).isTrue();
            });
    assertThat(data.resolve("E08000037"))
        .hasValueSatisfying(m -> assertThat(m.viaFormerCode()).isFalse());
    assertThat(data.authority("E08000020")).isEmpty();
    assertThat(data.resolve("E08999999")).isEmpty();
  }

  @Test
  void anOptionalEmailDomainsColumnIsReadAndCheckedWhenAReferenceSetCarriesIt() throws IOException {
    Path set =
        ReferenceSets.copyWith(
            dir,
            ReferenceDataLoader.AUTHORITIES_FILE,
            lines -> {
              List<String> withDomains = new java.util.ArrayList<>();
              withDomains.add(lines.get(0) + ",email_domains");
              for (String line : lines.subList(1, lines.size())) {
                withDomains.add(
                    line
                        + (line.startsWith("E10000016,")
                            ? ",KENT.gov.uk;kent.police.uk"
                            : line.startsWith("E06000001,") ? ",not a domain" : ","));
              }
              return withDomains;
            });

    ReferenceDataException error = loadFailing(set);
    assertThat(error.problems())
        .containsExactly(
            "authorities.csv line 2: email_domains 'not a domain' is not a domain name");

    Path good =
        ReferenceSets.copyWith(
            Files.createDirectories(dir.resolve("good")),
            ReferenceDataLoader.AUTHORITIES_FILE,
            lines -> {
              List<String> withDomains = new java.util.ArrayList<>();
              withDomains.add(lines.get(0) + ",email_domains");
              for (String line : lines.subList(1, lines.size())) {
                withDomains.add(line + (line.startsWith("E10000016,") ? ",KENT.gov.uk" : ","));
              }
              return withDomains;
            });
    ReferenceData data = ReferenceDataLoader.load(good);
    Authority kent = data.authority("E10000016").orElseThrow();
    assertThat(kent.emailDomains()).containsExactly("kent.gov.uk");
    assertThat(kent.sendsFrom("someone@csc.kent.gov.uk")).isTrue();
    assertThat(kent.sendsFrom("someone@notkent.gov.uk")).isFalse();
    assertThat(data.authority("E06000001").orElseThrow().sendsFrom("anyone@anywhere.example"))
        .as("no domain known: no check")
        .isTrue();
  }

  @Test
  void aDuplicateAuthorityCodeIsRejectedNamingBothLines() {
    Path set =
        ReferenceSets.copyWith(
            dir,
            ReferenceDataLoader.AUTHORITIES_FILE,
            lines -> append(lines, "E06000001,Hartlepool again,E12000001,North East,unitary,"));

    ReferenceDataException error = loadFailing(set);

    assertThat(error.problems())
        .containsExactly(
            "authorities.csv line 154: duplicate authority_code E06000001 (first on line 2)");
    assertThat(error).hasMessageContaining(set.toString());
  }

  @Test
  void anUnknownRegionIsRejectedWithoutKnockOnTargetErrors() {
    Path set =
        ReferenceSets.copyWith(
            dir,
            ReferenceDataLoader.AUTHORITIES_FILE,
            lines -> replace(lines, 2, lines.get(2).replace("E12000001", "E12000099")));

    ReferenceDataException error = loadFailing(set);

    assertThat(error.problems())
        .containsExactly("authorities.csv line 3: unknown region_code 'E12000099'");
  }

  @Test
  void aMissingTargetIsRejectedNamingTheAuthorityAndItsLine() {
    Path set =
        ReferenceSets.copyWith(
            dir,
            ReferenceDataLoader.TARGETS_FILE,
            lines -> {
              List<String> kept = new ArrayList<>(lines);
              kept.removeIf(line -> line.startsWith("E06000028,2,"));
              return kept;
            });

    ReferenceDataException error = loadFailing(set);

    assertThat(error.problems())
        .containsExactly(
            "targets.csv: missing phase 2 target for E06000028 (Bournemouth, authorities.csv line"
                + " 29)");
  }

  @Test
  void everyProblemIsReportedInOnePass() {
    Path set =
        ReferenceSets.copyWith(
            dir,
            ReferenceDataLoader.TARGETS_FILE,
            lines ->
                append(replace(lines, 1, "E06000001,3,425,modelled"), "E06000002,1,-5,guessed"));

    ReferenceDataException error = loadFailing(set);

    assertThat(error.problems())
        .containsExactly(
            "targets.csv line 2: phase must be 1 or 2, not '3'",
            "targets.csv line 306: target_families must be a positive whole number, not -5",
            "targets.csv line 306: basis must be published or modelled, not 'guessed'",
            "targets.csv line 306: second phase 1 target for E06000002 (first on line 3)",
            "targets.csv: missing phase 1 target for E06000001 (Hartlepool, authorities.csv line"
                + " 2)");
  }

  @Test
  void aNewerSetLoadsWithoutCodeChangeAndCarriesItsIdentity() throws IOException {
    Path set =
        ReferenceSets.copyWith(
            dir,
            ReferenceDataLoader.TARGETS_FILE,
            lines -> replace(lines, 1, "E06000001,1,430,published"));
    Files.write(
        set.resolve(ReferenceDataLoader.SET_FILE),
        List.of("version=2027.02-dfe-2", "effective_from=2015-04-01"));

    ReferenceData data = ReferenceDataLoader.load(set);

    assertThat(data.version()).isEqualTo("2027.02-dfe-2");
    assertThat(data.effectiveFrom()).isEqualTo(LocalDate.of(2015, 4, 1));
    assertThat(data.target("E06000001", Phase.ONE))
        .hasValueSatisfying(
            target -> {
              assertThat(target.families()).isEqualTo(430);
              assertThat(target.basis()).isEqualTo(TargetBasis.PUBLISHED);
            });
  }

  @Test
  void aSetWithoutAVersionIsRejected() {
    Path set =
        ReferenceSets.copyWith(
            dir, ReferenceDataLoader.SET_FILE, lines -> List.of("effective_from=1 April 2012"));

    assertThat(loadFailing(set).problems())
        .containsExactly(
            "reference-set.properties: 'version' is missing",
            "reference-set.properties: 'effective_from' must be a date like 2012-04-01, not '1"
                + " April 2012'");
  }

  @Test
  void theLoadedSetSurvivesJavaSerialisationAsSparkShipsIt() throws Exception {
    ReferenceData data = ReferenceDataLoader.load(ReferenceSets.projectSet());

    ReferenceData copy = roundTrip(data);

    assertThat(copy.version()).isEqualTo(data.version());
    assertThat(copy.authorities()).isEqualTo(data.authorities());
    assertThat(copy.targets()).isEqualTo(data.targets());
    assertThat(copy.resolve("E08000020").orElseThrow().authority().code()).isEqualTo("E08000037");
  }

  private static ReferenceDataException loadFailing(Path set) {
    return catchThrowableOfType(ReferenceDataException.class, () -> ReferenceDataLoader.load(set));
  }

  private static long sumOfTargets(ReferenceData data, Phase phase) {
    return data.targets().stream()
        .filter(t -> t.phase() == phase)
        .mapToLong(Target::families)
        .sum();
  }

  private static List<String> append(List<String> lines, String line) {
    List<String> changed = new ArrayList<>(lines);
    changed.add(line);
    return changed;
  }

  private static List<String> replace(List<String> lines, int index, String line) {
    List<String> changed = new ArrayList<>(lines);
    changed.set(index, line);
    return changed;
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
