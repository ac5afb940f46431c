package uk.gov.tfwh.returns.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.Severity;
import uk.gov.tfwh.returns.read.ReadLimits;

/**
 * A million claim rows in one return, under the production limits. As CSV (about 70 MB) the file is
 * over the 50 MiB size limit and refused (TFQR-F03) without being parsed; as a workbook it
 * compresses below that limit and is streamed row by row, every row accounted for, in this module's
 * 512 MiB test heap. Slower than the rest (seconds), hence the tag.
 */
@Tag("slow")
class MillionClaimRowsTest {
  static final int ROWS = 1_000_000;

  @TempDir Path dir;

  private static String familyRef(int i) {
    return String.format("fam-%012d-9f3a", i);
  }

  @Test
  void asCsvTheFileIsRefusedBySize() throws IOException {
    new ReturnWriter(dir).write("million");
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                Files.newOutputStream(dir.resolve("million.claims.csv")),
                StandardCharsets.UTF_8))) {
      out.write(ReturnWriter.CLAIMS_HEADER + "\r\n");
      for (int i = 1; i <= ROWS; i++) {
        out.write(familyRef(i) + ",2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH\r\n");
      }
    }
    assertThat(Files.size(dir.resolve("million.claims.csv")))
        .isGreaterThan(ReadLimits.defaults().maxFileBytes());

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);

    assertThat(reading.outcome().accepted()).isFalse();
    assertThat(reading.outcome().findings())
        .extracting(Finding::ruleId)
        .containsExactly("TFQR-F03");
    assertThat(reading.allocatedBytes()).isLessThan(32 * ReadLimits.MIB);
  }

  @Test
  void asAWorkbookItIsStreamedAndRefusedAtTheRowLimit() throws IOException {
    String claims = HostileFiles.examplePart(HostileFiles.CLAIMS_SHEET);
    String header = claims.substring(0, claims.indexOf("<row r=\"2\""));
    HostileFiles.workbook(
        dir.resolve("million.xlsx"),
        Map.of(
            HostileFiles.CLAIMS_SHEET,
            out -> {
              try {
                Writer xml =
                    new BufferedWriter(
                        new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                xml.write(header);
                for (int i = 1; i <= ROWS; i++) {
                  int r = i + 1;
                  xml.write(
                      "<row r=\""
                          + r
                          + "\"><c r=\"A"
                          + r
                          + "\" t=\"inlineStr\"><is><t>"
                          + familyRef(i)
                          + "</t></is></c><c r=\"B"
                          + r
                          + "\" s=\"1\"><v>42101</v></c><c r=\"C"
                          + r
                          + "\" t=\"inlineStr\"><is><t>SUSTAINED_PROGRESS</t></is></c><c r=\"D"
                          + r
                          + "\" s=\"1\"><v>42167</v></c><c r=\"E"
                          + r
                          + "\" t=\"inlineStr\"><is><t>CRIME_ASB;HEALTH</t></is></c></row>");
                }
                xml.write("</sheetData></worksheet>");
                xml.flush();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }));
    assertThat(Files.size(dir.resolve("million.xlsx")))
        .isLessThan(ReadLimits.defaults().maxFileBytes());

    HostileFiles.Reading reading = HostileFiles.readOnlyReturn(dir);
    ReturnOutcome outcome = reading.outcome();

    int limit = ReadLimits.defaults().maxClaimRows();
    assertThat(limit).isLessThan(ROWS);
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F03");
    assertThat(outcome.findings().get(0).message())
        .contains("million.xlsx", "more than " + limit + " claim rows");
    assertThat(outcome.claims()).isEmpty();
    assertThat(outcome.claimRowsRejected()).isEqualTo(outcome.claimRowsRead());
    assertThat(outcome.claimRowsRead()).isBetween(limit, limit + 1);
    assertThat(outcome.findings()).noneMatch(f -> f.severity() == Severity.WARNING);
    System.out.printf(
        "million-row workbook: %s, %d claims accepted, %d rows rejected, %d ms, %d MiB"
            + " allocated, %d findings%n",
        outcome.accepted() ? "accepted" : "rejected",
        outcome.claims().size(),
        outcome.claimRowsRejected(),
        reading.millis(),
        reading.allocatedBytes() / ReadLimits.MIB,
        outcome.findings().size());
  }
}
