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
    new ReturnWriter(dir).set("period_end", "30/06/2015").claim(CLAIM).write(STEM);

    ReturnOutcome outcome = ReturnWriter.read(dir, STEM);

    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "period_end is '30/06/2015', not a date written as YYYY-MM-DD (written day"
                            + " first: as YYYY-MM-DD it is 2015-06-30)"));
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
