package uk.gov.tfwh.api.web.authority;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.api.progress.ProgressReports;
import uk.gov.tfwh.api.totals.Totals;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.PageNotFound;
import uk.gov.tfwh.api.web.page.PageReads;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.Selection;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.AuthorityCode;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * What the authority page shows one viewer for one quarter, each part read when asked for: the page
 * asks for every part, a download of one of its tables for that table only, so the two cannot
 * differ. The authority's own figures come from the snapshot the access policy gives the viewer for
 * that authority (a coordinator sees its own pre-release figures); comparisons with other
 * authorities come from the snapshot for figures across authorities.
 */
final class AuthorityContent {
  /** The comparison groups of the benchmark query, in the order the page shows them. */
  static final List<String> GROUPS = List.of("neighbours", "region", "type", "england");

  private final PageReads figures;
  private final ProgressReports progress;
  private final Totals totals;
  private final PageViewer viewer;
  final String code;
  final String name;
  final String regionCode;
  final String regionName;
  final String typeName;
  final Choices choices;
  final Period period;
  final PinnedSnapshot own;
  final PinnedSnapshot shared;

  private AuthorityContent(
      PageReads figures,
      ProgressReports progress,
      Totals totals,
      PageViewer viewer,
      String code,
      QueryResult reference,
      Choices choices,
      Period period,
      PinnedSnapshot own,
      PinnedSnapshot shared) {
    this.figures = requireNonNull(figures, "figures");
    this.progress = requireNonNull(progress, "progress");
    this.totals = requireNonNull(totals, "totals");
    this.viewer = requireNonNull(viewer, "viewer");
    this.code = requireNonNull(code, "code");
    this.name = reference.row(0).text("authority_name");
    this.regionCode = reference.row(0).text("region_code");
    this.regionName = reference.row(0).text("region_name");
    this.typeName = Choices.typeName(reference.row(0).text("authority_type"));
    this.choices = requireNonNull(choices, "choices");
    this.period = requireNonNull(period, "period");
    this.own = requireNonNull(own, "own");
    this.shared = requireNonNull(shared, "shared");
  }

  /**
   * @throws PageNotFound when there is no authority with the code
   */
  static AuthorityContent of(
      PageReads figures,
      ProgressReports progress,
      Totals totals,
      PageViewer viewer,
      String code,
      String phase,
      String period) {
    if (!AuthorityCode.isWellFormed(code)) {
      throw new PageNotFound("There is no authority with the code " + code + ".");
    }
    PinnedSnapshot own = figures.resolve(viewer.authorityFigures(code));
    QueryResult reference = figures.run(own, QueryArguments.of(Query.AUTHORITIES).authority(code));
    if (reference.isEmpty()) {
      throw new PageNotFound("There is no authority with the code " + code + ".");
    }
    Choices choices = Choices.read(figures, own);
    Period chosen = Selection.period(choices, phase, period);
    return new AuthorityContent(
        figures,
        progress,
        totals,
        viewer,
        code,
        reference,
        choices,
        chosen,
        own,
        figures.resolve(viewer.figures()));
  }

  /** "Kent (E10000016)": how a download names the authority it is about. */
  String title() {
    return name + " (" + code + ")";
  }

  ProgressView progress() {
    Phase phase = Phase.ofNumber(period.phase());
    return ProgressView.of(
        progress.progress(own, code, phase, Quarter.endingOn(period.end())), phase);
  }

  List<BenchmarkView> benchmarks() {
    List<BenchmarkView> views = new ArrayList<>();
    for (String group : GROUPS) {
      views.add(benchmark(group));
    }
    return views;
  }

  BenchmarkView benchmark(String group) {
    return BenchmarkView.of(
        group,
        figures.run(
            shared,
            QueryArguments.of(Query.BENCHMARK)
                .authority(code)
                .phase(period.programmePhase())
                .quarter(period.quarter())
                .comparisonGroup(group)));
  }

  /**
   * As the benchmarks: a comparison with other authorities, from the snapshot they are read from.
   */
  TrendView trend() {
    return TrendView.of(
        figures,
        totals,
        shared,
        code,
        regionCode,
        name,
        regionName,
        choices.periodsOf(period.phase()).stream()
            .filter(p -> !p.end().isAfter(period.end()))
            .toList());
  }

  List<PaymentRow> payments() {
    return PaymentRow.of(
        figures.run(
            own, QueryArguments.of(Query.PAYMENTS).phase(period.programmePhase()).authority(code)));
  }

  /** The returns history, for those the access policy shows it to, with its snapshot. */
  Optional<Returns> returns() {
    Optional<SnapshotSelector> selector = viewer.returns(code);
    if (selector.isEmpty()) {
      return Optional.empty();
    }
    PinnedSnapshot detail = figures.resolve(selector.get());
    return Optional.of(
        new Returns(detail, ReturnRow.of(figures.run(detail, ofQuarter(Query.RETURN_HISTORY)))));
  }

  /** The data quality of the quarter's return, for those the access policy shows it to. */
  Optional<Quality> quality() {
    if (!viewer.mayReadDataQualityOf(code)) {
      return Optional.empty();
    }
    return Optional.of(
        new Quality(
            QualityView.of(figures.run(own, ofQuarter(Query.DATA_QUALITY))),
            FindingRow.of(figures.run(own, ofQuarter(Query.DATA_QUALITY_FINDINGS)))));
  }

  /** The returns history and the snapshot it was read from. */
  record Returns(PinnedSnapshot snapshot, List<ReturnRow> rows) {
    Returns {
      requireNonNull(snapshot, "snapshot");
      rows = List.copyOf(rows);
    }
  }

  /** The quarter's submission status and the findings on its returns. */
  record Quality(QualityView summary, List<FindingRow> findings) {
    Quality {
      requireNonNull(summary, "summary");
      findings = List.copyOf(findings);
    }
  }

  /** A query about this authority in the chosen quarter. */
  private QueryArguments ofQuarter(Query query) {
    return QueryArguments.of(query)
        .authority(code)
        .phase(period.programmePhase())
        .quarter(period.quarter());
  }
}
