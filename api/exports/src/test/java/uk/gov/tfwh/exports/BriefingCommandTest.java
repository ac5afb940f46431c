package uk.gov.tfwh.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.exports.pdf.BriefingPdfWriter;
import uk.gov.tfwh.warehouse.sample.SampleWarehouse;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * {@code ./tfwh briefing} end to end on the fixture warehouse (the legacy folder store), and its
 * exit codes; and by default on the Iceberg store (the seed-1 sample).
 */
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

  /** Runs on the fixture's legacy folder store, which these tests are about. */
  private int run(String... args) {
    return run(Map.of("TFWH_STORE", "folder"), args);
  }

  private int run(Map<String, String> environment, String... args) {
    CommandLine line = BriefingCommand.commandLine(new BriefingCommand(environment));
    line.setOut(new PrintWriter(stdout));
    line.setErr(new PrintWriter(stderr));
    return line.execute(args);
  }

  @Test
  void writesTheBriefingOfTheCurrentSnapshotMarkedPreReleaseAndPicturesOfItsPages()
      throws IOException {
    Path pdf = out.resolve("briefing.pdf");
    Path png = out.resolve("briefing.png");

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
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      // A picture of every page, named after the file asked for.
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        assertThat(out.resolve("briefing-page" + page + ".png")).isRegularFile();
      }
    }
    var image = ImageIO.read(out.resolve("briefing-page1.png").toFile());
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

  /**
   * Issue 20: {@code --all-authorities} writes every authority's profile and an index with a line
   * per authority; an authority whose file cannot be written is reported, in the index and on
   * stderr, while the others are still written, and the run exits 1.
   */
  @Test
  void allAuthoritiesWritesEveryProfileAndAnIndexAndReportsOneFailureWithoutLosingTheRest()
      throws IOException {
    Path first = out.resolve("first");
    int code = allAuthorities(first);
    assertThat(code).as(stderr.toString()).isZero();
    List<String> index = Files.readAllLines(first.resolve("index.csv"));
    assertThat(index.get(0))
        .isEqualTo("authority_code,authority_name,file,pages,bytes,status,error");
    List<String> lines = index.subList(1, index.size());
    assertThat(lines).hasSize(SnapshotFixture.AUTHORITIES.size());
    List<String> files = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      assertThat(cells[5]).as(line).isEqualTo("written");
      assertThat(first.resolve(cells[2])).as(line).isRegularFile();
      files.add(cells[2]);
    }
    assertThat(stderr.toString()).contains("/" + lines.size());

    // The same run into a folder where one authority's file name is taken by a folder.
    Path second = out.resolve("second");
    Files.createDirectories(second.resolve(files.get(0)));
    stderr.getBuffer().setLength(0);
    code = allAuthorities(second);
    assertThat(code).isEqualTo(1);
    List<String> again = Files.readAllLines(second.resolve("index.csv"));
    assertThat(again.subList(1, again.size()))
        .filteredOn(l -> l.contains(",failed,"))
        .hasSize(1)
        .allSatisfy(l -> assertThat(l).startsWith(lines.get(0).split(",")[0] + ","));
    for (String file : files.subList(1, files.size())) {
      assertThat(second.resolve(file)).isRegularFile();
    }
    assertThat(stderr.toString()).contains("failed");
    assertThat(stdout.toString()).contains("1 failed");
  }

  /**
   * Two bulk runs into one folder would overwrite each other's files and leave an index that
   * describes neither: while one run holds the folder, a second is refused and writes nothing.
   */
  @Test
  void aSecondAllAuthoritiesRunIntoTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws IOException {
    Path folder = out.resolve("busy");
    Files.createDirectories(folder);
    try (FileChannel channel =
            FileChannel.open(
                folder.resolve(".tfwh-profiles.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      int code = allAuthorities(folder);
      assertThat(code).isNotZero();
      assertThat(stderr.toString())
          .contains("another ./tfwh briefing --all-authorities run is writing into " + folder);
      try (Stream<Path> written = Files.list(folder)) {
        assertThat(written.map(p -> p.getFileName().toString()))
            .containsExactly(".tfwh-profiles.lock");
      }
    }
    stderr.getBuffer().setLength(0);
    assertThat(allAuthorities(folder)).as(stderr.toString()).isZero();
    assertThat(folder.resolve("index.csv")).isRegularFile();
  }

  /** {@code ./tfwh briefing --all-authorities} for phase 1, 2013Q3 of the fixture into a folder. */
  private int allAuthorities(Path into) {
    return run(
        "--warehouse",
        warehouseDir.toString(),
        "--phase",
        "1",
        "--period",
        "2013Q3",
        "--all-authorities",
        "--out",
        into.toString());
  }

  /** A pre-release profile is marked on every page; a published one on none. */
  @Test
  void aProfileIsMarkedOnEveryPageBeforePublicationAndNowhereAfter() throws IOException {
    for (String snapshot : List.of("current", "published")) {
      Path pdf = out.resolve(snapshot + ".pdf");
      int code =
          run(
              "--warehouse",
              warehouseDir.toString(),
              "--phase",
              "1",
              "--period",
              "2013Q3",
              "--snapshot",
              snapshot,
              "--authority",
              SnapshotFixture.KENT,
              "--out",
              pdf.toString());
      assertThat(code).as(stderr.toString()).isZero();
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        assertThat(document.getNumberOfPages()).isEqualTo(2);
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
          PDFTextStripper stripper = new PDFTextStripper();
          stripper.setStartPage(page);
          stripper.setEndPage(page);
          String text = stripper.getText(document);
          if (snapshot.equals("current")) {
            assertThat(text).as("page " + page).contains(BriefingPdfWriter.PRE_RELEASE_MARKING);
          } else {
            assertThat(text).as("page " + page).doesNotContain("PRE-RELEASE");
          }
        }
      }
    }
  }

  /** An authority without figures in the quarter gets a valid profile that says so plainly. */
  @Test
  void aProfileOfAnAuthorityWithoutFiguresSaysSo() throws IOException {
    Path pdf = out.resolve("city.pdf");
    int code =
        run(
            "--warehouse",
            warehouseDir.toString(),
            "--phase",
            "1",
            "--period",
            "2013Q3",
            "--snapshot",
            "published",
            "--authority",
            SnapshotFixture.CITY_OF_LONDON,
            "--out",
            pdf.toString());
    assertThat(code).as(stderr.toString()).isZero();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("City of London").containsIgnoringCase("no figures");
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

  @Test
  void theIcebergStoreIsReadByDefault() throws IOException {
    Path pdf = out.resolve("sample.pdf");

    int code =
        run(
            Map.of(),
            "--warehouse",
            SampleWarehouse.seed1().toString(),
            "--phase",
            "1",
            "--period",
            "2015Q1",
            "--snapshot",
            "published",
            "--out",
            pdf.toString());

    assertThat(code).as(stderr.toString()).isZero();
    assertThat(stdout.toString()).contains(", published)").doesNotContain("PRE-RELEASE");
    assertThat(Files.size(pdf)).isPositive();
  }

  @Test
  void aWarehouseOfSnapshotFoldersIsRefusedUnlessTheFolderStoreIsAskedFor() {
    Path pdf = out.resolve("refused.pdf");

    int code =
        run(
            Map.of(),
            "--warehouse",
            warehouseDir.toString(),
            "--phase",
            "1",
            "--period",
            "2013-09-30",
            "--out",
            pdf.toString());

    assertThat(code).isEqualTo(2);
    assertThat(stderr.toString())
        .startsWith("tfwh briefing: " + warehouseDir + " holds snapshot folders")
        .contains("./tfwh migrate --from-snapshots " + warehouseDir)
        .contains("TFWH_STORE=folder")
        .hasLineCount(1);
    assertThat(pdf).doesNotExist();
  }

  /** The text without when it was generated: in annex E and in every page's footer. */
  private static String withoutGenerationTime(String text) {
    return text.lines()
        .filter(line -> !line.startsWith("Generated"))
        .map(line -> line.replaceAll("generated \\d{1,2} \\w+ \\d{4} [0-9:]+ UTC", "generated"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }
}
