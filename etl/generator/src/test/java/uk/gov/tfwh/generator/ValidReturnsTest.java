package uk.gov.tfwh.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.Severity;

/**
 * Without faults, every generated return passes the real TFQR-1 reader, claims reconcile with their
 * summaries, and the sample looks like the programme did: about one return in five is a workbook,
 * some are resubmitted with a note, the phases cover the contract's quarters and most authorities
 * end exactly at their target while some lag and some overshoot.
 */
class ValidReturnsTest {
  private static Path landing() {
    return GeneratedLandings.generated(1, "0.2", "0");
  }

  private static GeneratedLandings.Read read() {
    return GeneratedLandings.read(landing());
  }

  @Test
  void everyReturnAndClaimRowPassesTheRealReader() {
    GeneratedLandings.Read read = read();
    assertThat(read.scan().findings())
        .as("only the two manifests are not returns")
        .extracting(Finding::file)
        .containsExactlyInAnyOrder("fault-manifest.json", "generation-manifest.json");
    assertThat(read.outcomes()).hasSizeGreaterThan(152 * 30);
    for (ReturnOutcome outcome : read.outcomes()) {
      assertThat(outcome.accepted())
          .as("%s: %s", outcome.source().id(), outcome.findings())
          .isTrue();
      assertThat(outcome.claimRowsRejected()).isZero();
      assertThat(outcome.findings())
          .as(outcome.source().id())
          .noneMatch(
              f ->
                  f.severity() == Severity.RETURN_REJECTED
                      || f.severity() == Severity.ROW_REJECTED);
    }
  }

  @Test
  void aboutOneReturnInFiveIsAWorkbookAndTheRestAreCsv() throws Exception {
    List<ReturnOutcome> outcomes = read().outcomes();
    long xlsx = outcomes.stream().filter(o -> o.source().format() == ReturnFormat.XLSX).count();
    assertThat((double) xlsx / outcomes.size()).isBetween(0.17, 0.23);
    try (Stream<Path> files = Files.list(landing())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(
              name ->
                  name.endsWith(".summary.csv")
                      || name.endsWith(".claims.csv")
                      || name.endsWith(".xlsx")
                      || name.endsWith("-manifest.json"));
    }
  }

  @Test
  void claimsToDateReconcileWithEverySummary() {
    CurrentReturns returns = new CurrentReturns(read().outcomes());
    int reconciled = 0;
    for (var series : returns.series().entrySet()) {
      Phase phase = Phase.ofNumber(Integer.parseInt(series.getKey().split("/")[1]));
      boolean anyClaims =
          series.getValue().values().stream()
              .flatMap(List::stream)
              .anyMatch(o -> !o.claims().isEmpty());
      if (phase == Phase.ONE && !anyClaims) {
        continue; // phase 1 claims are optional; such an authority self-declared its counts
      }
      Map<ClaimResult, Long> toDate = new EnumMap<>(ClaimResult.class);
      Set<String> families = new HashSet<>();
      for (List<ReturnOutcome> versions : series.getValue().values()) {
        for (ReturnOutcome version : versions) {
          // Each version, superseded or current, reconciles with the current ones before it.
          Map<ClaimResult, Long> withThis = new EnumMap<>(toDate);
          version.claims().forEach(c -> withThis.merge(c.result(), 1L, Long::sum));
          ReturnSummary summary = version.summary().orElseThrow();
          for (ClaimResult result : ClaimResult.values()) {
            summary
                .cumulative(result)
                .ifPresent(
                    figure ->
                        assertThat(withThis.getOrDefault(result, 0L))
                            .as("%s %s claims to date", version.source().id(), result)
                            .isEqualTo(figure));
          }
          reconciled++;
        }
        ReturnOutcome current = CurrentReturns.current(versions);
        for (Claim claim : current.claims()) {
          toDate.merge(claim.result(), 1L, Long::sum);
          assertThat(families.add(claim.familyRef()))
              .as("family %s claimed once", claim.familyRef())
              .isTrue();
        }
      }
    }
    assertThat(reconciled).isGreaterThan(152 * 20);
  }

  @Test
  void phasesCoverTheContractsQuartersWithAThirdStartingPhaseTwoEarly() {
    CurrentReturns returns = new CurrentReturns(read().outcomes());
    int early = 0;
    int authorities = 0;
    for (var series : returns.series().entrySet()) {
      TreeMap<Quarter, List<ReturnOutcome>> quarters = series.getValue();
      if (series.getKey().endsWith("/1")) {
        authorities++;
        assertThat(quarters.firstKey()).isEqualTo(Quarter.parse("2012-06-30"));
        assertThat(quarters.lastKey()).isEqualTo(Quarter.parse("2015-03-31"));
        assertThat(quarters).hasSize(12);
      } else {
        Quarter first = quarters.firstKey();
        assertThat(first).isIn(Quarter.parse("2014-09-30"), Quarter.parse("2015-06-30"));
        early += first.equals(Quarter.parse("2014-09-30")) ? 1 : 0;
        assertThat(quarters.lastKey()).isEqualTo(Quarter.parse("2020-03-31"));
        assertThat(quarters).hasSize(first.quartersUntil(quarters.lastKey()) + 1);
      }
    }
    assertThat(authorities).isEqualTo(152);
    assertThat(early).isBetween(45, 56);
  }

  @Test
  void someQuartersAreResubmittedWithANoteAndALaterSignOff() {
    CurrentReturns returns = new CurrentReturns(read().outcomes());
    int resubmitted = 0;
    for (var series : returns.series().values()) {
      for (List<ReturnOutcome> versions : series.values()) {
        if (versions.size() > 1) {
          resubmitted++;
          ReturnSummary first = versions.get(0).summary().orElseThrow();
          ReturnSummary last = CurrentReturns.current(versions).summary().orElseThrow();
          assertThat(last.submittedAt()).isAfter(first.submittedAt());
          assertThat(last.revisionNote()).isNotBlank();
        }
      }
    }
    assertThat(resubmitted).isGreaterThan(50);
  }

  @Test
  void mostAuthoritiesEndExactlyAtTargetWhileSomeLagAndSomeOvershoot() {
    ReferenceData reference = GeneratedLandings.reference();
    CurrentReturns returns = new CurrentReturns(read().outcomes());
    int exact = 0;
    int below = 0;
    int above = 0;
    for (var series : returns.series().entrySet()) {
      if (!series.getKey().endsWith("/1")) {
        continue;
      }
      ReturnSummary last =
          CurrentReturns.current(series.getValue().lastEntry().getValue()).summary().orElseThrow();
      long target =
          Math.round(
              reference.target(last.authorityCode(), Phase.ONE).orElseThrow().families() * 0.2);
      long attached = last.familiesAttached();
      if (attached == target) {
        exact++;
      } else if (attached < target) {
        below++;
      } else {
        above++;
      }
    }
    assertThat(exact).isGreaterThan(152 / 2);
    assertThat(below).isPositive();
    assertThat(above).isPositive();
  }

  @Test
  void formerCodesAreUsedBeforeApril2013AndMapped() {
    List<String> notes =
        read().outcomes().stream()
            .flatMap(o -> o.findings().stream())
            .filter(f -> f.ruleId().equals("TFQR-N01"))
            .map(Finding::file)
            .toList();
    // Gateshead and Northumberland, 4 quarters each before the recoding.
    assertThat(notes).hasSizeGreaterThanOrEqualTo(8);
  }
}
