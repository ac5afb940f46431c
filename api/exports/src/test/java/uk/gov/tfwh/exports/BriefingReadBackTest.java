package uk.gov.tfwh.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.exports.pdf.BriefingPdfWriter;
import uk.gov.tfwh.exports.text.FigureText;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * Issue 20: the briefing's key messages read back from the PDF (PDFBox text extraction) say what
 * the warehouse's own queries say, for every quarter of both phases of the seed-1 sample (in which
 * no authority ever falls) and of the small fixture (in which one does); and no page of any of them
 * is left holding a few lines.
 */
class BriefingReadBackTest {
  /** The fewest lines of text a page may hold besides its footer (the last page included). */
  private static final int FEWEST_LINES = 8;

  @TempDir static Path dir;
  private static ExportWarehouse seed1;
  private static ExportWarehouse fixture;
  private static ExportWarehouse warehouse;
  private static int withFalls;
  private static int withoutFalls;

  @BeforeAll
  static void open() {
    fixture = ExportWarehouse.fixture(dir);
    seed1 = ExportWarehouse.seed1();
  }

  @AfterAll
  static void close() {
    fixture.close();
    if (seed1 != null) {
      seed1.close();
    }
  }

  private static QueryResult query(Query query, Map<String, ?> args) {
    return warehouse.queries.run(SnapshotSelector.published(), query, args);
  }

  @Test
  void keyMessagesSayWhatTheWarehouseSaysInEveryQuarterOfBothPhases() throws IOException {
    withFalls = 0;
    withoutFalls = 0;
    for (ExportWarehouse each : List.of(seed1, fixture)) {
      warehouse = each;
      everyQuarter();
    }
    assertThat(withFalls).as("quarters in which some authority fell").isPositive();
    assertThat(withoutFalls).as("quarters in which none fell").isPositive();
  }

