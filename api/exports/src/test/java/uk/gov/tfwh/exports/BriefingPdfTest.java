package uk.gov.tfwh.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.exports.briefing.BriefingFigures;
import uk.gov.tfwh.exports.pdf.BriefingPdfWriter;
import uk.gov.tfwh.exports.text.FigureText;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** The briefing PDF read back with PDFBox: its figures, marking, metadata, fonts and structure. */
class BriefingPdfTest {
  @TempDir static Path dir;
  private static ExportWarehouse warehouse;

  @BeforeAll
  static void open() {
    warehouse = ExportWarehouse.fixture(dir);
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  private static PDDocument briefing(SnapshotSelector snapshot) throws IOException {
    ExportFile file =
        warehouse.exports.briefingPdf(Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2), snapshot);
    assertThat(file.mediaType()).isEqualTo("application/pdf");
    return Loader.loadPDF(file.content());
  }

  private static String text(PDDocument pdf) throws IOException {
    return new PDFTextStripper().getText(pdf);
  }

  private static QueryResult query(String snapshot, Query query, Map<String, ?> args) {
    return warehouse.queries.run(SnapshotSelector.byId(snapshot), query, args);
  }

  @Test
  void headlineFiguresAreTheWarehousesForTheSameSnapshot() throws IOException {
    for (String snapshot : List.of(ExportWarehouse.PUBLISHED, ExportWarehouse.PRE_RELEASE)) {
      QueryResult national =
          query(snapshot, Query.NATIONAL_TOTALS, Map.of("phase", 1, "period", SnapshotFixture.Q2));
      long turnedAround = national.value(0, "turned_around", Long.class);
      long target = national.value(0, "target_families", Long.class);
      BigDecimal percent = national.value(0, "percent_of_target", BigDecimal.class);
      QueryResult before =
          query(snapshot, Query.NATIONAL_TOTALS, Map.of("phase", 1, "period", SnapshotFixture.Q1));
      long change = turnedAround - before.value(0, "turned_around", Long.class);
      BigDecimal paid = BigDecimal.ZERO;
      QueryResult payments = query(snapshot, Query.PAYMENTS, Map.of("phase", 1));
      for (int r = 0; r < payments.size(); r++) {
        if (!payments
            .value(r, "period_end", java.time.LocalDate.class)
            .isAfter(SnapshotFixture.Q2)) {
          paid = paid.add(payments.value(r, "total_gbp", BigDecimal.class));
        }
      }

      try (PDDocument pdf = briefing(SnapshotSelector.byId(snapshot))) {
        String text = text(pdf).replace('\n', ' ').replace("\r", "");
        assertThat(text)
            .contains(
                FigureText.count(turnedAround)
                    + " families turned around in England: "
                    + FigureText.percent(percent)
                    + " of the phase 1 target of "
                    + FigureText.count(target))
            .contains(FigureText.signedCount(change) + " (")
            .contains("Paid in phase 1 to the end of the quarter " + FigureText.money(paid))
            .contains(FigureText.roundedMoney(paid) + " paid to")
            .contains("Snapshot " + snapshot);
      }
    }
  }

  @Test
  void topTenAndRegionsListTheLeagueTableInRankOrder() throws IOException {
    QueryResult league =
        query(
            ExportWarehouse.PUBLISHED,
            Query.LEAGUE_TABLE,
            Map.of("phase", 1, "period", SnapshotFixture.Q2));
    QueryResult regions =
        query(
            ExportWarehouse.PUBLISHED,
            Query.REGION_TOTALS,
            Map.of("phase", 1, "period", SnapshotFixture.Q2));
    try (PDDocument pdf = briefing(SnapshotSelector.published())) {
      String text = text(pdf);
      List<String> rows = new ArrayList<>();
      for (int r = 0; r < league.size(); r++) {
        rows.add(
            league.value(r, "national_rank", Integer.class)
                + " "
                + league.value(r, "authority_name", String.class)
                + " "
                + league.value(r, "region_name", String.class)
                + " "
                + FigureText.count(league.value(r, "turned_around", Long.class))
                + " "
                + FigureText.count(league.value(r, "target_families", Integer.class).longValue())
                + " "
                + FigureText.percent(league.value(r, "percent_of_target", BigDecimal.class)));
      }
      String top = text.substring(text.indexOf("Top ten"), text.indexOf("Bottom ten"));
      assertThat(top).containsSubsequence(rows);
      for (int r = 0; r < regions.size(); r++) {
        assertThat(text)
            .contains(
                regions.value(r, "region_name", String.class)
                    + " "
                    + regions.value(r, "authorities_reporting", Long.class)
                    + " of "
                    + regions.value(r, "authorities_total", Long.class));
      }
    }
  }

