package uk.gov.tfwh.api.web.authority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.benchmark.BenchmarkGroup;
import uk.gov.tfwh.api.benchmark.BenchmarkMember;
import uk.gov.tfwh.api.benchmark.Benchmarks;
import uk.gov.tfwh.api.benchmark.ComparisonGroup;
import uk.gov.tfwh.api.totals.Totals;
import uk.gov.tfwh.api.totals.TotalsLine;
import uk.gov.tfwh.api.web.chart.SeriesChart;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;

/**
 * An authority's percent of target quarter by quarter against its comparators, as Fingertips and
 * LAIT show a trend: its statistical neighbours' median (the set in effect at each quarter), its
 * region and England (each the catalogue's own totals, not recomputed here).
 */
public record TrendView(List<Row> rows, SeriesChart chart) {

  /** One quarter of the trend; a null where that series has no figure. */
  public record Row(
      String quarterLabel,
      BigDecimal authority,
      BigDecimal neighboursMedian,
      BigDecimal region,
      BigDecimal england) {}

  public TrendView {
    rows = List.copyOf(rows);
  }

  static TrendView of(
      Benchmarks benchmarks,
      Totals totals,
      PinnedSnapshot snapshot,
      String code,
      String regionCode,
      String authorityName,
      String regionName,
      List<Period> quarters) {
    List<Row> rows = new ArrayList<>();
    for (Period q : quarters) {
      BenchmarkGroup neighbours =
          benchmarks.group(
              snapshot, code, q.programmePhase(), q.quarter(), ComparisonGroup.NEIGHBOURS);
      BigDecimal own = neighbours.subject().map(BenchmarkMember::percentOfTarget).orElse(null);
      BigDecimal median =
          own == null || neighbours.members().size() < 2 ? null : neighbours.summary().median();
      BigDecimal region = null;
      for (TotalsLine line : totals.regions(snapshot, q.programmePhase(), q.quarter())) {
        if (regionCode.equals(line.regionCode())) {
          region = line.percentOfTarget();
        }
      }
      BigDecimal england =
          totals.england(snapshot, q.programmePhase(), q.quarter()).percentOfTarget();
      rows.add(new Row(q.label(), own, median, region, england));
    }
    List<String> labels = rows.stream().map(Row::quarterLabel).toList();
    SeriesChart chart =
        SeriesChart.of(
            labels,
            List.of(
                new SeriesChart.Series(authorityName, rows.stream().map(Row::authority).toList()),
                new SeriesChart.Series(
                    "Neighbour group median", rows.stream().map(Row::neighboursMedian).toList()),
                new SeriesChart.Series(regionName, rows.stream().map(Row::region).toList()),
                new SeriesChart.Series("England", rows.stream().map(Row::england).toList())));
    return new TrendView(rows, chart);
  }

  /** The trend as the page's table: a column per series, named as the page names it. */
  public PageTable table(String authorityName, String regionName) {
    PageTable.Builder table =
        PageTable.under("Quarter", authorityName, "Neighbour group median", regionName, "England");
    for (Row row : rows) {
      table.row(
          row.quarterLabel(), row.authority(), row.neighboursMedian(), row.region(), row.england());
    }
    return table.build();
  }
}
