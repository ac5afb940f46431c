package uk.gov.tfwh.returns.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.returns.Fixtures;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.history.ClaimOccurrence;
import uk.gov.tfwh.returns.history.ClaimReconciliation;
import uk.gov.tfwh.returns.history.NationalClaimCheck;
import uk.gov.tfwh.returns.history.ReturnHistory;
import uk.gov.tfwh.returns.history.ReturnVersion;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.Severity;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.ReadLimits;

/**
 * One test per rule of the catalogue, each triggering its rule on the smallest input that breaks it
 * (method names start with the rule's id, and {@link #everyRuleHasATestThatTriggersIt} keeps it
 * that way). Edge cases of each rule are in the reader, folder and history tests.
 */
class RuleCatalogueTest {
  @TempDir Path dir;

  private static final String FAMILY = "fam-000000000001-9f3a";
  private static final String OK_CLAIM =
      FAMILY + ",2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH";

  private ReturnOutcome read(ReturnWriter writer) {
    writer.write("r");
    return ReturnWriter.read(dir, "r");
  }

  private static List<String> ids(ReturnOutcome outcome) {
    return outcome.findings().stream().map(Finding::ruleId).toList();
  }

  private static Finding rejectedOnly(ReturnOutcome outcome, String ruleId) {
    assertThat(outcome.accepted()).as("accepted").isFalse();
    assertThat(ids(outcome)).containsOnly(ruleId);
    return outcome.findings().get(0);
  }

