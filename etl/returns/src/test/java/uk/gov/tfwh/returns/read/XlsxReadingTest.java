package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.Fixtures;
import uk.gov.tfwh.returns.ReturnWriter;
import uk.gov.tfwh.returns.model.Claim;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/** XLSX reading: typed cells, sheet layout, and the zip-bomb and size limits. */
class XlsxReadingTest {
  @TempDir Path dir;

  /** Writes a workbook whose cells are typed as a spreadsheet would type them. */
  private Path workbook(String name, Object[] summaryRow, Object[]... claimRows)
      throws IOException {
    Path file = dir.resolve(name + ".xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      Sheet summary = workbook.createSheet("Summary");
      write(summary.createRow(0), ReturnWriter.SUMMARY_HEADER.split(","), date);
      write(summary.createRow(1), summaryRow, date);
      Sheet claims = workbook.createSheet("claims");
      write(claims.createRow(0), ReturnWriter.CLAIMS_HEADER.split(","), date);
      for (int i = 0; i < claimRows.length; i++) {
        // leave a blank row between claims, as people do
        write(claims.createRow(1 + 2 * i), claimRows[i], date);
      }
      workbook.write(out);
    }
    return file;
  }

  private static void write(Row row, Object[] values, CellStyle date) {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        continue;
      }
      var cell = row.createCell(i);
      if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else if (value instanceof LocalDate day) {
        cell.setCellValue(day);
        cell.setCellStyle(date);
      } else if (value instanceof LocalDateTime moment) {
        cell.setCellValue(moment);
        cell.setCellStyle(date);
      } else {
        cell.setCellValue(value.toString());
      }
    }
  }

  private static Object[] summary() {
    return new Object[] {
      "TFQR-1",
      "E06000023",
      2,
      LocalDate.of(2015, 6, 30),
      520,
      260,
      null,
      1,
      null,
      2,
      "2015-06-30T16:30:00+01:00",
      "a@b.uk",
      "A. Director",
      null
    };
  }

  private static Object[] claim(String ref, Object attached, Object achieved) {
    return new Object[] {ref, attached, "SUSTAINED_PROGRESS", achieved, "CRIME_ASB;HEALTH"};
  }

  @Test
  void typedCellsAreReadByTypeAndBlankRowsSkipped() throws IOException {
    workbook(
        "w",
        summary(),
        claim("fam-000000000101-9f3a", LocalDate.of(2015, 4, 1), LocalDate.of(2015, 6, 1)),
        claim("fam-000000000102-9f3a", "2015-04-02", LocalDate.of(2015, 6, 2)));
    ReturnOutcome outcome = ReturnWriter.read(dir, "w");
    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.summary().orElseThrow().quarter().end())
        .isEqualTo(LocalDate.of(2015, 6, 30));
    assertThat(outcome.summary().orElseThrow().resultsSustainedProgress()).isEqualTo(2L);
    assertThat(outcome.claims()).extracting(Claim::row).containsExactly(2, 4);
    assertThat(outcome.claims().get(0).attachedOn()).isEqualTo(LocalDate.of(2015, 4, 1));
    assertThat(outcome.claims().get(1).attachedOn()).isEqualTo(LocalDate.of(2015, 4, 2));
  }

  @Test
  void fractionalNumbersDateTimesAndNumbersAsDatesAreNamedByType() throws IOException {
    Object[] row = summary();
    row[4] = 520.5; // families_identified
    row[3] = 42185; // period_end as a plain number, not a date cell
    row[10] = LocalDateTime.of(2015, 6, 30, 16, 30); // submitted_at without an offset
    workbook(
        "w",
        row,
        claim(
            "fam-000000000101-9f3a", LocalDateTime.of(2015, 4, 1, 9, 0), LocalDate.of(2015, 6, 1)));
    ReturnOutcome outcome = ReturnWriter.read(dir, "w");
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .extracting(Finding::ruleId, Finding::column)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("TFQR-S05", "families_identified"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S07", "period_end"),
            org.assertj.core.groups.Tuple.tuple("TFQR-S12", "submitted_at"));
    assertThat(outcome.findings())
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("the number 520.5"))
        .anySatisfy(m -> assertThat(m).contains("the number 42185"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        ", not an ISO 8601 timestamp with its offset (a spreadsheet date-time has"
                            + " no UTC offset; enter it as text; if that is UK time, write"
                            + " 2015-06-30T16:30:00+01:00)"));
    assertThat(outcome.findings())
        .allSatisfy(
            f -> {
              assertThat(f.file()).isEqualTo("w.xlsx");
              assertThat(f.sheet()).isEqualTo("summary");
              assertThat(f.row()).isEqualTo(2);
            });
    // the claims of a rejected return are counted, not checked
    assertThat(outcome.claimRowsRead()).isEqualTo(1);
  }

  /**
   * A family reference entered as a number fits the pattern when it has 16 digits or more, but a
   * spreadsheet keeps only 15 of them: it was accepted, possibly with its last digits changed.
   */
  @Test
  void aFamilyRefThatIsANumberCellIsRefusedForTheDigitsItMayHaveLost() throws IOException {
    workbook(
        "w",
        summary(),
        claim("fam-000000000101-9f3a", LocalDate.of(2015, 4, 1), LocalDate.of(2015, 6, 1)),
        new Object[] {
          1234567890123456L,
          LocalDate.of(2015, 4, 2),
          "SUSTAINED_PROGRESS",
          LocalDate.of(2015, 6, 2),
          "CRIME_ASB;HEALTH"
        });
    ReturnOutcome outcome = ReturnWriter.read(dir, "w");
    assertThat(outcome.claims())
        .extracting(Claim::familyRef)
        .containsExactly("fam-000000000101-9f3a");
    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("TFQR-C01");
              assertThat(f.row()).isEqualTo(4);
              assertThat(f.message())
                  .contains(
                      "family_ref is the number 1234567890123456, not text: a spreadsheet keeps"
                          + " only 15 digits of a number");
            });
  }

  /** A workbook laid out for reading: a title, an empty row, then the header; one finding. */
  @Test
  void aTitleAboveAWorkbooksHeaderIsOneFinding() throws IOException {
    Path file = dir.resolve("titled.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = workbook.createCellStyle();
      Sheet summary = workbook.createSheet("summary");
      write(summary.createRow(0), new Object[] {"Troubled Families quarterly return"}, date);
      write(summary.createRow(2), ReturnWriter.SUMMARY_HEADER.split(","), date);
      write(summary.createRow(3), summary(), date);
      Sheet claims = workbook.createSheet("claims");
      write(claims.createRow(0), ReturnWriter.CLAIMS_HEADER.split(","), date);
      workbook.write(out);
    }
    ReturnOutcome outcome = ReturnWriter.read(dir, "titled");
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("TFQR-S03");
              assertThat(f.row()).isEqualTo(1);
              assertThat(f.message())
                  .contains(
                      "row 1 ('Troubled Families quarterly return') is above the header, which is"
                          + " row 3");
            });
  }

  @Test
  void aDateTimeWithATimeOfDayIsNotADate() throws IOException {
    workbook(
        "w",
        summary(),
        claim(
            "fam-000000000101-9f3a", LocalDateTime.of(2015, 4, 1, 9, 0), LocalDate.of(2015, 6, 1)));
    ReturnOutcome outcome = ReturnWriter.read(dir, "w");
    assertThat(outcome.findings())
        .extracting(Finding::ruleId, Finding::row, Finding::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TFQR-C02", 2, "attached_on"));
  }

  @Test
  void aValueUnderAColumnWithoutAHeaderIsAColumnNotInTheTemplate() throws IOException {
    Object[] row = java.util.Arrays.copyOf(summary(), 16);
    row[15] = "stray";
    workbook("w", row);
    ReturnOutcome outcome = ReturnWriter.read(dir, "w");
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-S02");
    assertThat(outcome.findings().get(0).message()).contains("'stray'", "column 16");
  }

  /** Copies a workbook, replacing the first sheet's XML with a version padded by spaces. */
  private Path padded(Path source, String name, int spaces) throws IOException {
    Path target = dir.resolve(name + ".xlsx");
    try (ZipFile zip = new ZipFile(source.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = zip.getInputStream(entry)) {
          if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
            out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
            byte[] block = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < spaces; written += block.length) {
              out.write(block, 0, Math.min(block.length, spaces - written));
            }
            out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
          } else {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    return target;
  }

  @Test
  void aZipBombIsRefusedFromItsDeclaredExpansion() throws IOException {
    Path good = workbook("good", summary());
    Path bomb = padded(good, "bomb", 200 * 1024 * 1024);
    Files.delete(good);
    assertThat(Files.size(bomb)).isLessThan(ReadLimits.MIB);
    ReturnOutcome outcome = ReturnWriter.read(dir, "bomb");
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F03");
    assertThat(outcome.findings().get(0).message()).contains("zip bomb", "expands");
  }

  @Test
  void aSmallPartThatExpandsTooMuchIsRefusedByPoisGuardToo() throws IOException {
    Path good = workbook("good", summary());
    padded(good, "small", 900 * 1024); // under our 1 MB declared-size floor, ratio about 900
    Files.delete(good);
    ReturnOutcome outcome = ReturnWriter.read(dir, "small");
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F03");
  }

  @Test
  void aWorkbookOverTheUncompressedLimitIsRefused() throws IOException {
    Path good = workbook("good", summary());
    padded(good, "big", 3 * 1024 * 1024);
    Files.delete(good);
    ReadLimits limits = new ReadLimits(50 * ReadLimits.MIB, 2 * ReadLimits.MIB, 100_000, 10);
    ReturnOutcome outcome = ReturnWriter.read(dir, "big", Fixtures.reference(), limits);
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F03");
    assertThat(outcome.findings().get(0).message()).contains("more than 2097152 bytes");
  }

  @Test
  void paddingWithinTheLimitsIsStillAValidWorkbook() throws IOException {
    Path good = workbook("good", summary());
    padded(good, "fine", 64 * 1024);
    Files.delete(good);
    assertThat(ReturnWriter.read(dir, "fine").findings()).isEmpty();
    assertThat(List.of(dir.toFile().list())).containsExactly("fine.xlsx");
  }

  /**
   * A file named as a workbook that is recognisably something else says what it is; a damaged zip
   * keeps saying why it cannot be read.
   */
  @Test
  void aWorkbookThatIsSomethingElseSaysWhatItIs() throws IOException {
    String csv =
        ReturnWriter.SUMMARY_HEADER
            + "\nTFQR-1,E06000023,2,2015-06-30,520,260,,1,,2,2015-06-30T16:30:00+01:00,a@b.uk,A,\n";
    byte[] utf16Text = csv.getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16 = new byte[utf16Text.length + 2];
    utf16[0] = (byte) 0xFF;
    utf16[1] = (byte) 0xFE;
    System.arraycopy(utf16Text, 0, utf16, 2, utf16Text.length);
    byte[] xls = new byte[600];
    System.arraycopy(
        new byte[] {
          (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
        },
        0,
        xls,
        0,
        8);
    byte[] workbook = Files.readAllBytes(workbook("whole", summary()));
    byte[] cut = java.util.Arrays.copyOf(workbook, workbook.length / 2);

    assertThat(refusal("csv", csv.getBytes(StandardCharsets.UTF_8)))
        .contains(
            "not a readable XLSX workbook: it is text, such as a CSV file, not a workbook: name a"
                + " CSV return <stem>.summary.csv");
    assertThat(refusal("utf16", utf16))
        .contains("not a readable XLSX workbook: it is UTF-16 text, not a workbook");
    assertThat(refusal("xls", xls))
        .contains("not a readable XLSX workbook: it is an Excel 97-2003 workbook (.xls)");
    assertThat(refusal("cut", cut))
        .contains("not a readable XLSX workbook (it is not a valid zip archive")
        .doesNotContain("it is text", "UTF-16", ".xls)");
  }

  private String refusal(String stem, byte[] bytes) throws IOException {
    Path one = Files.createDirectories(dir.resolve("refusal-" + stem));
    Files.write(one.resolve(stem + ".xlsx"), bytes);
    ReturnOutcome outcome = ReturnWriter.read(one, stem);
    assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("TFQR-F02");
    return outcome.findings().get(0).message();
  }
}
