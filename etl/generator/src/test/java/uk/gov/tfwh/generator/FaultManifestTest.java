package uk.gov.tfwh.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.generator.fault.FaultKind;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/**
 * {@code --faults} mixes in every kind of broken return and claim row of the contract's {@code
 * EXPECTED.md}, and the fault manifest names each with the rule and file (and row) the real reader
 * reports it under.
 */
class FaultManifestTest {
  /**
   * The rules EXPECTED.md's broken examples break: unknown authority, period not a quarter end,
   * phase/period mismatch, arithmetic (attached over identified; turned around over attached),
   * template and unknown column, two summary rows, not a number, not UTF-8, not a workbook, and the
   * claim rows of bad-claims-leeds-2016Q1 (family_ref, dates, result of the other phase, achieved
   * after the quarter, unknown problem, fewer than two problems, duplicate in the return).
   */
  private static final Set<String> EXPECTED_MD_RULES =
      Set.of(
          "TFQR-S06",
          "TFQR-S07",
          "TFQR-S08",
          "TFQR-S09",
          "TFQR-S10",
          "TFQR-S01",
          "TFQR-S02",
          "TFQR-S04",
          "TFQR-S05",
          "TFQR-F01",
          "TFQR-F02",
          "TFQR-C01",
          "TFQR-C02",
          "TFQR-C03",
          "TFQR-C04",
          "TFQR-C05",
          "TFQR-C06",
          "TFQR-C07");

  private static Path sample() {
    return GeneratedLandings.generated(1, "1", "0.02");
  }

  private static List<JsonNode> faults(Path landing) {
    List<JsonNode> faults = new ArrayList<>();
    GeneratedLandings.json(landing.resolve("fault-manifest.json"))
        .get("faults")
        .forEach(faults::add);
    return faults;
  }

  @Test
  void everyKindOfExpectedMdIsInTheManifest() {
    Set<String> rules = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    for (JsonNode fault : faults(sample())) {
      rules.add(fault.get("rule").asText());
      kinds.add(fault.get("kind").asText());
      assertThat(fault.hasNonNull("file")).isTrue();
    }
    assertThat(rules).containsAll(EXPECTED_MD_RULES);
    for (FaultKind kind : FaultKind.values()) {
      assertThat(kinds).contains(kind.label());
    }
  }

  @Test
  void everyKindAppearsEvenAtATinyRate() {
    Path landing = GeneratedLandings.generated(2, "0.05", "0.0001");
    Set<String> kinds = new HashSet<>();
    faults(landing).forEach(f -> kinds.add(f.get("kind").asText()));
    assertThat(kinds).hasSize(FaultKind.values().length);
  }

  @Test
  void theFaultRateIsRoughlyTheShareOfReturnsWithAFault() {
    JsonNode counts =
        GeneratedLandings.json(sample().resolve("generation-manifest.json")).get("counts");
    double rate = (double) faults(sample()).size() / counts.get("current_returns").asLong();
    assertThat(rate).isBetween(0.015, 0.025);
  }

  @Test
  void theRealReaderReportsEveryFaultWithItsRuleAndFile() {
    GeneratedLandings.Read read = GeneratedLandings.read(sample());
    Set<String> reported = new HashSet<>();
    List<Finding> findings = new ArrayList<>(read.scan().findings());
    read.outcomes().forEach(o -> findings.addAll(o.findings()));
    for (Finding finding : findings) {
      reported.add(finding.ruleId() + "|" + finding.file());
      reported.add(finding.ruleId() + "|" + finding.file() + "|" + finding.row());
    }
    Map<String, ReturnOutcome> byFile = new HashMap<>();
    for (ReturnOutcome outcome : read.outcomes()) {
      outcome.source().files().forEach(f -> byFile.put(f.name(), outcome));
    }
    for (JsonNode fault : faults(sample())) {
      String rule = fault.get("rule").asText();
      String file = fault.get("file").asText();
      if (rule.equals("TFQR-C08")) {
        // A national rule: the row passes its own return, and the family was claimed before.
        assertAlreadyClaimed(fault, byFile, read.outcomes());
        continue;
      }
      String key =
          fault.hasNonNull("row")
              ? rule + "|" + file + "|" + fault.get("row").asInt()
              : rule + "|" + file;
      assertThat(reported).as("fault %s", fault).contains(key);
      ReturnOutcome outcome = byFile.get(file);
      if (fault.get("kind").asText().equals(FaultKind.CLAIMS_WITHOUT_SUMMARY.label())) {
        assertThat(outcome).isNull();
      } else if (!fault.hasNonNull("row")) {
        assertThat(outcome).as("a broken return %s is rejected", file).isNotNull();
        assertThat(outcome.accepted()).as(file).isFalse();
      } else {
        assertThat(outcome.accepted())
            .as("the return of a broken row %s still loads", file)
            .isTrue();
      }
    }
  }

  private static void assertAlreadyClaimed(
      JsonNode fault, Map<String, ReturnOutcome> byFile, List<ReturnOutcome> outcomes) {
    ReturnOutcome outcome = byFile.get(fault.get("file").asText());
    int row = fault.get("row").asInt();
    Claim claim = outcome.claims().stream().filter(c -> c.row() == row).findFirst().orElseThrow();
    var summary = outcome.summary().orElseThrow();
    boolean earlier =
        outcomes.stream()
            .filter(o -> o.accepted() && o != outcome)
            .filter(o -> o.summary().get().authorityCode().equals(summary.authorityCode()))
            .filter(o -> o.summary().get().submittedAt().isBefore(summary.submittedAt()))
            .flatMap(o -> o.claims().stream())
            .anyMatch(c -> c.familyRef().equals(claim.familyRef()) && c.result().isFamilyOutcome());
    assertThat(earlier).as("family of %s claimed in an earlier return", fault).isTrue();
  }

  @Test
  void withoutFaultsTheManifestIsEmpty() throws Exception {
    Path landing = GeneratedLandings.generated(1, "0.2", "0");
    assertThat(faults(landing)).isEmpty();
    try (Stream<Path> files = Files.list(landing)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("attempt"));
    }
  }
}
