package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/**
 * A careless sender's usual slips (a date day first, a code in small letters, an authority's name
 * for its code, problems separated by commas) are still refused by their rules, and each message
 * now says what the value was likely meant to be, so the sender corrects it without the guide.
 */
class LikelyMeantMessagesTest {
  private static final String STEM = "E10000016-2015Q2-p2";
  private static final String CLAIM =
      "fam-000000000001-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH";

  @TempDir Path dir;

  @Test
  void aSummaryDateWrittenDayFirstIsRefusedAndToldItsIsoForm() {
    assertToldOf(
        "period_end",
        "30/06/2015",
        "period_end is '30/06/2015', not a date written as YYYY-MM-DD (written day first: as"
            + " YYYY-MM-DD it is 2015-06-30)");
  }

  /** A submission time with its offset written another way, or only its day. */
  @Test
  void aSubmissionTimeWrittenAnotherWayOrOnlyItsDayIsToldTheFormToWrite() {
    assertToldOf(
        "submitted_at",
        "2015-06-30 16:30 BST",
        "submitted_at is '2015-06-30 16:30 BST', not an ISO 8601 timestamp with its offset (as ISO"
            + " 8601 it is written 2015-06-30T16:30+01:00)");
    assertToldOf(
        "submitted_at",
        "2015-06-30",
        "submitted_at is '2015-06-30', not an ISO 8601 timestamp with its offset (a date without"
            + " its time of day: give the moment it was signed off, such as"
            + " 2015-06-30T16:30:00+01:00)");
  }

  /** The contract's file names write a quarter as 2015Q2; in period_end it is its last day. */
  @Test
  void aPeriodEndWrittenAsAQuarterIsToldTheDayToWriteAndADayWithinOneItsQuarter() {
    assertToldOf(
        "period_end",
        "2015Q2",
        "period_end is '2015Q2', not a date written as YYYY-MM-DD (a quarter is written as its last"
            + " day: 2015Q2, April to June 2015, ends 2015-06-30)");
    assertToldOf(
        "period_end",
        "2015-06-29",
        "period_end 2015-06-29 is not the last day of a quarter: it is in 2015Q2, April to June"
            + " 2015, which ends 2015-06-30");
  }

