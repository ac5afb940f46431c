package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/**
 * A spreadsheet error ({@code #N/A} from a lookup that found nothing, {@code #DIV/0!}, {@code
 * #REF!}...) is not a value. It used to be read as its text, so a free-text column took "#N/A" as
 * the sign-off or the submitter, and a count or a date said only that "#N/A" was not a number. Now
 * every column refuses it by its own rule and says it is an error that a formula gave, whether the
 * workbook typed the cell as an error or a CSV holds its name.
 */
class FormulaErrorTest {
  private static final String CLAIM =
      "fam-000000000001-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH";

  @TempDir Path dir;

  @Test
  void aWorkbooksErrorCellsInTheSummaryAreRefusedByTheirColumnsRulesAndSayWhatTheyAre()
      throws IOException {
    HostileFiles.workbookWithChanged(
        dir.resolve("errors.xlsx"),
        Map.of(
            HostileFiles.SUMMARY_SHEET,
            sheet ->
                sheet
                    // a count whose formula divided by zero, saved with its error
                    .replace(
                        "<c r=\"F2\"><v>260</v></c>",
                        "<c r=\"F2\" t=\"e\"><f>E2/0</f><v>#DIV/0!</v></c>")
                    // the sign-off looked up in a list that lacked the officer
                    .replace(
                        "<c r=\"M2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">A. Director</t></is></c>",
                        "<c r=\"M2\" t=\"e\"><f>VLOOKUP(A1,Officers!A:B,2,FALSE)</f><v>#N/A</v></c>")));

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(f -> f.ruleId() + " " + f.column())
        .containsExactlyInAnyOrder("TFQR-S05 families_attached", "TFQR-S15 sro_sign_off");
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "families_attached is the spreadsheet error #DIV/0!, which a formula gives"
                            + " when it fails, not a value"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("sro_sign_off is the spreadsheet error #N/A")
                    .contains("correct a formula that gives an error"));
  }

  /**
   * A workbook's error cell holds whatever text its writer put there: a value that is no
   * spreadsheet's error is quoted in the message (escaped and cut short), never printed as sent.
   */
  @Test
  void anErrorCellOfAnyOtherTextIsQuotedInTheMessage() throws IOException {
    String forged = "#X\n<b>" + "x".repeat(500) + "</b>";
    HostileFiles.workbookWithChanged(
        dir.resolve("errors.xlsx"),
        Map.of(
            HostileFiles.SUMMARY_SHEET,
            sheet ->
                sheet.replace(
                    "<c r=\"F2\"><v>260</v></c>",
                    "<c r=\"F2\" t=\"e\"><v>" + forged.replace("<", "&lt;") + "</v></c>")));

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("families_attached is the spreadsheet error '#X\\u000A<b>xxx")
                    .contains("...'")
                    .doesNotContain("x".repeat(100))
                    .doesNotContain("\n"));
  }

  @Test
  void aWorkbooksErrorCellInAClaimRejectsItsRowOnly() throws IOException {
    HostileFiles.workbookWithChanged(
        dir.resolve("errors.xlsx"),
        Map.of(
            HostileFiles.CLAIMS_SHEET,
            sheet ->
                sheet
                    // a date pasted as values from a formula that had lost its reference
                    .replace(
                        "<c r=\"B2\" s=\"1\"><v>42095</v></c>",
                        "<c r=\"B2\" t=\"e\"><v>#REF!</v></c>")
                    // problems_at_entry typed as an error's name: one finding, not also C06
                    .replace(
                        "<c r=\"E3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">HEALTH;WORKLESSNESS</t></is></c>",
                        "<c r=\"E3\" t=\"inlineStr\"><is><t>#N/A</t></is></c>")));

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.accepted()).as(outcome.findings().toString()).isTrue();
    assertThat(outcome.findings())
        .filteredOn(f -> f.row() != null && f.row() <= 3)
        .extracting(f -> f.ruleId() + " row " + f.row() + " " + f.column())
        .containsExactly("TFQR-C02 row 2 attached_on", "TFQR-C05 row 3 problems_at_entry");
    assertThat(outcome.findings().get(0).message())
        .contains(
            "attached_on is the spreadsheet error #REF!, which a formula gives when it fails");
    assertThat(outcome.findings().get(1).message())
        .contains("problems_at_entry is the spreadsheet error #N/A");
    assertThat(outcome.claims()).extracting(Claim::row).doesNotContain(2, 3).contains(4);
  }

  @Test
  void aCsvSummaryCellThatIsExactlyAnErrorsNameIsThatErrorInAnyCaseAndSpacing() {
    new ReturnWriter(dir)
        .set("submitted_by", " #n/a ")
        .set("revision_note", "#VALUE!")
        .set("families_identified", "#NAME?")
        .set("authority_code", "#N/A")
        .claim(CLAIM)
        .write("r");

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(f -> f.ruleId() + " " + f.column() + " " + f.row())
        .containsExactlyInAnyOrder(
            "TFQR-S15 submitted_by 2",
            "TFQR-S15 revision_note 2",
            "TFQR-S05 families_identified 2",
            "TFQR-S06 authority_code 2");
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("submitted_by is the spreadsheet error #N/A"))
        .anySatisfy(m -> assertThat(m).contains("revision_note is the spreadsheet error #VALUE!"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("authority_code is the spreadsheet error #N/A, which a formula"));
  }

  /** The template cell says what it holds and what to write, once. */
  @Test
  void aTemplateCellThatIsAnErrorSaysWhatToWrite() {
    new ReturnWriter(dir).set("template", "#REF!").claim(CLAIM).write("r");

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.findings())
        .filteredOn(f -> f.ruleId().equals("TFQR-S01"))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains(
            "template is the spreadsheet error #REF!, which a formula gives when it fails, not a"
                + " value: write TFQR-1")
        .doesNotContain(", not TFQR-1");
  }

  @Test
  void aCsvClaimCellThatIsAnErrorsNameRejectsItsRowOnly() {
    new ReturnWriter(dir)
        .claim(CLAIM)
        .claim("fam-000000000002-9f3a,#N/A,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH")
        .claim("fam-000000000003-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,#N/A")
        .claim("#REF!,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH")
        .claim("fam-000000000005-9f3a,2015-04-07,#N/A,2015-06-12,CRIME_ASB;HEALTH")
        .write("r");

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.accepted()).as(outcome.findings().toString()).isTrue();
    assertThat(outcome.findings())
        .extracting(f -> f.ruleId() + " " + f.column() + " " + f.row())
        .containsExactlyInAnyOrder(
            "TFQR-C02 attached_on 3",
            "TFQR-C05 problems_at_entry 4",
            "TFQR-C01 family_ref 5",
            "TFQR-C03 result 6");
    // Said as what it is, not as a value that fails the column's pattern or list.
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "family_ref is the spreadsheet error #REF!, which a formula gives when it"
                            + " fails, not a value."))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "result is the spreadsheet error #N/A, which a formula gives when it fails,"
                            + " not a value."));
    assertThat(outcome.claims()).extracting(Claim::row).containsExactly(2);
  }

  /** Only a whole cell that is an error's name is one: text that mentions one is text. */
  @Test
  void textThatOnlyMentionsAnErrorIsText() {
    new ReturnWriter(dir)
        .set("revision_note", "The #N/A in row 7 of the last return is now a count")
        .set("sro_sign_off", "#N/A Director")
        .claim(CLAIM)
        .write("r");

    ReturnOutcome outcome = HostileFiles.readOnlyReturn(dir).outcome();

    assertThat(outcome.accepted()).as(outcome.findings().toString()).isTrue();
    assertThat(outcome.summary().orElseThrow().revisionNote())
        .isEqualTo("The #N/A in row 7 of the last return is now a count");
    assertThat(outcome.summary().orElseThrow().sroSignOff()).isEqualTo("#N/A Director");
    assertThat(outcome.claims()).extracting(Claim::row).containsExactly(2);
  }
}
