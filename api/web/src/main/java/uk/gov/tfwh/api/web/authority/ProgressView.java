package uk.gov.tfwh.api.web.authority;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.gov.tfwh.api.progress.AuthorityProgress;
import uk.gov.tfwh.api.progress.AuthorityProgress.ProjectedQuarter;
import uk.gov.tfwh.api.progress.AuthorityProgress.ProjectionView;
import uk.gov.tfwh.api.progress.ProgressQuarter;
import uk.gov.tfwh.api.progress.ProgressSeries;
import uk.gov.tfwh.api.web.chart.LineChart;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * An authority's progress in a phase as the page shows it: the service's own {@link
 * AuthorityProgress} (the same figures and projection as {@code
 * /api/v1/authorities/{code}/progress}) as table rows and as a chart over every quarter of the
 * phase.
 *
 * @param projection null when the authority has reported nothing in the phase
 */
public record ProgressView(
    Integer target,
    String targetBasis,
    List<ProgressQuarter> rows,
    ProjectionView projection,
    List<ProjectedQuarter> projectedPath,
    LineChart chart) {

  public ProgressView {
    requireNonNull(rows, "rows");
    rows = List.copyOf(rows);
    projectedPath = List.copyOf(projectedPath);
    requireNonNull(chart, "chart");
  }

  public static ProgressView of(ProgressSeries series, Phase phase) {
    AuthorityProgress progress = series.progress();
    List<ProgressQuarter> rows = series.quarters();
    List<String> labels = new ArrayList<>();
    Quarter first = phase.firstQuarter();
    for (Quarter q = first; !q.isAfter(phase.lastQuarter()); q = q.next()) {
      labels.add(q.label());
    }
    List<LineChart.Value> reported = new ArrayList<>();
    for (ProgressQuarter row : rows) {
      if (row.turnedAround() != null) {
        reported.add(
            new LineChart.Value(
                first.quartersUntil(Quarter.endingOn(row.period())), row.turnedAround()));
      }
    }
    ProjectionView projection = progress.projection();
    List<ProjectedQuarter> path = projection == null ? List.of() : projection.path();
    List<LineChart.Value> projected = new ArrayList<>();
    for (ProjectedQuarter q : path) {
      projected.add(
          new LineChart.Value(first.quartersUntil(Quarter.endingOn(q.period())), q.turnedAround()));
    }
    Integer target = progress.target();
    LineChart chart =
        LineChart.of(labels, reported, projected, target == null ? null : target.longValue());
    return new ProgressView(target, progress.targetBasis(), rows, projection, path, chart);
  }

  /** The reported quarters as the page's table shows them. */
  public PageTable table(Period period) {
    PageTable.Builder table =
        PageTable.under(
            "Quarter",
            "Families attached",
            period.outcomeHeading(),
            "Percent of target",
            "National rank",
            "Change since previous quarter");
    for (ProgressQuarter row : rows) {
      table.row(
          row.quarterLabel(),
          row.familiesAttached(),
          row.turnedAround(),
          row.percentOfTarget(),
          row.rank(),
          row.change());
    }
    return table.build();
  }

  /** The projected quarters as the page's table shows them. */
  public PageTable projectionTable(Period period) {
    PageTable.Builder table =
        PageTable.under("Quarter", "Projected: " + period.outcomeHeading().toLowerCase(Locale.UK));
    for (ProjectedQuarter q : projectedPath) {
      table.row(q.quarterLabel(), q.turnedAround());
    }
    return table.build();
  }
}
