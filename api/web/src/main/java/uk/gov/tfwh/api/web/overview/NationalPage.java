package uk.gov.tfwh.api.web.overview;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.tfwh.api.totals.Totals;
import uk.gov.tfwh.api.totals.TotalsLine;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.chart.BarChart;
import uk.gov.tfwh.api.web.download.PageDownloads;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.PageNotFound;
import uk.gov.tfwh.api.web.page.PageReads;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.Selection;
import uk.gov.tfwh.api.web.page.SpreadsheetCsv;
import uk.gov.tfwh.api.web.release.ReleaseContexts;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;

/** England's totals and each region's, for a phase and quarter, with the regions charted. */
@Controller
public class NationalPage {
  private final PageReads figures;
  private final Totals totals;
  private final ReleaseContexts releases;

  public NationalPage(PageReads figures, Totals totals, ReleaseContexts releases) {
    this.releases = requireNonNull(releases, "releases");
    this.figures = requireNonNull(figures, "figures");
    this.totals = requireNonNull(totals, "totals");
  }

  /** The page's figures for one viewer and quarter, read once for the page or a download. */
  private record Shown(
      PinnedSnapshot snapshot,
      Choices choices,
      Period period,
      TotalsLine england,
      List<TotalsLine> regions) {}

  private Shown shown(PageViewer viewer, String phase, String period) {
    PinnedSnapshot snapshot = figures.resolve(viewer.figures());
    Choices choices = figures.choices(viewer, snapshot);
    Period chosen = Selection.period(choices, phase, period);
    return new Shown(
        snapshot,
        choices,
        chosen,
        totals.england(snapshot, chosen.programmePhase(), chosen.quarter()),
        totals.regions(snapshot, chosen.programmePhase(), chosen.quarter()));
  }

  @GetMapping("/national")
  public String national(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      Model model) {
    Shown shown = shown(viewer, phase, period);
    Period chosen = shown.period();
    List<BarChart.Row> bars = new ArrayList<>();
    for (TotalsLine region : shown.regions()) {
      bars.add(new BarChart.Row(region.name(), region.percentOfTarget(), false));
    }
    bars.add(new BarChart.Row("England", shown.england().percentOfTarget(), true));
    model.addAttribute("snapshot", shown.snapshot());
    model.addAttribute(
        "release",
        releases.of(
            shown.snapshot(), chosen, shown.choices().latestOf(chosen.phase()).orElse(null)));
    model.addAttribute("choices", shown.choices());
    model.addAttribute("period", chosen);
    model.addAttribute("england", shown.england());
    model.addAttribute("regions", shown.regions());
    model.addAttribute("chart", BarChart.of(bars));
    model.addAttribute("englandTableCsv", pageLink("/national/england.csv", chosen));
    model.addAttribute("regionsTableCsv", pageLink("/national/regions.csv", chosen));
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

  /**
   * England's totals or the regions' as the page shows them, as a CSV for people: a byte-order
   * mark, a first line stating the phase, quarter and snapshot, then the table under its headings.
   */
  @GetMapping("/national/{table}.csv")
  public void tableCsv(
      @ModelAttribute("viewer") PageViewer viewer,
      @PathVariable String table,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      HttpServletResponse response)
      throws IOException {
    List<TotalsLine> lines;
    String what;
    Shown shown = shown(viewer, phase, period);
    switch (table) {
      case "england" -> {
        lines = List.of(shown.england());
        what = "England's totals";
      }
      case "regions" -> {
        lines = shown.regions();
        what = "Totals by region";
      }
      default -> throw new PageNotFound("This page has no table called " + table + ".");
    }
    PageTable.Builder rows =
        PageTable.under(
            "Region code",
            "Region",
            "Authorities reporting",
            "Authorities",
            "Families identified",
            "Families attached",
            shown.period().outcomeHeading(),
            "Target",
            "Percent of target");
    for (TotalsLine t : lines) {
      rows.row(
          t.regionCode(),
          t.name(),
          t.authoritiesReporting(),
          t.authoritiesTotal(),
          t.familiesIdentified(),
          t.familiesAttached(),
          t.turnedAround(),
          t.target(),
          t.percentOfTarget());
    }
    SpreadsheetCsv.write(
        response,
        SpreadsheetCsv.fileName("national-" + table, shown.period(), shown.snapshot()),
        shown.snapshot().id(),
        SpreadsheetCsv.covers(what, shown.period(), shown.snapshot()),
        rows.build());
  }

  private static String pageLink(String path, Period period) {
    return UriComponentsBuilder.fromPath(path)
        .queryParam("phase", period.phase())
        .queryParam("period", period.end())
        .encode()
        .build()
        .toUriString();
  }

  /** The API's answer for the quarter, downloaded with the page's sign-in. */
  static String apiLink(String path, Period period) {
    return pageLink(PageDownloads.link(path), period);
  }
}