  private static Finding rowRejected(ReturnOutcome outcome, String ruleId, int row) {
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.claims()).isEmpty();
    assertThat(outcome.claimRowsRejected()).isEqualTo(1);
    assertThat(ids(outcome)).containsOnly(ruleId);
    Finding finding = outcome.findings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ROW_REJECTED);
    assertThat(finding.row()).isEqualTo(row);
    assertThat(finding.sheet()).isEqualTo("claims");
    return finding;
  }

  @Test
  void everyRuleHasATestThatTriggersIt() {
    Set<String> tested =
        Arrays.stream(RuleCatalogueTest.class.getDeclaredMethods())
            .map(Method::getName)
            .map(name -> name.split("_")[0])
            .collect(Collectors.toSet());
    for (Rule rule : Rule.values()) {
      assertThat(tested)
          .as("a test named %s_...", rule.name().toLowerCase(Locale.ROOT))
          .contains(rule.name().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void idsAreTheFixedOnesOfRuleIdsMd() throws IOException {
    String ruleIds =
        Files.readString(
            Fixtures.root().resolve("etl/returns/RULE-IDS.md"), StandardCharsets.UTF_8);
    for (Rule rule : Rule.values()) {
      String sev =
          switch (rule.severity()) {
            case RETURN_REJECTED -> "R";
            case ROW_REJECTED -> "X";
            case WARNING -> "W";
            case NOTE -> "N";
          };
      assertThat(ruleIds).contains("| " + rule.id() + " | " + sev + " |");
      assertThat(Rule.ofId(rule.id())).isSameAs(rule);
    }
    assertThat(ruleIds.lines().filter(l -> l.startsWith("| TFQR-")).count())
        .isEqualTo(Rule.values().length);
  }

  @Test
  void docsRulesMdListsEveryRuleAsTheCatalogueRendersIt() throws IOException {
    Path doc = Fixtures.root().resolve("docs/rules.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    assertThat(text)
        .as("docs/rules.md is stale; regenerate it with RuleCatalogueDocument")
        .isEqualTo(RuleCatalogueDocument.render());
    for (Rule rule : Rule.values()) {
      assertThat(text).contains("| " + rule.id() + " | ");
    }
  }

  @Test
  void noMessageCarriesARawControlCharacterWhateverTheProblemQuotes() {
    Finding finding =
        Rule.F02.at(
            Location.ofFile("x.xlsx"),
            "not a workbook (XML version \"1.0t,submitted_by\nrevision_note\u0000\u202E\")");

    assertThat(finding.message())
        .doesNotContain("\n")
        .doesNotContain("\u0000")
        .doesNotContain("\u202E")
        .contains("submitted_by\\u000Arevision_note\\u0000\\u202E");
  }

  @Test
  void messagesNameThePlaceTheProblemTheActionAndTheRule() {
    Finding finding =
        Rule.S09.at(Location.ofCell("x.summary.csv", "summary", 2, "families_attached"), "bad");
    assertThat(finding.message())
        .isEqualTo(
            "file x.summary.csv, sheet summary, row 2, column families_attached: bad. "
                + Rule.S09.action()
                + " [rule TFQR-S09]");
    assertThat(Rule.quote("a\u0000b\u202Ec")).isEqualTo("'a\\u0000b\\u202Ec'");
    assertThat(Rule.quote("1\u00A02\u2007 3")).isEqualTo("'1\\u00A02\\u2007 3'");
    assertThat(Rule.quote("x".repeat(100))).hasSize(60 + 2 + 3);
    for (Rule rule : Rule.values()) {
      assertThat(rule.description()).isNotBlank().endsWith(".");
      assertThat(rule.action()).isNotBlank().endsWith(".");
    }
  }

  @Test
  void f01_notUtf8() throws IOException {
    new ReturnWriter(dir).write("r");
    byte[] bytes = Files.readAllBytes(dir.resolve("r.summary.csv"));
    int at = new String(bytes, StandardCharsets.UTF_8).indexOf("A. Director");
    bytes[at] = (byte) 0xC3; // a lead byte followed by '.', which no UTF-8 character is
    Files.write(dir.resolve("r.summary.csv"), bytes);
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "r"), "TFQR-F01");
    assertThat(finding.message()).contains("byte " + (at + 1), "line 2");
  }

  @Test
  void f01_truncatedCharacterAtTheEndOfTheFile() throws IOException {
    new ReturnWriter(dir).write("r");
    Path file = dir.resolve("r.summary.csv");
    byte[] bytes = Files.readAllBytes(file);
    byte[] cut = Arrays.copyOf(bytes, bytes.length + 1);
    cut[bytes.length] = (byte) 0xE2; // the first of three bytes, then the end of the file
    Files.write(file, cut);
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "r"), "TFQR-F01");
    assertThat(finding.message()).contains("byte " + (bytes.length + 1));
  }

  @Test
  void f02_workbookWithoutAClaimsSheet() throws IOException {
    Path file = dir.resolve("w.xlsx");
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = Files.newOutputStream(file)) {
      workbook.createSheet("summary").createRow(0).createCell(0).setCellValue("template");
      workbook.write(out);
    }
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "w"), "TFQR-F02");
    assertThat(finding.message()).contains("no sheet named claims (it has: 'summary')");
  }

  /** The sheets a workbook has are named as it writes them, quoted, so a stray character shows. */
  @Test
  void f02_theSheetsAWorkbookHasAreNamedAsItWritesThem() throws IOException {
    Path file = dir.resolve("w.xlsx");
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = Files.newOutputStream(file)) {
      workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("template");
      workbook.createSheet("Claims.").createRow(0).createCell(0).setCellValue("family_ref");
      workbook.write(out);
    }
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "w"), "TFQR-F02");
    assertThat(finding.message())
        .contains("the workbook has no sheet named summary (it has: 'Sheet1', 'Claims.')");
  }

  /** A sheet named with a slip, or among other words, is told the name to give it. */
  @Test
  void f02_aSheetNamedAlmostRightIsToldToBeRenamed() throws IOException {
    workbook("slip", "Summery", "Claims 2015Q2");
    workbook("word", "summary", "Claim");
    workbook("two", "Summery", "Summary sheet");
    assertThat(rejectedOnly(ReturnWriter.read(dir, "slip"), "TFQR-F02").message())
        .contains(
            "no sheet named summary (it has: 'Summery', 'Claims 2015Q2'): rename 'Summery' to"
                + " summary");
    assertThat(rejectedOnly(ReturnWriter.read(dir, "word"), "TFQR-F02").message())
        .contains("no sheet named claims (it has: 'summary', 'Claim'): rename 'Claim' to claims");
    // Two alike: neither is chosen.
    assertThat(rejectedOnly(ReturnWriter.read(dir, "two"), "TFQR-F02").message())
        .contains("(it has: 'Summery', 'Summary sheet')")
        .doesNotContain("rename");
  }

  private void workbook(String stem, String... sheets) throws IOException {
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = Files.newOutputStream(dir.resolve(stem + ".xlsx"))) {
      for (String sheet : sheets) {
        workbook.createSheet(sheet).createRow(0).createCell(0).setCellValue("template");
      }
      workbook.write(out);
    }
  }

  @Test
  void f03_fileOverTheSizeLimit() {
    new ReturnWriter(dir).write("r");
    ReadLimits tiny = new ReadLimits(100, 1_000_000, 100, 10);
    Finding finding =
        rejectedOnly(ReturnWriter.read(dir, "r", Fixtures.reference(), tiny), "TFQR-F03");
    assertThat(finding.message()).contains("over the limit of 100 bytes");
  }

  @Test
  void f04_claimsFileWithoutItsSummary() {
    ReturnWriter.write(dir.resolve("lonely.claims.csv"), ReturnWriter.CLAIMS_HEADER);
    var scan = LandingFolder.scan(dir);
    assertThat(scan.returns()).isEmpty();
    assertThat(scan.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F04");
    assertThat(scan.findings().get(0).message()).contains("no summary file lonely.summary.csv");
  }

  @Test
  void f05_unbalancedQuotes() {
    ReturnWriter.write(
        dir.resolve("r.summary.csv"),
        ReturnWriter.SUMMARY_HEADER
            + "\r\nTFQR-1,E10000016,2,2015-06-30,1240,610,,2,,3,2015-06-30T16:30:00+01:00,"
            + "x@example.gov.uk,\"A. Director,");
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "r"), "TFQR-F05");
    assertThat(finding.row()).isEqualTo(2);
    assertThat(finding.message()).contains("cannot be parsed");
  }

  @Test
  void f05_excelsSeparatorHintIsOneFindingThatSaysWhatItIs() {
    for (String hint : new String[] {"sep=,", "SEP=;", "sep=,,"}) {
      ReturnWriter.write(
          dir.resolve("r.summary.csv"),
          hint
              + "\r\n"
              + ReturnWriter.SUMMARY_HEADER
              + "\r\nTFQR-1,E10000016,2,2015-06-30,1240,610,,2,,3,2015-06-30T16:30:00+01:00,"
              + "x@example.gov.uk,A. Director,");
      ReturnOutcome outcome = ReturnWriter.read(dir, "r");
      assertThat(outcome.findings()).as(hint).hasSize(1);
      Finding finding = rejectedOnly(outcome, "TFQR-F05");
      assertThat(finding.row()).isEqualTo(1);
      assertThat(finding.message()).contains("separator hint Excel adds", "delete that line");
    }
  }

  @Test
  void f05_raggedRow() {
    ReturnWriter.write(
        dir.resolve("r.summary.csv"), ReturnWriter.SUMMARY_HEADER + "\r\nTFQR-1,E10000016,2");
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "r"), "TFQR-F05");
    assertThat(finding.message()).contains("has 3 values but the header has 14 columns");
  }

  @Test
  void s01_templateIsNotTfqr1() {
    rejectedOnly(read(new ReturnWriter(dir).set("template", "tfqr-1")), "TFQR-S01");
  }

  @Test
  void s02_unknownColumnInTheClaimsSheet() {
    ReturnWriter.write(dir.resolve("r.claims.csv"), ReturnWriter.CLAIMS_HEADER + ",extra");
    new ReturnWriter(dir).write("r");
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "r"), "TFQR-S02");
    assertThat(finding.sheet()).isEqualTo("claims");
    assertThat(finding.column()).isEqualTo("extra");
  }

  @Test
  void s03_missingAndDuplicateColumns() {
    ReturnWriter.write(
        dir.resolve("r.summary.csv"),
        ReturnWriter.SUMMARY_HEADER.replace("submitted_by", "phase")
            + "\r\nTFQR-1,E10000016,2,2015-06-30,1240,610,,2,,3,2015-06-30T16:30:00+01:00,2,A,");
    ReturnOutcome outcome = ReturnWriter.read(dir, "r");
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(Finding::ruleId, Finding::column)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TFQR-S03", "phase"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S03", "submitted_by"));
  }

  @Test
  void s04_extraDataRowsAreNamedByTheirRows() {
    String row =
        "\r\nTFQR-1,E10000016,2,2015-06-30,1240,610,,2,,3,2015-06-30T16:30:00+01:00,"
            + "x@example.gov.uk,A. Director,";
    ReturnWriter.write(dir.resolve("r.summary.csv"), ReturnWriter.SUMMARY_HEADER + row + row);
    Finding two = rejectedOnly(ReturnWriter.read(dir, "r"), "TFQR-S04");
    assertThat(two.row()).as("the first row too many").isEqualTo(3);
    assertThat(two.message()).contains("(found 2): rows 2 and 3");

    ReturnWriter.write(dir.resolve("r.summary.csv"), ReturnWriter.SUMMARY_HEADER + row.repeat(5));
    assertThat(rejectedOnly(ReturnWriter.read(dir, "r"), "TFQR-S04").message())
        .contains("(found 5): rows 2, 3, 4 and 2 more");
  }

  @Test
  void s04_headerOnly() {
    ReturnWriter.write(dir.resolve("r.summary.csv"), ReturnWriter.SUMMARY_HEADER);
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "r"), "TFQR-S04");
    assertThat(finding.message()).contains("found 0");
  }

  @Test
  void s05_countWithSpacesInsideOrTooLarge() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .set("families_identified", "1 240")
                .set("families_attached", "9".repeat(19))
                .set("results_sustained_progress", "1300\u00A0"));
    assertThat(ids(outcome)).containsExactly("TFQR-S05", "TFQR-S05", "TFQR-S05");
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .contains(
                        "is '1 240', not a non-negative whole number (without the spaces: 1240)"),
            m ->
                assertThat(m)
                    .contains(
                        "is '"
                            + "9".repeat(19)
                            + "', a whole number too large to be a count (at most 18 digits)"),
            // The no-break space by its code: printed, it would look like a space that is trimmed.
            m ->
                assertThat(m)
                    .contains(
                        "is '1300\\u00A0' (it holds \\u00A0 NO-BREAK SPACE, which cannot be seen;"
                            + " without it: '1300'), not a non-negative whole number"));
  }

  @Test
  void s06_unknownAuthority() {
    rejectedOnly(read(new ReturnWriter(dir).set("authority_code", "e10000016")), "TFQR-S06");
  }

  @Test
  void s07_notADate() {
    Finding finding =
        rejectedOnly(read(new ReturnWriter(dir).set("period_end", "30/06/2015")), "TFQR-S07");
    assertThat(finding.message()).contains("'30/06/2015'", "YYYY-MM-DD");
  }

  @Test
  void s08_phaseThree() {
    ReturnOutcome outcome = read(new ReturnWriter(dir).set("phase", "3"));
    assertThat(ids(outcome)).containsExactly("TFQR-S08");
  }

  @Test
  void s08_phaseOneAfterItsLastQuarter() {
    ReturnOutcome outcome = read(new ReturnWriter(dir).phase1().set("period_end", "2015-09-30"));
    assertThat(ids(outcome)).containsExactly("TFQR-S08");
    assertThat(outcome.findings().get(0).message()).contains("2015-06-30");
  }

  @Test
  void s09_attachedExceedsIdentified() {
    rejectedOnly(read(new ReturnWriter(dir).set("families_attached", "1241")), "TFQR-S09");
  }

  @Test
  void s09_attachedEqualToIdentifiedIsFine() {
    assertThat(read(new ReturnWriter(dir).set("families_attached", "1240")).accepted()).isTrue();
  }

  @Test
  void s10_successfulOutcomesExceedAttached() {
    Finding finding =
        rejectedOnly(
            read(
                new ReturnWriter(dir)
                    .set("families_attached", "5")
                    .set("results_sustained_progress", "4")),
            "TFQR-S10");
    assertThat(finding.message()).contains("successful family outcomes", "= 6", "(5)");
  }

  @Test
  void s10_progressToWorkIsNotCountedAsTurnedAround() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .phase1()
                .set("families_attached", "430")
                .set("results_progress_to_work", "400"));
    assertThat(outcome.accepted()).isTrue();
  }

  @Test
  void s11_otherPhaseResultFilledAndOwnResultEmpty() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .set("results_crime_asb_education", "0")
                .set("results_sustained_progress", ""));
    assertThat(outcome.findings())
        .extracting(Finding::ruleId, Finding::column)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TFQR-S11", "results_crime_asb_education"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S11", "results_sustained_progress"));
  }

  @Test
  void s12_timestampWithoutOffsetAndEmptySignOff() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .set("submitted_at", "2015-06-30T16:30:00")
                .set("sro_sign_off", "  ")
                .set("submitted_by", ""));
    assertThat(outcome.findings())
        .extracting(Finding::ruleId, Finding::column)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TFQR-S12", "submitted_at"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S12", "submitted_by"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S12", "sro_sign_off"));
  }

  @Test
  void s13_submittedBeforeTheQuarterEndedOrInTheFuture() {
    Finding before =
        rejectedOnly(
            read(new ReturnWriter(dir).set("submitted_at", "2015-06-29T23:59:59+01:00")),
            "TFQR-S13");
    assertThat(before.column()).isEqualTo("submitted_at");
    assertThat(before.message()).contains("before the quarter it reports on ended (2015-06-30)");
    for (String future :
        List.of("9999-12-31T23:59:59+14:00", "2262-04-11T23:47:16Z", "+10000-01-01T00:00:00Z")) {
      Finding finding =
          rejectedOnly(read(new ReturnWriter(dir).set("submitted_at", future)), "TFQR-S13");
      assertThat(finding.message()).as(future).contains("is in the future");
    }
  }

  @Test
  void s13_theLastDayOfTheQuarterAndTheReadingDayAreFine() {
    assertThat(
            read(new ReturnWriter(dir).set("submitted_at", "2015-06-30T00:00:00+01:00")).accepted())
        .isTrue();
    String today = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
    assertThat(read(new ReturnWriter(dir).set("submitted_at", today)).accepted()).isTrue();
  }

  @Test
  void s14_aCountTenTimesTheTargetIsAnAbsurdity() {
    // Kent's phase 2 target is 8,960: 89,600 is the most a count may be.
    assertThat(read(new ReturnWriter(dir).set("families_identified", "89600")).accepted()).isTrue();
    Finding finding =
        rejectedOnly(read(new ReturnWriter(dir).set("families_identified", "89601")), "TFQR-S14");
    assertThat(finding.column()).isEqualTo("families_identified");
    assertThat(finding.message()).contains("(89601)", "target of 8960", "at most 89600");
    ReturnOutcome huge =
        read(
            new ReturnWriter(dir)
                .set("families_identified", "1000000000000")
                .set("families_attached", "10000000")
                .set("results_sustained_progress", "10000000"));
    assertThat(huge.accepted()).isFalse();
    assertThat(huge.findings())
        .extracting(Finding::ruleId, Finding::column)
        .contains(
            org.assertj.core.groups.Tuple.tuple("TFQR-S14", "families_identified"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S14", "families_attached"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S14", "results_sustained_progress"));
    // Beyond what a long holds it is not a whole number the reader can take at all.
    assertThat(ids(read(new ReturnWriter(dir).set("families_identified", "9".repeat(40)))))
        .containsExactly("TFQR-S05");
  }

  @Test
  void s15_textOverItsLimit() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .set("submitted_by", "a".repeat(250) + "@x.uk")
                .set("sro_sign_off", "A".repeat(201))
                .set("revision_note", "n".repeat(2_001)));
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(Finding::ruleId, Finding::column)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TFQR-S15", "submitted_by"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S15", "sro_sign_off"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S15", "revision_note"));
    assertThat(
            read(new ReturnWriter(dir)
                    .set("sro_sign_off", "A".repeat(200))
                    .set("revision_note", "n".repeat(2_000)))
                .accepted())
        .isTrue();
  }

  @Test
  void s16_fileNamedForAnotherAuthority() {
    // Kent's figures (E10000016) in a file named for Birmingham (E08000025).
    new ReturnWriter(dir).write("E08000025-2015Q2-p2");
    Finding finding = rejectedOnly(ReturnWriter.read(dir, "E08000025-2015Q2-p2"), "TFQR-S16");
    assertThat(finding.column()).isEqualTo("authority_code");
    assertThat(finding.message()).contains("names Birmingham (E08000025)", "E10000016 (Kent)");
  }

  @Test
  void s16_aNameWithTheOwnCodeOrAFormerCodeOfItOrNoCodeIsFine() {
    for (String stem :
        List.of("E10000016-2015Q2-p2", "kent-2015Q2", "e10000016_v2", "E100000160")) {
      new ReturnWriter(dir).write(stem);
      assertThat(ReturnWriter.read(dir, stem).accepted()).as(stem).isTrue();
    }
    new ReturnWriter(dir).phase1().set("authority_code", "E08000037").write("E08000020-2013Q3");
    assertThat(ReturnWriter.read(dir, "E08000020-2013Q3").accepted())
        .as("Gateshead under its former code")
        .isTrue();
  }

  @Test
  void c01_familyRefTooShort() {
    rowRejected(
        read(new ReturnWriter(dir).claim(OK_CLAIM.replace(FAMILY, "fam-0123456789a"))),
        "TFQR-C01",
        2);
  }

  @Test
  void c01_familyRefOfSixteenAndSixtyFourCharactersIsFine() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .claim(OK_CLAIM.replace(FAMILY, "a".repeat(16)))
                .claim(OK_CLAIM.replace(FAMILY, "b".repeat(64)))
                .claim(OK_CLAIM.replace(FAMILY, "c".repeat(65))));
    assertThat(outcome.claims()).hasSize(2);
    assertThat(ids(outcome)).containsExactly("TFQR-C01");
  }

  @Test
  void c02_attachedBeforeTheProgrammeAndAfterPeriodEnd() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .claim(FAMILY + ",2012-03-31,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH")
                .claim(
                    "fam-000000000002-9f3a,2015-07-01,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH")
                .claim(
                    "fam-000000000003-9f3a,7 April,SUSTAINED_PROGRESS,2015-06-12,HEALTH;WORKLESSNESS"));
    assertThat(outcome.findings())
        .extracting(Finding::row, Finding::ruleId)
        .contains(
            org.assertj.core.groups.Tuple.tuple(2, "TFQR-C02"),
            org.assertj.core.groups.Tuple.tuple(3, "TFQR-C02"),
            org.assertj.core.groups.Tuple.tuple(4, "TFQR-C02"));
    assertThat(outcome.claimRowsRejected()).isEqualTo(3);
    assertThat(outcome.findings().get(0).message()).contains("before the programme began");
  }

  @Test
  void c03_progressToWorkInPhase2() {
    rowRejected(
        read(
            new ReturnWriter(dir)
                .claim(OK_CLAIM.replace("SUSTAINED_PROGRESS", "PROGRESS_TO_WORK"))),
        "TFQR-C03",
        2);
  }

  @Test
  void c04_achievedTheDayAfterTheQuarter() {
    rowRejected(
        read(new ReturnWriter(dir).claim(OK_CLAIM.replace("2015-06-12", "2015-07-01"))),
        "TFQR-C04",
        2);
  }

  @Test
  void c04_achievedOnTheLastDayIsFine() {
    assertThat(
            read(new ReturnWriter(dir).claim(OK_CLAIM.replace("2015-06-12", "2015-06-30")))
                .claims())
        .hasSize(1);
  }

  @Test
  void c05_phase1ProblemInAPhase2Return() {
    Finding finding =
        rowRejected(
            read(
                new ReturnWriter(dir)
                    .claim(OK_CLAIM.replace("CRIME_ASB;HEALTH", "CRIME_ASB;HEALTH;EDUCATION"))),
            "TFQR-C05",
            2);
    assertThat(finding.message()).contains("'EDUCATION'");
  }

  @Test
  void c06_theSameProblemTwiceCountsOnce() {
    rowRejected(
        read(new ReturnWriter(dir).claim(OK_CLAIM.replace("CRIME_ASB;HEALTH", "HEALTH; HEALTH"))),
        "TFQR-C06",
        2);
  }

  @Test
  void c07_sameFamilyForAnotherOutcomeResult() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .claim(OK_CLAIM)
                .claim(OK_CLAIM.replace("SUSTAINED_PROGRESS", "CONTINUOUS_EMPLOYMENT")));
    assertThat(outcome.claims()).hasSize(1);
    assertThat(outcome.findings())
        .extracting(Finding::row, Finding::ruleId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "TFQR-C07"));
  }

  @Test
  void c07_theSameFamilyInUpperCaseIsTheSameFamily() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .claim(OK_CLAIM)
                .claim(
                    OK_CLAIM
                        .replace(FAMILY, FAMILY.toUpperCase(Locale.ROOT))
                        .replace("SUSTAINED_PROGRESS", "CONTINUOUS_EMPLOYMENT")));
    assertThat(outcome.claims()).extracting(c -> c.familyRef()).containsExactly(FAMILY);
    assertThat(outcome.findings())
        .extracting(Finding::row, Finding::ruleId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "TFQR-C07"));
  }

  @Test
  void c07_phase1ProgressToWorkAndAnOutcomeForOneFamilyAreDifferentKinds() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .phase1()
                .claim(FAMILY + ",2013-04-07,PROGRESS_TO_WORK,2013-06-12,CRIME_ASB;WORK")
                .claim(FAMILY + ",2013-04-07,CRIME_ASB_EDUCATION,2013-08-12,CRIME_ASB;WORK"));
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.claims()).hasSize(2);
  }

  private static ClaimOccurrence occurrence(
      String authority, String quarter, String submitted, ClaimResult result, String returnId) {
    Quarter q = Quarter.parse(quarter);
    return new ClaimOccurrence(
        FAMILY,
        authority,
        result == ClaimResult.SUSTAINED_PROGRESS ? Phase.TWO : Phase.ONE,
        q,
        OffsetDateTime.parse(submitted),
        result,
        returnId,
        returnId + ".claims.csv",
        2);
  }

  @Test
  void c08_secondOutcomeForAFamily() {
    var decisions =
        NationalClaimCheck.check(
            List.of(
                occurrence(
                    "E10000016",
                    "2013Q3",
                    "2013-10-01T10:00:00Z",
                    ClaimResult.CONTINUOUS_EMPLOYMENT,
                    "b"),
                occurrence(
                    "E10000016",
                    "2013Q2",
                    "2013-07-01T10:00:00Z",
                    ClaimResult.CRIME_ASB_EDUCATION,
                    "a")));
    assertThat(decisions)
        .extracting(d -> d.claim().returnId(), NationalClaimCheck.Decision::accepted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", true),
            org.assertj.core.groups.Tuple.tuple("b", false));
    assertThat(decisions.get(1).findings()).extracting(Finding::ruleId).containsExactly("TFQR-C08");
  }

  @Test
  void c09_progressToWorkAfterContinuousEmployment() {
    var decisions =
        NationalClaimCheck.check(
            List.of(
                occurrence(
                    "E10000016",
                    "2013Q2",
                    "2013-07-01T10:00:00Z",
                    ClaimResult.CONTINUOUS_EMPLOYMENT,
                    "a"),
                occurrence(
                    "E10000016",
                    "2013Q3",
                    "2013-10-01T10:00:00Z",
                    ClaimResult.PROGRESS_TO_WORK,
                    "b")));
    assertThat(decisions.get(1).accepted()).isFalse();
    assertThat(decisions.get(1).findings()).extracting(Finding::ruleId).containsExactly("TFQR-C09");
  }

  private ReturnVersion version(String id, long batch, ReturnWriter writer) {
    ReturnOutcome outcome = read(writer);
    assertThat(outcome.accepted()).as("%s", outcome.findings()).isTrue();
    ReturnVersion v = ReturnVersion.of(outcome, batch);
    return new ReturnVersion(id, id + ".summary.csv", batch, v.summary(), v.fingerprint());
  }

  @Test
  void h01_staleResubmissionInALaterLoad() {
    ReturnVersion accepted = version("new", 1, new ReturnWriter(dir));
    ReturnVersion stale =
        version(
            "old",
            2,
            new ReturnWriter(dir)
                .set("families_identified", "1200")
                .set("submitted_at", "2015-06-30T09:00:00+01:00"));
    var result = ReturnHistory.decide(List.of(accepted, stale));
    assertThat(result.decision("old").status()).isEqualTo(ReturnHistory.Status.STALE);
    assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("TFQR-H01");
    assertThat(result.findings().get(0).file()).isEqualTo("old.summary.csv");
  }

  @Test
  void w01_claimsDoNotReconcile() {
    ReturnOutcome outcome = read(new ReturnWriter(dir).claim(OK_CLAIM));
    List<Finding> warnings =
        ClaimReconciliation.check(
            outcome.summary().orElseThrow(),
            "r.summary.csv",
            Map.of(ClaimResult.SUSTAINED_PROGRESS, 1L));
    assertThat(warnings)
        .extracting(Finding::ruleId, Finding::column)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TFQR-W01", "results_sustained_progress"),
            org.assertj.core.groups.Tuple.tuple("TFQR-W01", "results_continuous_employment"));
  }

  @Test
  void w02_cumulativeFallWithoutRevisionNote() {
    ReturnVersion q1 =
        version(
            "q1",
            1,
            new ReturnWriter(dir)
                .set("period_end", "2015-03-31")
                .set("families_identified", "1300")
                .set("results_continuous_employment", "0")
                .set("results_sustained_progress", "0")
                .set("submitted_at", "2015-03-31T16:30:00+01:00"));
    ReturnVersion q2 = version("q2", 1, new ReturnWriter(dir));
    var result = ReturnHistory.decide(List.of(q1, q2));
    assertThat(result.findings())
        .extracting(Finding::ruleId, Finding::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TFQR-W02", "families_identified"));
    assertThat(result.findings().get(0).message()).contains("fell from 1300", "to 1240");
  }

  @Test
  void w03_claimByAnotherAuthority() {
    var decisions =
        NationalClaimCheck.check(
            List.of(
                occurrence(
                    "E10000016",
                    "2013Q2",
                    "2013-07-01T10:00:00Z",
                    ClaimResult.PROGRESS_TO_WORK,
                    "a"),
                occurrence(
                    "E08000025",
                    "2013Q3",
                    "2013-10-01T10:00:00Z",
                    ClaimResult.CRIME_ASB_EDUCATION,
                    "b")));
    assertThat(decisions.get(1).accepted()).isTrue();
    assertThat(decisions.get(1).findings()).extracting(Finding::ruleId).containsExactly("TFQR-W03");
  }

  @Test
  void w04_jumpFarAboveTheAuthoritysOwnRises() {
    String[][] quarters = {
      {"2014-09-30", "100"}, {"2014-12-31", "110"}, {"2015-03-31", "120"}, {"2015-06-30", "400"}
    };
    List<ReturnVersion> versions = new java.util.ArrayList<>();
    for (String[] q : quarters) {
      versions.add(
          version(
              q[0],
              1,
              new ReturnWriter(dir)
                  .set("period_end", q[0])
                  .set("families_attached", q[1])
                  .set("results_sustained_progress", "0")
                  .set("results_continuous_employment", "0")
                  .set("submitted_at", q[0] + "T16:30:00+01:00")));
    }
    var result = ReturnHistory.decide(versions);
    assertThat(result.findings())
        .extracting(Finding::ruleId, Finding::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TFQR-W04", "families_attached"));
    assertThat(result.findings().get(0).message()).contains("rose by 280");
  }

  @Test
  void w05_submittedFromAnotherCouncilsDomain() throws IOException {
    ReferenceData withDomains =
        ReferenceSetWithDomains.kentAt(dir.resolve("reference"), "kent.gov.uk");
    Path landing = dir.resolve("landing");
    java.nio.file.Files.createDirectories(landing);
    new ReturnWriter(landing).set("submitted_by", "someone@birmingham.gov.uk").write("r");
    ReturnOutcome outcome = ReturnWriter.read(landing, "r", withDomains);

    assertThat(outcome.accepted()).isTrue();
    assertThat(ids(outcome)).containsExactly("TFQR-W05");
    assertThat(outcome.findings().get(0).message()).contains("kent.gov.uk");
    for (String fine : List.of("a@kent.gov.uk", "a@CSC.KENT.GOV.UK")) {
      new ReturnWriter(landing).set("submitted_by", fine).write("r");
      assertThat(ids(ReturnWriter.read(landing, "r", withDomains))).as(fine).isEmpty();
    }
    new ReturnWriter(landing).set("submitted_by", "a@notkent.gov.uk").write("r");
    assertThat(ids(ReturnWriter.read(landing, "r", withDomains))).containsExactly("TFQR-W05");
  }

  @Test
  void n01_formerCodeMapped() {
    ReturnOutcome outcome =
        read(
            new ReturnWriter(dir)
                .phase1()
                .set("authority_code", "E08000020")
                .set("families_identified", "500")
                .set("families_attached", "450"));
    assertThat(outcome.accepted()).isTrue();
    assertThat(ids(outcome)).containsExactly("TFQR-N01");
    assertThat(outcome.summary().orElseThrow().authorityCode()).isEqualTo("E08000037");
  }

  @Test
  void n02_identicalCopyIgnored() {
    ReturnVersion csv = version("a", 1, new ReturnWriter(dir));
    ReturnVersion copy = new ReturnVersion("b", "b.xlsx", 2, csv.summary(), csv.fingerprint());
    var result = ReturnHistory.decide(List.of(copy, csv));
    assertThat(result.decision("a").status()).isEqualTo(ReturnHistory.Status.CURRENT);
    assertThat(result.decision("b").status()).isEqualTo(ReturnHistory.Status.IDENTICAL_COPY);
    assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("TFQR-N02");
  }
}
