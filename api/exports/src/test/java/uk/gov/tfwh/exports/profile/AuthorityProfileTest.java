package uk.gov.tfwh.exports.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.tfwh.exports.ExportFile;
import uk.gov.tfwh.exports.Exports;
import uk.gov.tfwh.exports.source.Provenance;
import uk.gov.tfwh.exports.text.FigureText;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryEngineConfig;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;
import uk.gov.tfwh.warehouse.query.embedded.WarehouseReader;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;
import uk.gov.tfwh.warehouse.sample.SampleWarehouse;

/**
 * Profiles of the seed-1 sample read back with PDFBox and compared with the query layer's own
 * answers for the same snapshot, for two quarters of each phase; and the shared reads of a bulk run
 * held to the one-authority reads for every authority.
 */
class AuthorityProfileTest {
  private static final String KENT = "E10000016";
  private static WarehouseReader sample;
  private static WarehouseReleases store;
  private static WarehouseQueries queries;
  private static Exports exports;

  @BeforeAll
  static void open() {
    sample = WarehouseReader.iceberg(SampleWarehouse.seed1Catalog(), Map.of());
    store = sample.releases();
    queries = sample.queries(QueryEngineConfig.defaults());
    exports = new Exports(queries, store, Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    if (queries != null) {
      queries.close();
    }
    if (sample != null) {
      sample.close();
    }
  }

  private static QueryResult query(Query query, Map<String, ?> args) {
    return queries.run(SnapshotSelector.published(), query, args);
  }

  @ParameterizedTest
  @CsvSource({
    "1, 2013-09-30, E10000016",
    "1, 2015-03-31, E08000025",
    "2, 2016-12-31, E10000016",
    "2, 2020-03-31, E06000023"
  })
  void theProfileHoldsTheAuthoritysFiguresAsTheQueriesGiveThemOnTwoPages(
      int phase, LocalDate period, String code) throws IOException {
    ExportFile file =
        exports.authorityProfilePdf(
            code, Phase.ofNumber(phase), Quarter.endingOn(period), SnapshotSelector.published());
    String text;
    try (PDDocument document = Loader.loadPDF(file.content())) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      text = new PDFTextStripper().getText(document);
    }
    QueryResult progress =
        query(Query.AUTHORITY_PROGRESS, Map.of("authority", code, "phase", phase));
    int row = progress.column("period_end").indexOf(period);
    assertThat(row).as("the sample has figures for " + code).isNotNegative();
    assertThat(text)
        .contains(FigureText.count(progress.value(row, "turned_around", Long.class)))
        .contains(
            FigureText.count(progress.value(row, "target_families", Integer.class).longValue()))
        .contains(FigureText.percent(progress.value(row, "percent_of_target", BigDecimal.class)))
        .doesNotContain("OFFICIAL-SENSITIVE");
    assertThat(text).contains(phase == 1 ? "Families turned around" : "Successful family outcomes");
    if (phase == 2) {
      assertThat(text.toLowerCase()).doesNotContain("turned around (cumulative");
    }
    for (String group : List.of("neighbours", "region", "type", "england")) {
      BenchmarkSummary summary =
          BenchmarkSummary.of(
              query(
                  Query.BENCHMARK,
                  Map.of(
                      "authority",
                      code,
                      "phase",
                      phase,
                      "period",
                      period,
                      "comparison_group",
                      group)));
      assertThat(text)
          .contains(summary.groupRank() + " of " + summary.groupSize())
          .contains(FigureText.percent(summary.lowerQuartile()))
          .contains(FigureText.percent(summary.median()))
          .contains(FigureText.percent(summary.upperQuartile()));
    }
    // Every member of the neighbour group, with its figure and rank.
    QueryResult neighbours =
        query(
            Query.BENCHMARK,
            Map.of(
                "authority",
                code,
                "phase",
                phase,
                "period",
                period,
                "comparison_group",
                "neighbours"));
    for (int r = 0; r < neighbours.size(); r++) {
      assertThat(text)
          .contains(
              neighbours.value(r, "group_rank", Integer.class)
                  + " "
                  + neighbours.value(r, "authority_name", String.class))
          .contains(
              FigureText.count(neighbours.value(r, "turned_around", Long.class))
                  + " "
                  + FigureText.count(
                      neighbours.value(r, "target_families", Integer.class).longValue())
                  + " "
                  + FigureText.percent(neighbours.value(r, "percent_of_target", BigDecimal.class)));
    }
    QueryResult payments = query(Query.PAYMENTS, Map.of("phase", phase, "authority", code));
    BigDecimal toDate = null;
    for (int i = 0; i < payments.size(); i++) {
      if (!payments.value(i, "period_end", LocalDate.class).isAfter(period)) {
        toDate = payments.value(i, "cumulative_gbp", BigDecimal.class);
      }
    }
    assertThat(toDate).isNotNull();
    assertThat(text).contains("Paid to date " + FigureText.money(toDate));
  }

  @ParameterizedTest
  @CsvSource({"ONE, 2015-03-31", "TWO, 2018-03-31"})
  void aBulkRunSharesReadsYetGivesEveryAuthorityTheProfileItsOwnReadsGive(
      Phase phase, LocalDate period) {
    Provenance pinned =
        Provenance.of(
            PinnedSnapshot.pin(store, SnapshotSelector.published()), store, Clock.systemUTC());
    AuthorityProfileReader bulk =
        AuthorityProfileReader.everyAuthority(
            queries, pinned, phase, Quarter.endingOn(period), true);
    AuthorityProfileReader single =
        AuthorityProfileReader.single(
            queries, pinned, pinned.snapshot(), phase, Quarter.endingOn(period), true);
    assertThat(bulk.authorityNames()).hasSize(152);
    for (String code : bulk.authorityNames().keySet()) {
      assertThat(bulk.read(code)).as(code).isEqualTo(single.read(code));
    }
  }
}
