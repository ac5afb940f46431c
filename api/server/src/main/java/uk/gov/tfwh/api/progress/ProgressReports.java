package uk.gov.tfwh.api.progress;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.progress.AuthorityProgress.ProjectedQuarter;
import uk.gov.tfwh.api.progress.AuthorityProgress.ProjectionView;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.projection.ProgressProjection;
import uk.gov.tfwh.programme.projection.ProjectedFigure;
import uk.gov.tfwh.programme.projection.Projection;
import uk.gov.tfwh.programme.projection.ReportedFigure;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/** An authority's progress: the reported series and the programme's projection of it. */
@Component
public class ProgressReports {
  static final String METHOD =
      "straight line from the latest cumulative figure at the pace of the last "
          + ProgressProjection.WINDOW_QUARTERS
          + " reported quarters (a fall counts as no pace; not capped at the target);"
          + " docs/methodology.md, 'Projection to the end of the phase'";

  private final WarehouseQueries queries;
  private final Authorities authorities;

  public ProgressReports(WarehouseQueries queries, Authorities authorities) {
    this.queries = queries;
    this.authorities = authorities;
  }

  /** The whole phase's series so far, and the projection from its latest reported quarter. */
  public AuthorityProgress progress(PinnedSnapshot snapshot, String code, Phase phase) {
    return progress(snapshot, code, phase, phase.lastQuarter());
  }

  /**
   * The series as it stood at the end of {@code asAt}: its quarters up to that one, and the
   * projection worked from them, as a reader looking at that quarter expects (not from a later
   * quarter's figure).
   */
  public AuthorityProgress progress(
      PinnedSnapshot snapshot, String code, Phase phase, Quarter asAt) {
    return series(snapshot, code, phase, asAt).progress();
  }

  /** As {@link #progress(PinnedSnapshot, String, Phase, Quarter)}, with its quarters typed. */
  public ProgressSeries series(PinnedSnapshot snapshot, String code, Phase phase, Quarter asAt) {
    QueryResult authority = authorities.require(snapshot, code);
    Integer target = authority.row(0).integer("phase" + phase.number() + "_target");
    String basis = authority.row(0).text("phase" + phase.number() + "_target_basis");
    QueryResult series =
        queries.run(
            snapshot, QueryArguments.of(Query.AUTHORITY_PROGRESS).authority(code).phase(phase));
    series = upTo(series, asAt);
    Table table = Table.from(series, AuthorityProgress.ROW.picks());
    AuthorityProgress progress =
        new AuthorityProgress(
            code,
            authority.row(0).text("authority_name"),
            phase.number(),
            target,
            basis,
            snapshot.id(),
            snapshot.release(),
            table,
            project(phase, target, series));
    return new ProgressSeries(progress, quarters(series));
  }

  private static List<ProgressQuarter> quarters(QueryResult series) {
    List<ProgressQuarter> quarters = new ArrayList<>(series.size());
    for (ResultRow row : series) {
      quarters.add(
          new ProgressQuarter(
              row.date("period_end"),
              row.text("quarter_label"),
              row.longValue("families_identified"),
              row.longValue("families_attached"),
              row.longValue("turned_around"),
              row.decimal("percent_of_target"),
              row.integer("national_rank"),
              row.longValue("change_in_turned_around")));
    }
    return quarters;
  }

  private static QueryResult upTo(QueryResult series, Quarter asAt) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      if (!Quarter.endingOn(series.row(i).date("period_end")).isAfter(asAt)) {
        rows.add(series.rows().get(i));
      }
    }
    return new QueryResult(series.columns(), rows, series.snapshotId());
  }

  private static ProjectionView project(Phase phase, Integer target, QueryResult series) {
    if (series.isEmpty() || target == null || target <= 0) {
      return null;
    }
    List<ReportedFigure> reported = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      reported.add(
          new ReportedFigure(
              Quarter.endingOn(series.row(i).date("period_end")),
              series.row(i).longValue("turned_around")));
    }
    Projection projection = ProgressProjection.project(phase, target, reported);
    List<ProjectedQuarter> path = new ArrayList<>();
    for (ProjectedFigure figure : projection.path()) {
      path.add(
          new ProjectedQuarter(
              figure.quarter().end(), figure.quarter().label(), figure.turnedAround()));
    }
    return new ProjectionView(
        METHOD,
        projection.latestQuarter().end(),
        projection.latestTurnedAround(),
        projection.baseQuarter().end(),
        projection.averageQuarterlyIncrease(),
        phase.lastQuarter().end(),
        projection.projectedTurnedAround(),
        projection.projectedPercentOfTarget(),
        path);
  }
}
