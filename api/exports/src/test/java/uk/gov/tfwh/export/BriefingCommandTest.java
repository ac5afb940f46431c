package uk.gov.tfwh.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.export.pdf.BriefingPdfWriter;

/** {@code ./tfwh briefing} end to end on the fixture warehouse, and its exit codes. */
class BriefingCommandTest {
  @TempDir static Path warehouseDir;
  @TempDir Path out;
  private static ExportWarehouse warehouse;
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  @BeforeAll
  static void create() {
    warehouse = ExportWarehouse.fixture(warehouseDir);
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  private int run(String... args) {
    CommandLine line = BriefingCommand.commandLine(new BriefingCommand());
    line.setOut(new PrintWriter(stdout));
    line.setErr(new PrintWriter(stderr));
    return line.execute(args);
  }

  @Test
  void writesTheBriefingOfTheCurrentSnapshotMarkedPreReleaseAndItsFirstPage() throws IOException {
    Path pdf = out.resolve("briefing.pdf");
    Path png = out.resolve("page1.png");

    int code =
        run(
            "--warehouse", warehouseDir.toString(),
            "--phase", "1",
            "--period", "2013-09-30",
            "--out", pdf.toString(),
            "--png", png.toString());

    assertThat(code).as(stderr.toString()).isZero();
    assertThat(stdout.toString()).contains(ExportWarehouse.PRE_RELEASE).contains("PRE-RELEASE");
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(document))
          .contains(BriefingPdfWriter.PRE_RELEASE_MARKING)
          .contains(ExportWarehouse.PRE_RELEASE);
    }
    var image = ImageIO.read(png.toFile());
    // A4 at 110 dpi: 8.27 x 11.69 inches.
    assertThat(image.getWidth()).isEqualTo(909);
    assertThat(image.getHeight()).isEqualTo(1286);
  }

  @Test
  void thePublishedSnapshotCarriesNoMarking() throws IOException {
    Path pdf = out.resolve("published.pdf");
    int code =
        run(
            "--warehouse", warehouseDir.toString(),
            "--phase", "1",
            "--period", "2013-09-30",
            "--snapshot", "published",
            "--out", pdf.toString());

    assertThat(code).as(stderr.toString()).isZero();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(document))
          .doesNotContain(BriefingPdfWriter.PRE_RELEASE_MARKING)
          .contains(ExportWarehouse.PUBLISHED);
    }
  }

  @Test
  void theQuarterIsTakenAsTheApiTakesIt() throws IOException {
    Path byLabel = out.resolve("by-label.pdf");
    Path byDate = out.resolve("by-date.pdf");
    for (String[] quarter :
        new String[][] {{"2013Q3", byLabel.toString()}, {"2013-09-30", byDate.toString()}}) {
      int code =
          run(
              "--warehouse",
              warehouseDir.toString(),
              "--phase",
              "1",
              "--period",
              quarter[0],
              "--snapshot",
              "published",
              "--out",
              quarter[1]);
      assertThat(code).as(quarter[0] + ": " + stderr).isZero();
    }
    try (PDDocument label = Loader.loadPDF(byLabel.toFile());
        PDDocument date = Loader.loadPDF(byDate.toFile())) {
      // The same briefing, but for when each was generated (two runs may straddle a minute).
      assertThat(withoutGenerationTime(new PDFTextStripper().getText(label)))
          .isEqualTo(withoutGenerationTime(new PDFTextStripper().getText(date)));
    }
  }

  @Test
  void badOptionsExitTwoAndSayWhy() {
    String w = warehouseDir.toString();
    String o = out.resolve("x.pdf").toString();
    assertThat(run("--warehouse", w, "--phase", "1", "--out", o)).isEqualTo(2);
    assertThat(stderr.toString()).contains("--period");
    assertThat(run("--warehouse", w, "--phase", "3", "--period", "2013-09-30", "--out", o))
        .isEqualTo(2);
    assertThat(run("--warehouse", w, "--phase", "one", "--period", "2013-09-30", "--out", o))
        .isEqualTo(2);
    assertThat(run("--warehouse", w, "--phase", "1", "--period", "30/09/2013", "--out", o))
        .isEqualTo(2);
    assertThat(run("--warehouse", w, "--phase", "1", "--period", "2013-09-29", "--out", o))
        .isEqualTo(2);
    assertThat(stderr.toString()).contains("2013-09-29 is not the last day of a calendar quarter");
    assertThat(run("--warehouse", w, "--phase", "1", "--period", "2013-09-30", "--out", o, "--x"))
        .isEqualTo(2);
    assertThat(Files.exists(out.resolve("x.pdf"))).isFalse();
  }

  @Test
  void aMissingSnapshotOrWarehouseExitsOne() {
    String o = out.resolve("x.pdf").toString();
    assertThat(
            run(
                "--warehouse", warehouseDir.toString(),
                "--phase", "1",
                "--period", "2013-09-30",
                "--snapshot", "no-such-snapshot",
                "--out", o))
        .isEqualTo(1);
    assertThat(
            run(
                "--warehouse",
                out.resolve("nowhere").toString(),
                "--phase",
                "1",
                "--period",
                "2013-09-30",
                "--out",
                o))
        .isEqualTo(1);
  }

  private static String withoutGenerationTime(String text) {
    return text.lines()
        .filter(line -> !line.startsWith("Generated"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }
}
