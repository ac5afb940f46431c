package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.Fixtures;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/** CSV reading: encodings, line ends, headers, blank rows and limits. */
class CsvReadingTest {
  @TempDir Path dir;

  private static final String ROW =
      "TFQR-1,E10000016,2,2015-06-30,1240,610,,2,,3,2015-06-30T16:30:00+01:00,a@b.uk,A. Director,";

  private ReturnOutcome readSummary(byte[] bytes) throws IOException {
    Files.write(dir.resolve("r.summary.csv"), bytes);
    return ReturnWriter.read(dir, "r");
  }

  @Test
  void byteOrderMarkLfLineEndsAndNoFinalLineEnd() throws IOException {
    byte[] text = (ReturnWriter.SUMMARY_HEADER + "\n" + ROW).getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    ReturnOutcome outcome = readSummary(withBom);
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.summary().orElseThrow().familiesIdentified()).isEqualTo(1240);
  }

  @Test
  void crlfLineEndsAndTrailingBlankLines() throws IOException {
    ReturnOutcome outcome =
        readSummary(
            (ReturnWriter.SUMMARY_HEADER + "\r\n" + ROW + "\r\n\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.summary().orElseThrow().row()).isEqualTo(2);
  }

  @Test
  void columnNamesIgnoreCaseAndOrderAndSurroundingSpaces() throws IOException {
    List<String> names = List.of(ReturnWriter.SUMMARY_HEADER.split(","));
    List<String> values = List.of(ROW.split(",", -1));
    StringBuilder header = new StringBuilder();
    StringBuilder row = new StringBuilder();
    for (int i = names.size() - 1; i >= 0; i--) {
      header
          .append(i == names.size() - 1 ? "" : ",")
          .append(" ")
          .append(names.get(i).toUpperCase());
      row.append(i == names.size() - 1 ? "" : ",").append(values.get(i));
    }
    ReturnOutcome outcome = readSummary((header + "\r\n" + row).getBytes(StandardCharsets.UTF_8));
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.summary().orElseThrow().familiesAttached()).isEqualTo(610);
  }

  @Test
  void quotedFieldsWithCommasQuotesAndLineBreaksAreKeptExactly() throws IOException {
    String sro = "Dr \"A\", Director\nof Children's Services";
    ReturnOutcome outcome =
        readSummary(
            (ReturnWriter.SUMMARY_HEADER
                    + "\r\n"
                    + ROW.replace("A. Director", ReturnWriter.csvValue(sro)))
                .getBytes(StandardCharsets.UTF_8));
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.summary().orElseThrow().sroSignOff()).isEqualTo(sro);
  }

  /**
   * A CSV saved with another separator (Excel's CSV where the comma is the decimal mark, or "Text
   * (Tab delimited)") is one finding naming the separator, not an unknown column and fourteen
   * missing ones; a header that is just wrong keeps its own findings.
   */
  @Test
  void aCsvSeparatedBySemicolonsOrTabsIsOneFindingNamingTheSeparator() throws IOException {
    for (String separator : List.of(";", "\t")) {
      ReturnOutcome outcome =
          readSummary(
              (ReturnWriter.SUMMARY_HEADER + "\n" + ROW)
                  .replace(",", separator)
                  .getBytes(StandardCharsets.UTF_8));

      assertThat(outcome.accepted()).isFalse();
      assertThat(outcome.findings()).hasSize(1);
      assertThat(outcome.findings().get(0).ruleId()).isEqualTo("TFQR-F05");
      assertThat(outcome.findings().get(0).row()).isEqualTo(1);
      assertThat(outcome.findings().get(0).message())
          .contains(
              "the values are separated by "
                  + (separator.equals(";") ? "semicolons (;)" : "tabs")
                  + ", not commas: save the file as \"CSV UTF-8 (comma delimited)\"");
    }

    ReturnOutcome oneKnownName =
        readSummary(("template;notes\n" + ROW).getBytes(StandardCharsets.UTF_8));
    assertThat(oneKnownName.findings())
        .extracting(Finding::ruleId)
        .contains("TFQR-S02", "TFQR-S03");
    assertThat(oneKnownName.findings())
        .extracting(Finding::message)
        .noneMatch(message -> message.contains("the values are separated by"));
  }

  /**
   * A file named as a CSV that is not UTF-8 text says what it is when it can be told from its first
   * bytes, so the sender learns the step that fixes it, not only a byte position.
   */
  @Test
  void aCsvThatIsNotTextSaysWhatItIs() throws IOException {
    byte[] text = (ReturnWriter.SUMMARY_HEADER + "\n" + ROW).getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16 = new byte[text.length + 2];
    utf16[0] = (byte) 0xFF;
    utf16[1] = (byte) 0xFE;
    System.arraycopy(text, 0, utf16, 2, text.length);
    byte[] zip = Files.readAllBytes(Fixtures.examples().resolve("valid-p2-bristol-2015Q2.xlsx"));
    byte[] xls = new byte[600];
    System.arraycopy(
        new byte[] {
          (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
        },
        0,
        xls,
        0,
        8);
    byte[] latin1 =
        (ReturnWriter.SUMMARY_HEADER + "\n" + ROW.replace("A. Director", "A. D\u00e9cor"))
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(onlyMessage(readSummary(utf16)))
        .contains("byte 1 (counting from 1, on line 1)")
        .contains("; it is UTF-16 text (it starts with a UTF-16 byte-order mark");
    assertThat(onlyMessage(readSummary(zip)))
        .contains("; it is a zip archive, such as an Excel workbook, not text: send a workbook as");
    assertThat(onlyMessage(readSummary(xls)))
        .contains("; it is an Excel 97-2003 workbook (.xls), not text");
    assertThat(onlyMessage(readSummary(latin1)))
        .as("text in another encoding: the byte position is what helps")
        .contains("does not start a valid UTF-8 character. Save the file as UTF-8");
  }

  private static String onlyMessage(ReturnOutcome outcome) {
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F01");
    return outcome.findings().get(0).message();
  }

  @Test
  void emptyFileHasNoHeader() throws IOException {
    ReturnOutcome outcome = readSummary(new byte[0]);
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-S03");
    assertThat(outcome.findings().get(0).message()).contains("no header row");
  }

  @Test
  void claimRowsOfARejectedReturnAreCountedAsRejected() {
    new ReturnWriter(dir)
        .set("template", "TFQR-2")
        .claim("fam-000000000001-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH")
        .claim("fam-000000000002-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH")
        .write("r");
    ReturnOutcome outcome = ReturnWriter.read(dir, "r");
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.claims()).isEmpty();
    assertThat(outcome.claimRowsRead()).isEqualTo(2);
    assertThat(outcome.claimRowsRejected()).isEqualTo(2);
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-S01");
  }

  @Test
  void moreClaimRowsThanTheLimitRefuseTheReturn() {
    ReturnWriter writer = new ReturnWriter(dir);
    for (int i = 0; i < 4; i++) {
      writer.claim(
          "fam-00000000000"
              + i
              + "-9f3a,2015-04-07,SUSTAINED_PROGRESS,2015-06-12,CRIME_ASB;HEALTH");
    }
    writer.write("r");
    ReadLimits limits = new ReadLimits(ReadLimits.MIB, ReadLimits.MIB, 100, 3);
    ReturnOutcome outcome = ReturnWriter.read(dir, "r", Fixtures.reference(), limits);
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).contains("TFQR-F03");
    assertThat(outcome.claimRowsRead()).isEqualTo(outcome.claimRowsRejected());
  }

  @Test
  void aSparse60MibFileIsRefusedBeforeItIsParsed() throws IOException {
    Path file = dir.resolve("huge.summary.csv");
    Files.writeString(file, ReturnWriter.SUMMARY_HEADER + "\r\n" + ROW + "\r\n");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(60 * ReadLimits.MIB); // zeros after the row: parsed, it would be ragged
    }
    long start = System.nanoTime();
    ReturnOutcome outcome = ReturnWriter.read(dir, "huge");
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F03");
    assertThat(outcome.findings().get(0).message())
        .contains(String.valueOf(60 * ReadLimits.MIB), "it was not read");
    // The scan hashes the file (streaming); the reader never opens it. Generous bound.
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
  }

  @Test
  void theReaderSurvivesJavaSerialisation() throws Exception {
    ReturnReader reader = new ReturnReader(Fixtures.reference(), ReadLimits.defaults());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(reader);
    }
    ReturnReader copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ReturnReader) in.readObject();
    }
    new ReturnWriter(dir).write("r");
    ReturnOutcome outcome = copy.read(dir, LandingFolder.scan(dir).returns().get(0));
    assertThat(outcome.accepted()).isTrue();
    ByteArrayOutputStream outcomeBytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(outcomeBytes)) {
      out.writeObject(outcome);
    }
    assertThat(outcomeBytes.size()).isPositive();
  }
}