  @Test
  void theMarkingIsOnEveryPageBeforePublicationAndNowhereAfter() throws IOException {
    try (PDDocument pdf = briefing(SnapshotSelector.current())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(pdf))
            .as("page %d", page)
            .contains(BriefingPdfWriter.PRE_RELEASE_MARKING);
      }
      assertThat(text(pdf)).contains("Pre-release (not yet published)");
    }
    try (PDDocument pdf = briefing(SnapshotSelector.published())) {
      assertThat(text(pdf))
          .doesNotContain("PRE-RELEASE")
          .contains("Published figures.")
          .contains("Status Published");
    }
  }

  @Test
  void isARealDocumentA4TitledInEnglishWithEmbeddedFontsAndTags() throws IOException {
    try (PDDocument pdf = briefing(SnapshotSelector.published())) {
      assertThat(pdf.getDocumentInformation().getTitle())
          .isEqualTo("Troubled Families Programme: phase 1, 2013Q3");
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
      assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
      assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(pdf.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
      for (PDPage page : pdf.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
        assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
        // The chart is vector graphics: no page carries an image.
        assertThat(page.getResources().getXObjectNames()).isEmpty();
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void theStructureTreeHasHeadingsTablesAndAFigureWithAlternateText() throws IOException {
    try (PDDocument pdf = briefing(SnapshotSelector.published())) {
      List<PDStructureElement> elements = new ArrayList<>();
      collect(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), elements);
      assertThat(elements)
          .extracting(PDStructureElement::getStructureType)
          .contains("Document", "H1", "H2", "P", "Table", "TR", "TH", "TD", "Figure", "L", "LI");
      PDStructureElement figure =
          elements.stream().filter(e -> e.getStructureType().equals("Figure")).findFirst().get();
      assertThat(figure.getAlternateDescription())
          .startsWith("Line chart of families turned around in England")
          .contains("2013Q3");
      assertThat(pdf.getPage(0).getStructParents()).isZero();
      assertThat(pdf.getDocumentCatalog().getStructureTreeRoot().getParentTree()).isNotNull();
    }
  }

  private static void collect(List<Object> kids, List<PDStructureElement> into) {
    for (Object kid : kids) {
      if (kid instanceof PDStructureElement element) {
        into.add(element);
        collect(element.getKids(), into);
      }
    }
  }

  @Test
  void theFiguresMethodReturnsWhatThePdfShows() {
    BriefingFigures figures =
        warehouse.exports.briefingFigures(
            Phase.ONE, Quarter.endingOn(SnapshotFixture.Q2), SnapshotSelector.published());
    assertThat(figures.provenance().snapshotId()).isEqualTo(ExportWarehouse.PUBLISHED);
    assertThat(figures.provenance().published()).isTrue();
    assertThat(figures.trajectory())
        .extracting(p -> p.period())
        .containsExactly(SnapshotFixture.Q1, SnapshotFixture.Q2);
    assertThat(figures.top()).extracting(e -> e.code()).startsWith(SnapshotFixture.BRISTOL);
  }

  /** The request's parser refuses a quarter outside the phase; here it simply has no figures. */
  @Test
  void aQuarterOutsideThePhaseHasNoFigures() {
    assertThatThrownBy(
            () ->
                warehouse.exports.briefingPdf(
                    Phase.ONE, Quarter.of(2019, 4), SnapshotSelector.published()))
        .isInstanceOf(NoFiguresException.class)
        .hasMessageContaining("phase 1 2019Q4");
  }
}
