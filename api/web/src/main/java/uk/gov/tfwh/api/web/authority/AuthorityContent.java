package uk.gov.tfwh.api.web.authority;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.gov.tfwh.api.authority.AuthorityReference;
import uk.gov.tfwh.api.benchmark.ComparisonGroup;
import uk.gov.tfwh.api.dataquality.DataQualityReports;
import uk.gov.tfwh.api.dataquality.Finding;
import uk.gov.tfwh.api.dataquality.SubmissionQuality;
import uk.gov.tfwh.api.payment.PaymentQuarter;
import uk.gov.tfwh.api.returns.ReturnVersion;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.page.BadPageRequest;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.PageNotFound;
import uk.gov.tfwh.api.web.page.PageReads;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.Selection;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.AuthorityCode;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
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

  private final AuthorityServices services;
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
      AuthorityServices services,
      PageViewer viewer,
      AuthorityReference reference,
      Choices choices,
      Period period,
      PinnedSnapshot own,
      PinnedSnapshot shared) {
    this.services = requireNonNull(services, "services");
    this.viewer = requireNonNull(viewer, "viewer");
    this.code = reference.code();
    this.name = reference.name();
    this.regionCode = reference.regionCode();
    this.regionName = reference.regionName();
    this.typeName = reference.typeName();
    this.choices = requireNonNull(choices, "choices");
    this.period = requireNonNull(period, "period");
    this.own = requireNonNull(own, "own");
    this.shared = requireNonNull(shared, "shared");
  }

  /**
   * @throws PageNotFound when there is no authority with the code
   */
  static AuthorityContent of(
      AuthorityServices services, PageViewer viewer, String code, String phase, String period) {
    if (!AuthorityCode.isWellFormed(code)) {
      throw new PageNotFound(
          "There is no authority with the code "
              + code
              + "."
              + AuthorityCode.asCodesAreWritten(code)
                  .map(c -> " Codes are written in capitals: " + c + ".")
                  .orElse(""));
    }
    PageReads figures = services.figures();
    PinnedSnapshot own = figures.resolve(viewer.authorityFigures(code));
    AuthorityReference reference =
        services
            .authorities()
            .find(own, code)
            .orElseThrow(
                () -> new PageNotFound("There is no authority with the code " + code + "."));
    Choices choices = figures.choices(viewer, own);
    if (choices.periods().isEmpty()) {
      // A coordinator is offered only its own authority's quarters of the latest load: before
      // its first return is loaded there are none, which is not the snapshot being empty.
      throw new BadPageRequest(
          "there are no figures for "
              + reference.name()
              + " in this snapshot yet: they appear once a return of it is loaded");
    }
    Period chosen = Selection.period(choices, phase, period);
    return new AuthorityContent(
        services, viewer, reference, choices, chosen, own, figures.resolve(viewer.figures()));
  }

  /** "Kent (E10000016)": how a download names the authority it is about. */
  String title() {
    return name + " (" + code + ")";
  }

  ProgressView progress() {
    Phase phase = Phase.ofNumber(period.phase());
    return ProgressView.of(
        services.progress().series(own, code, phase, Quarter.endingOn(period.end())), phase);
  }

  List<BenchmarkView> benchmarks() {
    List<BenchmarkView> views = new ArrayList<>();
    for (String group : GROUPS) {
      views.add(benchmark(group));
    }
    return views;
  }

  BenchmarkView benchmark(String group) {
    return new BenchmarkView(
        group,
        services
            .benchmarks()
            .group(
                shared,
                code,
                period.programmePhase(),
                period.quarter(),
                ComparisonGroup.of(group)));
  }

  /**
   * As the benchmarks: a comparison with other authorities, from the snapshot they are read from.
   */
  TrendView trend() {
    return TrendView.of(
        services.benchmarks(),
        services.totals(),
        shared,
        code,
        regionCode,
        name,
        regionName,
        choices.periodsOf(period.phase()).stream()
            .filter(p -> !p.end().isAfter(period.end()))
            .toList());
  }

  List<PaymentQuarter> payments() {
    return services.payments().quarters(own, period.programmePhase(), code);
  }

  /** The returns history, for those the access policy shows it to, with its snapshot. */
  Optional<Returns> returns() {
    Optional<SnapshotSelector> selector = viewer.returns(code);
    if (selector.isEmpty()) {
      return Optional.empty();
    }
    PinnedSnapshot detail = services.figures().resolve(selector.get());
    return Optional.of(
        new Returns(
            detail,
            services.returns().versions(detail, code, period.programmePhase(), period.quarter())));
  }

  /** The data quality of the quarter's return, for those the access policy shows it to. */
  Optional<Quality> quality() {
    if (!viewer.mayReadDataQualityOf(code)) {
      return Optional.empty();
    }
    DataQualityReports quality = services.quality();
    Phase phase = period.programmePhase();
    Quarter quarter = period.quarter();
    return Optional.of(
        new Quality(
            quality.statuses(own, phase, quarter, code).stream()
                .findFirst()
                .orElse(SubmissionQuality.nothingExpected(code)),
            quality.findings(own, phase, quarter, code)));
  }

  /** The returns history and the snapshot it was read from. */
  record Returns(PinnedSnapshot snapshot, List<ReturnVersion> rows) {
    Returns {
      requireNonNull(snapshot, "snapshot");
      rows = List.copyOf(rows);
    }
  }

  /** The quarter's submission status and the findings on its returns. */
  record Quality(SubmissionQuality summary, List<Finding> findings) {
    Quality {
      requireNonNull(summary, "summary");
      findings = List.copyOf(findings);
    }
  }
}
