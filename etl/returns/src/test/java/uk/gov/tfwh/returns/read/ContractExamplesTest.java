package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.Fixtures;
import uk.gov.tfwh.returns.check.PhaseRules;
import uk.gov.tfwh.returns.history.ClaimReconciliation;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.model.Severity;

/** One test per example of contract/examples, asserting what EXPECTED.md says it produces. */
class ContractExamplesTest {
  private static Path examples;
  private static LandingScan scan;
  private static ReturnReader reader;

  @BeforeAll
  static void readExamples() {
    examples = Fixtures.examples();
    scan = LandingFolder.scan(examples);
    reader = new ReturnReader(Fixtures.reference(), ReadLimits.defaults());
  }

  private static ReturnOutcome read(String stem) {
    ReturnSource source =
        scan.returns().stream()
            .filter(s -> s.stem().equals(stem))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no return " + stem + " in " + scan.returns()));
    return reader.read(examples, source);
  }

  private static List<String> ruleIds(ReturnOutcome outcome) {
    return outcome.findings().stream().map(Finding::ruleId).toList();
  }

  /** Every finding of a return names its file and sheet, and its message says so in words. */
  private static void assertLocated(ReturnOutcome outcome, String file, String sheet) {
    for (Finding finding : outcome.findings()) {
      assertThat(finding.file()).isEqualTo(file);
      assertThat(finding.sheet()).isEqualTo(sheet);
      assertThat(finding.message())
          .contains("file " + file)
          .contains("sheet " + sheet)
          .contains("[rule " + finding.ruleId() + "]");
      if (finding.row() != null) {
        assertThat(finding.message()).contains("row " + finding.row());
      }
      if (finding.column() != null) {
        assertThat(finding.message()).contains("column " + finding.column());
      }
    }
  }

  private static Finding only(ReturnOutcome outcome, String ruleId) {
    List<Finding> matching =
        outcome.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertThat(matching).as("findings of %s in %s", ruleId, outcome.findings()).hasSize(1);
    return matching.get(0);
  }