  private static void everyQuarter() throws IOException {
    for (Phase phase : List.of(Phase.ONE, Phase.TWO)) {
      QueryResult periods = query(Query.PERIODS, Map.of("phase", phase.number()));
      LocalDate previous = null;
      for (int p = 0; p < periods.size(); p++) {
        if (periods.value(p, "authorities_reporting", Long.class) == 0) {
          continue;
        }
        LocalDate period = periods.value(p, "period_end", LocalDate.class);
        String quarter = periods.value(p, "quarter_label", String.class);
        Map<String, Object> at = Map.of("phase", phase.number(), "period", period);
        String text = briefingText(phase, period);
        String where = "phase " + phase.number() + " " + quarter;

        QueryResult national = query(Query.NATIONAL_TOTALS, at);
        assertThat(text)
            .as(where + ": position")
            .contains(
                FigureText.count(national.value(0, "turned_around", Long.class))
                    + " "
                    + phase.outcomeCount()
                    + " in England: "
                    + FigureText.percent(national.value(0, "percent_of_target", BigDecimal.class))
                    + " of the phase "
                    + phase.number()
                    + " target of "
                    + FigureText.count(national.value(0, "target_families", Long.class))
                    + ", with "
                    + national.value(0, "authorities_reporting", Long.class)
                    + " of "
                    + national.value(0, "authorities_total", Long.class)
                    + " authorities reporting.");

        QueryResult league = query(Query.LEAGUE_TABLE, at);
        List<Integer> moved = new ArrayList<>();
        for (int r = 0; r < league.size(); r++) {
          if (league.value(r, "change_in_percent_points", BigDecimal.class) != null) {
            moved.add(r);
          }
        }
        Comparator<Integer> byChange =
            Comparator.comparing(
                (Integer r) -> league.value(r, "change_in_percent_points", BigDecimal.class));
        Comparator<Integer> byRankThenName =
            Comparator.comparing((Integer r) -> league.value(r, "national_rank", Integer.class))
                .thenComparing(r -> league.value(r, "authority_name", String.class));
        List<Integer> falls =
            moved.stream()
                .filter(
                    r -> league.value(r, "change_in_percent_points", BigDecimal.class).signum() < 0)
                .sorted(byChange.thenComparing(byRankThenName))
                .toList();
        List<Integer> rises =
            moved.stream()
                .filter(
                    r -> league.value(r, "change_in_percent_points", BigDecimal.class).signum() > 0)
                .sorted(byChange.reversed().thenComparing(byRankThenName))
                .toList();
        if (previous == null) {
          assertThat(text).as(where).contains("No movers: there is no previous quarter");
        } else {
          assertThat(text)
              .as(where + ": largest rise")
              .contains(
                  rises.isEmpty()
                      ? "No authority's percentage of target rose"
                      : "Largest rise: " + mover(league, rises.get(0)));
          assertThat(text)
              .as(where + ": largest fall")
              .contains(
                  falls.isEmpty()
                      ? "no authority's percentage of target fell"
                      : "largest fall: " + mover(league, falls.get(0)));
          if (falls.isEmpty()) {
            withoutFalls++;
            assertThat(text)
                .contains("No authority's percentage of target fell since the previous");
          } else {
            withFalls++;
          }
        }

        BigDecimal paid = BigDecimal.ZERO;
        QueryResult payments = query(Query.PAYMENTS, Map.of("phase", phase.number()));
        for (int r = 0; r < payments.size(); r++) {
          if (!payments.value(r, "period_end", LocalDate.class).isAfter(period)) {
            paid = paid.add(payments.value(r, "total_gbp", BigDecimal.class));
          }
        }
        assertThat(text)
            .as(where + ": payments, rounded in the body and exact in the annex")
            .contains(FigureText.roundedMoney(paid) + " paid to")
            .contains(
                "Paid in phase "
                    + phase.number()
                    + " to the end of the quarter "
                    + FigureText.money(paid));

        QueryResult quality = query(Query.DATA_QUALITY, at);
        long late = quality.column("late").stream().filter(Boolean.TRUE::equals).count();
        long missing = quality.column("status").stream().filter("missing"::equals).count();
        assertThat(text)
            .as(where + ": before quoting")
            .contains("Late returns: " + late + ". Missing returns: " + missing + ".");
        if (late > 0) {
          assertThat(text).contains(late + " late return");
        }
        long atOrAbove = 0;
        for (int r = 0; r < league.size(); r++) {
          if (league.value(r, "turned_around", Long.class)
              >= league.value(r, "target_families", Integer.class)) {
            atOrAbove++;
          }
        }
        assertThat(text)
            .as(where + ": outlook")
            .contains(
                atOrAbove
                    + " of the "
                    + FigureText.count(league.size())
                    + " reporting authorities are at or above target");
        assertThat(text).as(where).doesNotContain(BriefingPdfWriter.PRE_RELEASE_MARKING);
        previous = period;
      }
    }
  }

  private static String mover(QueryResult league, int r) {
    return league.value(r, "authority_name", String.class)
        + " ("
        + FigureText.points(league.value(r, "change_in_percent_points", BigDecimal.class))
        + ")";
  }

  /** The briefing's text on one line, after checking no page of it holds only a few lines. */
  private static String briefingText(Phase phase, LocalDate period) throws IOException {
    ExportFile file =
        warehouse.exports.briefingPdf(
            phase, Quarter.endingOn(period), SnapshotSelector.published());
    try (PDDocument pdf = Loader.loadPDF(file.content())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        long lines = stripper.getText(pdf).lines().filter(l -> !l.isBlank()).count() - 1;
        assertThat(lines)
            .as("phase %d %s page %d of %d", phase.number(), period, page, pdf.getNumberOfPages())
            .isGreaterThanOrEqualTo(FEWEST_LINES);
      }
      stripper.setStartPage(1);
      stripper.setEndPage(pdf.getNumberOfPages());
      return stripper.getText(pdf).replace("\r", "").replace('\n', ' ');
    }
  }
}
