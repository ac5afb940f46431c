package uk.gov.tfwh.api.web.overview;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.chart.BarChart;
import uk.gov.tfwh.api.web.download.PageDownloads;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.Figures;
import uk.gov.tfwh.api.web.page.PageSnapshot;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.Selection;
import uk.gov.tfwh.api.web.release.ReleaseContexts;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;

/** England's totals and each region's, for a phase and quarter, with the regions charted. */
@Controller
public class NationalPage {
  private final Figures figures;
  private final ReleaseContexts releases;

  public NationalPage(Figures figures, ReleaseContexts releases) {
    this.releases = requireNonNull(releases, "releases");
    this.figures = requireNonNull(figures, "figures");
  }

  /** One region's line of the overview (also England's, with a null code). */
  public record Totals(
      String regionCode,
      String name,
      long authoritiesReporting,
      long authoritiesTotal,
      Long familiesIdentified,
      Long familiesAttached,
      Long turnedAround,
      Long target,
      BigDecimal percentOfTarget) {}

  @GetMapping("/national")
  public String national(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      Model model) {
    PageSnapshot snapshot = figures.resolve(viewer.figures());
    Choices choices = Choices.read(figures, snapshot);
    Period chosen = Selection.period(choices, phase, period);
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("phase", chosen.phase());
    arguments.put("period", chosen.end());
    Totals england =
        totals(figures.run(snapshot, Query.NATIONAL_TOTALS, arguments), 0, null, "England");
    QueryResult regionRows = figures.run(snapshot, Query.REGION_TOTALS, arguments);
    List<Totals> regions = new ArrayList<>();
    List<BarChart.Row> bars = new ArrayList<>();
    for (int i = 0; i < regionRows.size(); i++) {
      Totals region =
          totals(
              regionRows,
              i,
              regionRows.value(i, "region_code", String.class),
              regionRows.value(i, "region_name", String.class));
      regions.add(region);
      bars.add(new BarChart.Row(region.name(), region.percentOfTarget(), false));
    }
    bars.add(new BarChart.Row("England", england.percentOfTarget(), true));
    model.addAttribute("snapshot", snapshot);
    model.addAttribute(
        "release", releases.of(snapshot, chosen, choices.latestOf(chosen.phase()).orElse(null)));
    model.addAttribute("choices", choices);
    model.addAttribute("period", chosen);
    model.addAttribute("england", england);
    model.addAttribute("regions", regions);
    model.addAttribute("chart", BarChart.of(bars));
    model.addAttribute("nationalCsv", apiLink("/api/v1/national.csv", chosen));
    model.addAttribute("regionsCsv", apiLink("/api/v1/regions.csv", chosen));
    model.addAttribute("regionsXlsx", apiLink("/api/v1/exports/regions.xlsx", chosen));
    model.addAttribute("regionsOds", apiLink("/api/v1/exports/regions.ods", chosen));
    model.addAttribute("briefing", apiLink("/api/v1/exports/briefing.pdf", chosen));
    model.addAttribute("timeSeriesCsv", PageDownloads.link("/api/v1/time-series.csv"));
    model.addAttribute(
        "timeSeriesMetadataCsv", PageDownloads.link("/api/v1/time-series/metadata.csv"));
    model.addAttribute("timeSeriesXlsx", PageDownloads.link("/api/v1/exports/time-series.xlsx"));
    model.addAttribute("timeSeriesOds", PageDownloads.link("/api/v1/exports/time-series.ods"));
    return "web/national";
  }

  private static Totals totals(QueryResult rows, int i, String code, String name) {
    return new Totals(
        code,
        name,
        rows.value(i, "authorities_reporting", Long.class),
        rows.value(i, "authorities_total", Long.class),
        rows.value(i, "families_identified", Long.class),
        rows.value(i, "families_attached", Long.class),
        rows.value(i, "turned_around", Long.class),
        rows.value(i, "target_families", Long.class),
        rows.value(i, "percent_of_target", BigDecimal.class));
  }

  static String apiLink(String path, Period period) {
    return UriComponentsBuilder.fromPath(PageDownloads.link(path))
        .queryParam("phase", period.phase())
        .queryParam("period", period.end())
        .encode()
        .build()
        .toUriString();
  }
}