  @Test
  void theScanFindsEveryExampleAndReportsTheOtherFile() {
    assertThat(scan.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("TFQR-F04");
              assertThat(f.file()).isEqualTo("EXPECTED.md");
            });
    assertThat(scan.returns()).hasSize(15);
    assertThat(scan.returns())
        .allSatisfy(s -> assertThat(s.files()).allSatisfy(f -> assertThat(f.sha256()).hasSize(64)));
  }

  @Test
  void validPhase1BirminghamWithByteOrderMark() {
    ReturnOutcome outcome = read("valid-p1-birmingham-2013Q3");
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.findings()).isEmpty();
    ReturnSummary summary = outcome.summary().orElseThrow();
    assertThat(summary.authorityCode()).isEqualTo("E08000025");
    assertThat(Fixtures.reference().authority("E08000025").orElseThrow().name())
        .isEqualTo("Birmingham");
    assertThat(summary.phase()).isEqualTo(Phase.ONE);
    assertThat(summary.quarter()).isEqualTo(Quarter.endingOn(LocalDate.of(2013, 9, 30)));
    assertThat(summary.resultsCrimeAsbEducation()).isEqualTo(690);
    assertThat(summary.resultsContinuousEmployment()).isEqualTo(48);
    assertThat(summary.results().asMap())
        .as("the phase's results, none of phase 2's")
        .containsOnlyKeys(
            ClaimResult.CRIME_ASB_EDUCATION,
            ClaimResult.CONTINUOUS_EMPLOYMENT,
            ClaimResult.PROGRESS_TO_WORK)
        .containsEntry(ClaimResult.CRIME_ASB_EDUCATION, 690L)
        .containsEntry(ClaimResult.CONTINUOUS_EMPLOYMENT, 48L);
    assertThat(PhaseRules.familyOutcomes(summary)).isEqualTo(738);
    int target = Fixtures.reference().target("E08000025", Phase.ONE).orElseThrow().families();
    assertThat(target).isEqualTo(4180);
    assertThat(Math.round(1000.0 * 738 / target) / 10.0).isEqualTo(17.7);
    assertThat(outcome.claimRowsRead()).isZero();
  }

  @Test
  void validPhase2KentWithFiveReconcilingClaims() {
    ReturnOutcome outcome = read("valid-p2-kent-2015Q2");
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.claims()).hasSize(5);
    assertThat(outcome.claimRowsRead()).isEqualTo(5);
    assertThat(outcome.claimRowsRejected()).isZero();
    ReturnSummary summary = outcome.summary().orElseThrow();
    assertThat(summary.results().asMap())
        .containsOnlyKeys(ClaimResult.SUSTAINED_PROGRESS, ClaimResult.CONTINUOUS_EMPLOYMENT);
    assertThat(PhaseRules.familyOutcomes(summary)).isEqualTo(5);
    assertThat(ClaimReconciliation.check(summary, outcome.source().id(), counts(outcome.claims())))
        .isEmpty();
  }

  @Test
  void validPhase2BristolWorkbookWithTypedCells() {
    ReturnOutcome outcome = read("valid-p2-bristol-2015Q2");
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.claims()).hasSize(3);
    ReturnSummary summary = outcome.summary().orElseThrow();
    assertThat(summary.phase()).isEqualTo(Phase.TWO);
    assertThat(summary.quarter().end()).isEqualTo(LocalDate.of(2015, 6, 30));
    assertThat(summary.familiesIdentified()).isEqualTo(520);
    assertThat(summary.resultsCrimeAsbEducation()).isNull();
    Claim first = outcome.claims().get(0);
    assertThat(first.row()).isEqualTo(2);
    assertThat(first.attachedOn()).isEqualTo(LocalDate.of(2015, 4, 1));
    assertThat(first.achievedOn()).isEqualTo(LocalDate.of(2015, 6, 1));
    assertThat(first.problemsAtEntry()).containsExactly("CRIME_ASB", "HEALTH");
  }

  @Test
  void validPhase1GatesheadFormerCodeIsMappedWithANote() {
    ReturnOutcome outcome = read("valid-p1-gateshead-former-code-2012Q4");
    assertThat(outcome.accepted()).isTrue();
    ReturnSummary summary = outcome.summary().orElseThrow();
    assertThat(summary.authorityCode()).isEqualTo("E08000037");
    assertThat(summary.submittedAuthorityCode()).isEqualTo("E08000020");
    Finding note = only(outcome, "TFQR-N01");
    assertThat(note.severity()).isEqualTo(Severity.NOTE);
    assertThat(note.row()).isEqualTo(2);
    assertThat(note.column()).isEqualTo("authority_code");
    assertThat(note.message()).contains("E08000020", "E08000037", "Gateshead");
    assertThat(ruleIds(outcome)).containsExactly("TFQR-N01");
    assertLocated(outcome, "valid-p1-gateshead-former-code-2012Q4.summary.csv", "summary");
  }

  @Test
  void badUnknownAuthority() {
    ReturnOutcome outcome = read("bad-unknown-authority");
    assertRejectedWith(outcome, "TFQR-S06");
    Finding finding = only(outcome, "TFQR-S06");
    assertThat(finding.row()).isEqualTo(2);
    assertThat(finding.column()).isEqualTo("authority_code");
    assertThat(finding.message()).contains("E06999999", "not an authority in the reference list");
    assertLocated(outcome, "bad-unknown-authority.summary.csv", "summary");
  }

  @Test
  void badPeriodNotQuarterEnd() {
    ReturnOutcome outcome = read("bad-period-not-quarter-end");
    assertRejectedWith(outcome, "TFQR-S07");
    Finding finding = only(outcome, "TFQR-S07");
    assertThat(finding.column()).isEqualTo("period_end");
    assertThat(finding.row()).isEqualTo(2);
    assertThat(finding.message()).contains("2013-08-31", "not the last day of a quarter");
    assertLocated(outcome, "bad-period-not-quarter-end.summary.csv", "summary");
  }

  @Test
  void badPhasePeriodMismatch() {
    ReturnOutcome outcome = read("bad-phase-period-mismatch");
    assertRejectedWith(outcome, "TFQR-S08");
    Finding finding = only(outcome, "TFQR-S08");
    assertThat(finding.row()).isEqualTo(2);
    assertThat(finding.message())
        .contains("phase 2 returns start with the quarter ending 2014-09-30");
    assertLocated(outcome, "bad-phase-period-mismatch.summary.csv", "summary");
  }

  @Test
  void badArithmeticReportsBothProblems() {
    ReturnOutcome outcome = read("bad-arithmetic");
    assertRejectedWith(outcome, "TFQR-S09", "TFQR-S10");
    Finding attached = only(outcome, "TFQR-S09");
    assertThat(attached.column()).isEqualTo("families_attached");
    assertThat(attached.message())
        .contains("families_attached (1900) exceeds families_identified (1800)");
    Finding turnedAround = only(outcome, "TFQR-S10");
    assertThat(turnedAround.message())
        .contains("turned around")
        .contains("= 2000")
        .contains("exceed families_attached (1900)");
    assertLocated(outcome, "bad-arithmetic.summary.csv", "summary");
  }

  @Test
  void badTemplateAndColumnReportsBoth() {
    ReturnOutcome outcome = read("bad-template-and-column");
    assertRejectedWith(outcome, "TFQR-S02", "TFQR-S01");
    Finding template = only(outcome, "TFQR-S01");
    assertThat(template.column()).isEqualTo("template");
    assertThat(template.row()).isEqualTo(2);
    assertThat(template.message()).contains("'TFQR-0'", "not TFQR-1");
    Finding column = only(outcome, "TFQR-S02");
    assertThat(column.row()).isEqualTo(1);
    assertThat(column.column()).isEqualTo("notes");
    assertThat(column.message()).contains("'notes'", "not in the summary sheet");
    assertLocated(outcome, "bad-template-and-column.summary.csv", "summary");
  }

  @Test
  void badTwoSummaryRows() {
    ReturnOutcome outcome = read("bad-two-summary-rows");
    assertRejectedWith(outcome, "TFQR-S04");
    assertThat(only(outcome, "TFQR-S04").message()).contains("exactly one data row (found 2)");
    assertLocated(outcome, "bad-two-summary-rows.summary.csv", "summary");
  }

  @Test
  void badNotANumberReportsAllThree() {
    ReturnOutcome outcome = read("bad-not-a-number");
    assertRejectedWith(outcome, "TFQR-S05", "TFQR-S05", "TFQR-S05");
    Map<String, String> byColumn =
        outcome.findings().stream().collect(Collectors.toMap(Finding::column, Finding::message));
    assertThat(byColumn.get("families_identified")).contains("'2,000'");
    assertThat(byColumn.get("families_attached")).contains("'1500.5'");
    assertThat(byColumn.get("results_crime_asb_education")).contains("'-4'");
    assertThat(byColumn.values()).allSatisfy(m -> assertThat(m).contains("non-negative whole"));
    assertLocated(outcome, "bad-not-a-number.summary.csv", "summary");
  }

  @Test
  void badClaimsLeedsRejectsRowsThreeToNineAndWarnsOfReconciliation() {
    ReturnOutcome outcome = read("bad-claims-leeds-2016Q1");
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.claims()).extracting(Claim::row).containsExactly(2);
    assertThat(outcome.claimRowsRead()).isEqualTo(8);
    assertThat(outcome.claimRowsRejected()).isEqualTo(7);
    assertThat(outcome.findings())
        .extracting(Finding::row, Finding::ruleId, Finding::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "TFQR-C01", "family_ref"),
            org.assertj.core.groups.Tuple.tuple(4, "TFQR-C02", "attached_on"),
            org.assertj.core.groups.Tuple.tuple(5, "TFQR-C03", "result"),
            org.assertj.core.groups.Tuple.tuple(6, "TFQR-C06", "problems_at_entry"),
            org.assertj.core.groups.Tuple.tuple(7, "TFQR-C07", "family_ref"),
            org.assertj.core.groups.Tuple.tuple(8, "TFQR-C04", "achieved_on"),
            org.assertj.core.groups.Tuple.tuple(9, "TFQR-C05", "problems_at_entry"));
    assertThat(outcome.findings())
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ROW_REJECTED));
    assertThat(only(outcome, "TFQR-C05").message()).contains("'TELEPATHY'");
    assertThat(only(outcome, "TFQR-C07").message()).contains("row 2 of this return");
    assertLocated(outcome, "bad-claims-leeds-2016Q1.claims.csv", "claims");

    ReturnSummary summary = outcome.summary().orElseThrow();
    List<Finding> warnings =
        ClaimReconciliation.check(summary, outcome.source().id(), counts(outcome.claims()));
    assertThat(warnings).hasSize(1);
    Finding warning = warnings.get(0);
    assertThat(warning.ruleId()).isEqualTo("TFQR-W01");
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.column()).isEqualTo("results_sustained_progress");
    assertThat(warning.row()).isEqualTo(2);
    assertThat(warning.message()).contains("SUSTAINED_PROGRESS claims", "number 1", "is 2");
  }

  @Test
  void hostileTextIsAcceptedAndStoredExactly() {
    ReturnOutcome outcome = read("hostile-text-2013Q3");
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.findings()).isEmpty();
    ReturnSummary summary = outcome.summary().orElseThrow();
    assertThat(summary.submittedBy()).isEqualTo("+cmd@example.gov.uk");
    assertThat(summary.sroSignOff())
        .isEqualTo("=HYPERLINK(\"http://example.invalid/x\",\"click\")");
  }

  @Test
  void badNotUtf8ReportsTheBytePosition() {
    ReturnOutcome outcome = read("bad-not-utf8");
    assertRejectedWith(outcome, "TFQR-F01");
    Finding finding = only(outcome, "TFQR-F01");
    // "Zo" then 0xEB (Latin-1 e-diaeresis) as the 338th byte, in row 2.
    assertThat(finding.message()).contains("byte 338", "line 2");
    assertLocated(outcome, "bad-not-utf8.summary.csv", "summary");
  }

  @Test
  void badNotAWorkbook() {
    ReturnOutcome outcome = read("bad-not-a-workbook");
    assertRejectedWith(outcome, "TFQR-F02");
    Finding finding = only(outcome, "TFQR-F02");
    assertThat(finding.file()).isEqualTo("bad-not-a-workbook.xlsx");
    assertThat(finding.message()).contains("not a readable XLSX workbook");
  }

  private static void assertRejectedWith(ReturnOutcome outcome, String... ruleIds) {
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.summary()).isEmpty();
    assertThat(ruleIds(outcome)).containsExactlyInAnyOrder(ruleIds);
    assertThat(outcome.findings())
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.RETURN_REJECTED));
  }

  static Map<ClaimResult, Long> counts(List<Claim> claims) {
    Map<ClaimResult, Long> counts = new EnumMap<>(ClaimResult.class);
    claims.forEach(c -> counts.merge(c.result(), 1L, Long::sum));
    return counts;
  }
}