  /** Writes the default return with one summary value changed: it is refused with this message. */
  private void assertToldOf(String column, String value, String message) {
    new ReturnWriter(dir).set(column, value).claim(CLAIM).write(STEM);
    ReturnOutcome outcome = ReturnWriter.read(dir, STEM);
    assertThat(outcome.accepted()).as(value).isFalse();
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains(message));
  }

  /**
   * What a spreadsheet's CSV export makes of a date cell (the date at midnight) and of a date-time
   * cell (no offset): refused, and told the form the contract takes.
   */
  @Test
  void aDateWithItsMidnightAndATimeWithoutItsOffsetAreToldTheFormsTheContractTakes() {
    new ReturnWriter(dir)
        .set("period_end", "2015-06-30 00:00:00")
        .set("submitted_at", "30/06/2015 16:30")
        .claim(CLAIM)
        .write(STEM);

    ReturnOutcome outcome = ReturnWriter.read(dir, STEM);

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "period_end is '2015-06-30 00:00:00', not a date written as YYYY-MM-DD"
                            + " (written with a time: as YYYY-MM-DD it is 2015-06-30)"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "submitted_at is '30/06/2015 16:30', not an ISO 8601 timestamp with its"
                            + " offset (if that is UK time, write 2015-06-30T16:30:00+01:00)"));
  }

  /**
   * Characters nobody can see, pasted with a value from a web page or a document (a no-break space,
   * a zero-width space, a byte-order mark in a header): still refused, each named, and the value
   * shown without them.
   */
  @Test
  void aValueOrColumnHoldingWhatCannotBeSeenIsToldWhatItHoldsAndWhatIsLeftWithoutIt()
      throws Exception {
    String header = ReturnWriter.SUMMARY_HEADER.replace("sro_sign_off", "sro_sign_off\ufeff");
    new ReturnWriter(dir)
        .set("families_identified", "3150\u00a0")
        .set("authority_code", "\u200bE10000016")
        .set("template", "\u00a0\u200b")
        .claim(CLAIM)
        .write(STEM);
    Path summary = dir.resolve(STEM + ".summary.csv");
    String text = java.nio.file.Files.readString(summary);
    ReturnWriter.write(summary, header + text.substring(text.indexOf('\n')));

    ReturnOutcome outcome = ReturnWriter.read(dir, STEM);

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "families_identified is '3150\\u00A0' (it holds \\u00A0 NO-BREAK SPACE,"
                            + " which cannot be seen; without it: '3150'), not a"
                            + " non-negative whole number"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "'\\u200BE10000016' (it holds \\u200B ZERO WIDTH SPACE, which cannot be"
                            + " seen; without it: 'E10000016')"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "template is '\\u00A0\\u200B' (it holds \\u00A0 NO-BREAK SPACE and"
                            + " \\u200B ZERO WIDTH SPACE, which cannot be seen, and nothing else)"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "column 'sro_sign_off\\uFEFF' (it holds \\uFEFF ZERO WIDTH NO-BREAK"
                            + " SPACE, which cannot be seen; without it: 'sro_sign_off')"));
  }

  @Test
  void anAuthorityCodeInSmallLettersOrAnAuthoritysNameIsRefusedAndToldTheCode() {
    new ReturnWriter(dir).set("authority_code", "e10000016").claim(CLAIM).write(STEM);
    assertThat(ReturnWriter.read(dir, STEM).findings())
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("; codes are in capitals: E10000016 is Kent."));

    new ReturnWriter(dir).set("authority_code", "KENT").claim(CLAIM).write(STEM);
    assertThat(ReturnWriter.read(dir, STEM).findings())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("; that is an authority's name: the code of Kent is E10000016."));
  }

  /** A problem whose words are joined by "&" or "/" is told its name, not taken for two. */
  @Test
  void aProblemWrittenWithAnAmpersandOrASlashIsToldItsName() {
    new ReturnWriter(dir)
        .claim("fam-000000000002-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,Crime & ASB;HEALTH")
        .claim("fam-000000000003-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,crime/asb;HEALTH")
        .write(STEM);

    assertThat(ReturnWriter.read(dir, STEM).findings())
        .filteredOn(f -> f.ruleId().equals("TFQR-C05"))
        .extracting(Finding::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("; write 'Crime & ASB' as CRIME_ASB."),
            m ->
                assertThat(m)
                    .contains("; write 'crime/asb' as CRIME_ASB.")
                    .doesNotContain("slashes"));
  }

  /**
   * Problems separated by anything but semicolons (a bar, a slash, a cell's line breaks from
   * Alt+Enter, spaces) are refused and told to use semicolons; a problem written in words is told
   * its name instead, and a row whose problems are all unknown says it lists none.
   */
  @Test
  void problemsSeparatedByAnythingButSemicolonsAreToldToUseThem() {
    new ReturnWriter(dir)
        .claim(CLAIM)
        .claim("fam-000000000002-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB|HEALTH")
        .claim("fam-000000000003-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB / HEALTH")
        .claim(
            "fam-000000000004-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,\"CRIME_ASB\nHEALTH\"")
        .claim("fam-000000000005-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB HEALTH")
        .claim("fam-000000000006-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,crime asb;HEALTH")
        .claim("fam-000000000007-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,HEALTH; HEALTH")
        .write(STEM);

    ReturnOutcome outcome = ReturnWriter.read(dir, STEM);

    assertThat(outcome.claims()).extracting(Claim::row).containsExactly(2);
    assertThat(outcome.findings())
        .filteredOn(f -> f.ruleId().equals("TFQR-C05"))
        .extracting(f -> f.row() + " " + f.message())
        .satisfiesExactly(
            m -> assertThat(m).startsWith("3 ").contains("not vertical bars (|)."),
            m -> assertThat(m).startsWith("4 ").contains("not slashes."),
            m -> assertThat(m).startsWith("5 ").contains("not line breaks within the cell."),
            m -> assertThat(m).startsWith("6 ").contains("not spaces."),
            m ->
                assertThat(m)
                    .startsWith("7 ")
                    .contains("; write 'crime asb' as CRIME_ASB.")
                    .doesNotContain("not spaces"));
    assertThat(outcome.findings())
        .filteredOn(f -> f.ruleId().equals("TFQR-C06") && f.row() == 3)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains(
                        "problems_at_entry lists no known problem; a family needs at least 2"));
    assertThat(outcome.findings())
        .filteredOn(f -> f.ruleId().equals("TFQR-C06") && f.row() == 8)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains(
                        "problems_at_entry lists 1 known problem (HEALTH), HEALTH listed more than"
                            + " once; a family needs at least 2"));
  }

  @Test
  void claimSlipsRejectTheirRowsAndEachSaysWhatWasMeant() {
    new ReturnWriter(dir)
        .claim(CLAIM)
        .claim("fam-000000000002-9f3a,07/04/2015,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH")
        .claim("fam-000000000003-9f3a,2015-04-07,sustained progress,2015-06-12,CRIME_ASB;HEALTH")
        .claim(
            "fam-000000000004-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,\"CRIME_ASB, HEALTH\"")
        .claim("fam-000000000005-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,crime_asb;health")
        .claim("fam-000000000006-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-31,CRIME_ASB;HEALTH")
        .write(STEM);

    ReturnOutcome outcome = ReturnWriter.read(dir, STEM);

    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.claims()).extracting(Claim::row).containsExactly(2);
    assertThat(outcome.findings())
        .filteredOn(f -> f.row() != null && f.row() > 2)
        .extracting(f -> f.row() + " " + f.ruleId() + " " + f.message())
        .anySatisfy(m -> assertThat(m).startsWith("3 TFQR-C02").contains("it is 2015-04-07)"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("4 TFQR-C03")
                    .contains("; write it as SUSTAINED_PROGRESS."))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("5 TFQR-C05")
                    .contains("; separate the problems with ; (semicolons), not commas."))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("6 TFQR-C05")
                    .contains("; write 'crime_asb' as CRIME_ASB, 'health' as HEALTH."))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("7 TFQR-C02")
                    .contains("(no such day: June 2015 has 30 days)"));
  }
}
