package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/**
 * Date cells of type {@code d} (ISO 8601 text, as strict Open XML and some libraries save them) are
 * date cells like styled numbers: they were read as text, so a valid date in a workbook from such a
 * writer was refused as "not a date written as YYYY-MM-DD".
 */
class IsoDateCellTest {
  @TempDir Path dir;

  @Test
  void isoDateCellsReadAsDatesWithOrWithoutTimeOrZone() throws IOException {
    ReturnOutcome outcome =
        read(
            Map.of(
                HostileFiles.SUMMARY_SHEET,
                sheet ->
                    sheet.replace(
                        "<c r=\"D2\" s=\"1\"><v>42185</v></c>",
                        "<c r=\"D2\" t=\"d\"><v>2015-06-30T00:00:00Z</v></c>"),
                HostileFiles.CLAIMS_SHEET,
                sheet ->
                    sheet
                        .replace(
                            "<c r=\"B2\" s=\"1\"><v>42095</v></c>",
                            "<c r=\"B2\" t=\"d\"><v>2015-04-01T00:00:00</v></c>")
                        .replace(
                            "<c r=\"D2\" s=\"1\"><v>42156</v></c>",
                            "<c r=\"D2\" t=\"d\"><v>2015-06-01</v></c>")));

    assertThat(outcome.accepted()).as(outcome.findings().toString()).isTrue();
    assertThat(outcome.findings()).extracting(Finding::row).doesNotContain(2);
    assertThat(outcome.summary().orElseThrow().quarter().end())
        .isEqualTo(LocalDate.of(2015, 6, 30));
    Claim first = outcome.claims().get(0);
    assertThat(first.row()).isEqualTo(2);
    assertThat(first.attachedOn()).isEqualTo(LocalDate.of(2015, 4, 1));
    assertThat(first.achievedOn()).isEqualTo(LocalDate.of(2015, 6, 1));
  }

  @Test
  void anIsoDateCellWithATimeOfDayOrThatIsNoDateIsRefusedByTheColumnsRule() throws IOException {
    ReturnOutcome outcome =
        read(
            Map.of(
                HostileFiles.CLAIMS_SHEET,
                sheet ->
                    sheet
                        .replace(
                            "<c r=\"B2\" s=\"1\"><v>42095</v></c>",
                            "<c r=\"B2\" t=\"d\"><v>2015-04-01T09:30:00</v></c>")
                        .replace(
                            "<c r=\"B3\" s=\"1\"><v>42097</v></c>",
                            "<c r=\"B3\" t=\"d\"><v>1st April</v></c>")));

    assertThat(outcome.findings())
        .filteredOn(f -> f.row() != null && f.row() <= 3)
        .extracting(f -> f.ruleId() + " row " + f.row() + ": " + f.message())
        .satisfiesExactly(
            two -> assertThat(two).startsWith("TFQR-C02 row 2").contains("2015-04-01T09:30"),
            three -> assertThat(three).startsWith("TFQR-C02 row 3").contains("'1st April'"));
  }

  private ReturnOutcome read(Map<String, UnaryOperator<String>> changes) throws IOException {
    HostileFiles.workbookWithChanged(dir.resolve("dates.xlsx"), changes);
    return HostileFiles.readOnlyReturn(dir).outcome();
  }
}
