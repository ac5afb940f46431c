package uk.gov.tfwh.api.web.league;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.Figures;
import uk.gov.tfwh.api.web.page.PageSnapshot;
import uk.gov.tfwh.api.web.release.ReleaseContexts;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;

/** The home page: every authority ranked by percent of target, with filters and sorting. */
@Controller
public class LeagueTablePage {
  private final Figures figures;
  private final ReleaseContexts releases;

  public LeagueTablePage(Figures figures, ReleaseContexts releases) {
    this.releases = requireNonNull(releases, "releases");
    this.figures = requireNonNull(figures, "figures");
  }

  @GetMapping("/")
  public String leagueTable(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order,
      @RequestParam(name = "signed-out", required = false) String signedOut,
      Model model) {
    PageSnapshot snapshot = figures.resolve(viewer.figures());
    Choices choices = Choices.read(figures, snapshot);
    LeagueFilter filter = LeagueFilter.parse(choices, phase, period, region, type, sort, order);
    QueryResult result = figures.run(snapshot, Query.LEAGUE_TABLE, filter.arguments());
    List<LeagueRow> rows =
        LeagueRow.of(result).stream()
            .sorted(filter.sort().comparator(filter.descending()))
            .toList();
    model.addAttribute("snapshot", snapshot);
    model.addAttribute(
        "release",
        releases.of(
            snapshot, filter.period(), choices.latestOf(filter.period().phase()).orElse(null)));
    model.addAttribute("choices", choices);
    model.addAttribute("filter", filter);
    model.addAttribute("columns", List.of(LeagueSort.values()));
    model.addAttribute("rows", rows);
    model.addAttribute("signedOut", signedOut != null && !viewer.signedIn());
    // A quarter asked for that the phase has no figures for: the page says it shows another.
    model.addAttribute(
        "askedPeriod",
        period != null
                && !period.isBlank()
                && !period.trim().equals(filter.period().end().toString())
            ? period.trim()
            : null);
    return "web/league-table";
  }
}
