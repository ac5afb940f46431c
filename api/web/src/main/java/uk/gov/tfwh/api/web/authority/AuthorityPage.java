package uk.gov.tfwh.api.web.authority;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.tfwh.api.access.AuthorityCodes;
import uk.gov.tfwh.api.progress.AuthorityProgress;
import uk.gov.tfwh.api.progress.ProgressReports;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.download.PageDownloads;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.Figures;
import uk.gov.tfwh.api.web.page.PageNotFound;
import uk.gov.tfwh.api.web.page.PageSnapshot;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.Selection;
import uk.gov.tfwh.api.web.release.ReleaseContexts;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * One authority: its progress against target with the projection, its benchmarks against each
 * comparison group, its payments, and, for those the access policy allows, its returns history and
 * data quality. The authority's own figures come from the snapshot the policy gives the viewer for
 * that authority (a coordinator sees its own pre-release figures); the benchmarks compare it with
 * others, so they come from the snapshot for figures across authorities.
 */
@Controller
public class AuthorityPage {
  /** The comparison groups of the benchmark query, in the order the page shows them. */
  static final List<String> GROUPS = List.of("neighbours", "region", "type", "england");

  private final Figures figures;
  private final ReleaseContexts releases;
  private final ProgressReports progress;

  public AuthorityPage(Figures figures, ProgressReports progress, ReleaseContexts releases) {
    this.releases = requireNonNull(releases, "releases");
    this.figures = requireNonNull(figures, "figures");
    this.progress = requireNonNull(progress, "progress");
  }

  @GetMapping("/authorities/{code}")
  public String authority(
      @ModelAttribute("viewer") PageViewer viewer,
      @PathVariable String code,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      Model model) {
    if (!AuthorityCodes.isWellFormed(code)) {
      throw new PageNotFound("There is no authority with the code " + code + ".");
    }
    PageSnapshot own = figures.resolve(viewer.authorityFigures(code));
    QueryResult reference = figures.run(own, Query.AUTHORITIES, Map.of("authority", code));
    if (reference.isEmpty()) {
      throw new PageNotFound("There is no authority with the code " + code + ".");
    }
    Choices choices = Choices.read(figures, own);
    Period chosen = Selection.period(choices, phase, period);
    Phase checkedPhase = Phase.ofNumber(chosen.phase());

    AuthorityProgress series =
        progress.progress(own.snapshot(), code, checkedPhase, Quarter.endingOn(chosen.end()));
    PageSnapshot shared = figures.resolve(viewer.figures());

    model.addAttribute("code", code);
    model.addAttribute("name", reference.value(0, "authority_name", String.class));
    model.addAttribute("regionCode", reference.value(0, "region_code", String.class));
    model.addAttribute("regionName", reference.value(0, "region_name", String.class));
    model.addAttribute(
        "typeName", Choices.typeName(reference.value(0, "authority_type", String.class)));
    model.addAttribute("choices", choices);
    model.addAttribute("period", chosen);
    model.addAttribute("snapshot", own);
    model.addAttribute(
        "release", releases.of(own, chosen, choices.latestOf(chosen.phase()).orElse(null)));
    model.addAttribute("sharedSnapshot", shared);
    model.addAttribute("progress", ProgressView.of(series, checkedPhase));
    List<BenchmarkView> benchmarks = benchmarks(shared, code, chosen);
    model.addAttribute("benchmarks", benchmarks);
    // The API answers a benchmark of an authority without figures in the quarter with 404.
    model.addAttribute("hasBenchmarks", benchmarks.stream().anyMatch(b -> b.summary() != null));
    // As the benchmarks: a comparison with other authorities, from the snapshot they are read from.
    model.addAttribute(
        "trend",
        TrendView.of(
            figures,
            shared,
            code,
            reference.value(0, "region_code", String.class),
            reference.value(0, "authority_name", String.class),
            reference.value(0, "region_name", String.class),
            choices.periodsOf(chosen.phase()).stream()
                .filter(p -> !p.end().isAfter(chosen.end()))
                .toList()));
    model.addAttribute("payments", PaymentRow.of(payments(own, code, chosen)));
    model.addAttribute("links", new Downloads(code, chosen));

    Optional<SnapshotSelector> returns = viewer.returns(code);
    model.addAttribute("showReturns", returns.isPresent());
    if (returns.isPresent()) {
      PageSnapshot detail = figures.resolve(returns.get());
      model.addAttribute(
          "returns",
          ReturnRow.of(
              figures.run(
                  detail,
                  Query.RETURN_HISTORY,
                  Map.of("authority", code, "phase", chosen.phase(), "period", chosen.end()))));
    }
    boolean showQuality = viewer.mayReadDataQualityOf(code);
    model.addAttribute("showQuality", showQuality);
    if (showQuality) {
      Map<String, Object> arguments =
          Map.of("authority", code, "phase", chosen.phase(), "period", chosen.end());
      model.addAttribute(
          "quality", QualityView.of(figures.run(own, Query.DATA_QUALITY, arguments)));
      model.addAttribute(
          "findings", FindingRow.of(figures.run(own, Query.DATA_QUALITY_FINDINGS, arguments)));
    }
    return "web/authority";
  }

  private List<BenchmarkView> benchmarks(PageSnapshot shared, String code, Period chosen) {
    List<BenchmarkView> views = new ArrayList<>();
    for (String group : GROUPS) {
      QueryResult rows =
          figures.run(
              shared,
              Query.BENCHMARK,
              Map.of(
                  "authority",
                  code,
                  "phase",
                  chosen.phase(),
                  "period",
                  chosen.end(),
                  "comparison_group",
                  group));
      views.add(BenchmarkView.of(group, rows));
    }
    return views;
  }

  private QueryResult payments(PageSnapshot own, String code, Period chosen) {
    return figures.run(own, Query.PAYMENTS, Map.of("phase", chosen.phase(), "authority", code));
  }

  /** Where each of the page's tables can be downloaded (the API's CSV of the same figures). */
  public record Downloads(String code, Period period) {
    public String progress() {
      return uri("/api/v1/authorities/" + code + "/progress.csv")
          .queryParam("phase", period.phase())
          .encode()
          .build()
          .toUriString();
    }

    public String benchmark(String group) {
      return uri("/api/v1/authorities/" + code + "/benchmark.csv")
          .queryParam("phase", period.phase())
          .queryParam("period", period.end())
          .queryParam("group", group)
          .encode()
          .build()
          .toUriString();
    }

    public String payments() {
      return uri("/api/v1/payments.csv")
          .queryParam("phase", period.phase())
          .queryParam("authority", code)
          .encode()
          .build()
          .toUriString();
    }

    public String returns() {
      return uri("/api/v1/authorities/" + code + "/returns.csv")
          .queryParam("phase", period.phase())
          .queryParam("period", period.end())
          .encode()
          .build()
          .toUriString();
    }

    public String dataQuality() {
      return uri("/api/v1/data-quality.csv")
          .queryParam("phase", period.phase())
          .queryParam("period", period.end())
          .queryParam("authority", code)
          .encode()
          .build()
          .toUriString();
    }

    /** The API's export of {@code table} ({@code progress} or {@code payments}) as a file. */
    public String export(String table, String format) {
      return uri("/api/v1/exports/" + table + "." + format)
          .queryParam("phase", period.phase())
          .queryParam("authority", code)
          .encode()
          .build()
          .toUriString();
    }

    /** Downloaded with the page's sign-in, so the file holds what the page shows. */
    private static UriComponentsBuilder uri(String path) {
      return UriComponentsBuilder.fromPath(PageDownloads.link(path));
    }
  }
}
