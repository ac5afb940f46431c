package uk.gov.tfwh.returns.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.Fixtures;
import uk.gov.tfwh.returns.fuzz.FuzzedReturn.Shape;

/**
 * The fuzz corpus kept in the repository starts from every contract example, encoded as {@link
 * FuzzedReturn} inputs, plus a few workbooks with cell types the examples lack. This test fails
 * when an example changed or was added without its seed; {@code -Dtfwh.fuzz.writeSeeds=true}
 * (re)writes the seeds. Inputs the fuzzer finds later sit beside them.
 */
class SeedCorpusTest {
  static final String CORPUS = "etl/returns/src/test/resources/fuzz/ReturnReaderFuzzTestInputs";

  static Path corpusDir() {
    return Fixtures.root().resolve(CORPUS).resolve("readReturn");
  }

  /** Every seed, by file name. */
  static Map<String, byte[]> seeds() throws IOException {
    Map<String, byte[]> seeds = new TreeMap<>();
    Path examples = Fixtures.examples();
    try (Stream<Path> files = Files.list(examples)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        if (name.endsWith(".summary.csv")) {
          String stem = name.substring(0, name.length() - ".summary.csv".length());
          Path claims = examples.resolve(stem + ".claims.csv");
          seeds.put("seed-csv-" + stem, FuzzedReturn.encode(Shape.CSV_SUMMARY, bytes));
          if (Files.exists(claims)) {
            seeds.put(
                "seed-csv-pair-" + stem,
                FuzzedReturn.encode(Shape.CSV_PAIR, bytes, Files.readAllBytes(claims)));
          }
        } else if (name.endsWith(".xlsx")) {
          String stem = name.substring(0, name.length() - ".xlsx".length());
          seeds.put("seed-xlsx-" + stem, FuzzedReturn.encode(Shape.XLSX_BYTES, bytes));
        }
      }
    }
    Map<String, byte[]> bristol =
        WorkbookTemplate.parts(examples.resolve(WorkbookTemplate.EXAMPLE));
    byte[] summary = bristol.get(WorkbookTemplate.SUMMARY_SHEET);
    byte[] claims = bristol.get(WorkbookTemplate.CLAIMS_SHEET);
    seeds.put("seed-sheets-bristol", FuzzedReturn.encode(Shape.XLSX_SHEETS, summary, claims));
    // The same workbook with a shared string, a formula's cached text, a boolean and an error
    // cell, which the examples do not have.
    String sheet = new String(summary, StandardCharsets.UTF_8);
    String typed =
        sheet
            .replace(
                "<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">TFQR-1</t></is></c>",
                "<c r=\"A2\" t=\"s\"><v>0</v></c>")
            .replace(
                "<c r=\"B2\" t=\"inlineStr\">",
                "<c r=\"O2\" t=\"str\"><f>1+1</f><v>=SUM(A1)</v></c>"
                    + "<c r=\"P2\" t=\"b\"><v>1</v></c><c r=\"Q2\" t=\"e\"><v>#N/A</v></c>"
                    + "<c r=\"B2\" t=\"inlineStr\">");
    String strings =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst"
            + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\""
            + " uniqueCount=\"1\"><si><t>TFQR-1</t></si></sst>";
    seeds.put(
        "seed-sheets-typed-cells",
        FuzzedReturn.encode(
            Shape.XLSX_SHEETS,
            typed.getBytes(StandardCharsets.UTF_8),
            claims,
            strings.getBytes(StandardCharsets.UTF_8)));
    return seeds;
  }

  @Test
  void everyContractExampleIsInTheCorpus() throws IOException {
    Map<String, byte[]> seeds = seeds();
    if (Boolean.getBoolean("tfwh.fuzz.writeSeeds")) {
      Files.createDirectories(corpusDir());
      for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
        Files.write(corpusDir().resolve(seed.getKey()), seed.getValue());
      }
    }
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(18);
    for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
      Path file = corpusDir().resolve(seed.getKey());
      assertThat(file).as("seed %s (write with -Dtfwh.fuzz.writeSeeds=true)", file).exists();
      assertThat(Files.readAllBytes(file)).as(seed.getKey()).isEqualTo(seed.getValue());
    }
  }

  @Test
  void aSeedDecodesToTheFilesItWasMadeFrom(@TempDir Path dir) throws IOException {
    byte[] summary = "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] claims = "c\r\n3\r\n".getBytes(StandardCharsets.UTF_8);
    FuzzedReturn decoded =
        FuzzedReturn.decode(FuzzedReturn.encode(Shape.CSV_PAIR, summary, claims));
    assertThat(decoded.writeTo(dir)).containsExactly("fuzz.summary.csv", "fuzz.claims.csv");
    assertThat(dir.resolve("fuzz.summary.csv")).hasBinaryContent(summary);
    assertThat(dir.resolve("fuzz.claims.csv")).hasBinaryContent(claims);
    assertThat(FuzzedReturn.decode(new byte[] {(byte) 7, (byte) 120}).shape())
        .isEqualTo(Shape.XLSX_SHEETS);
  }
}
