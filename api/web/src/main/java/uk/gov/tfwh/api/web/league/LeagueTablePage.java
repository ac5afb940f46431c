package uk.gov.tfwh.api.web.league;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.Figures;
import uk.gov.tfwh.api.web.page.PageSnapshot;
import uk.gov.tfwh.api.web.page.SpreadsheetCsv;
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

  /**
   * The table exactly as the page shows it (filters and order) as a CSV for people: a byte-order
   * mark, a first line stating the phase, quarter, snapshot and filters, then the page's columns
   * under their headings. The API's CSV (column names, no filters stated) is the programs' one.
   */
  @GetMapping("/league-table.csv")
  public void spreadsheetCsv(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String order,
      HttpServletResponse response)
      throws IOException {
    PageSnapshot snapshot = figures.resolve(viewer.figures());
    Choices choices = Choices.read(figures, snapshot);
    LeagueFilter filter = LeagueFilter.parse(choices, phase, period, region, type, sort, order);
    List<LeagueRow> rows =
        LeagueRow.of(figures.run(snapshot, Query.LEAGUE_TABLE, filter.arguments())).stream()
            .sorted(filter.sort().comparator(filter.descending()))
            .toList();
    String outcome = filter.period().outcomeHeading();
    List<String> headings =
        List.of(
            "Rank",
            "Rank in region",
            "Quartile",
            "Authority code",
            "Authority",
            "Region",
            "Type",
            "Target",
            "Families attached",
            outcome,
            "Percent of target",
            "Change since previous quarter");
    List<Map<String, Object>> lines = new ArrayList<>();
    for (LeagueRow row : rows) {
      Map<String, Object> line = new LinkedHashMap<>();
      List<Object> values =
          java.util.Arrays.asList(
              row.rank(),
              row.regionRank(),
              row.quartile(),
              row.authorityCode(),
              row.authorityName(),
              row.regionName(),
              row.typeName(),
              row.target(),
              row.familiesAttached(),
              row.turnedAround(),
              row.percentOfTarget(),
              row.changeInTurnedAround());
      for (int c = 0; c < headings.size(); c++) {
        line.put(headings.get(c), values.get(c));
      }
      lines.add(line);
    }
    SpreadsheetCsv.write(
        response,
        "league-table-phase"
            + filter.period().phase()
            + "-"
            + filter.period().label()
            + (filter.region() == null ? "" : "-" + filter.region())
            + (filter.type() == null ? "" : "-" + filter.type())
            + "-"
            + snapshot.id()
            + (snapshot.preRelease() ? "-PRE-RELEASE" : "")
            + ".csv",
        snapshot.id(),
        "League table, phase "
            + filter.period().phase()
            + ", "
            + filter.period().label()
            + ", snapshot "
            + snapshot.id()
            + (snapshot.preRelease() ? " (PRE-RELEASE, not yet published)" : "")
            + ", region "
            + (filter.region() == null ? "all" : choices.regions().get(filter.region()))
            + ", type "
            + (filter.type() == null ? "all" : choices.types().get(filter.type()))
            + ", sorted by "
            + filter.sort().heading(filter.period().phase()).toLowerCase(java.util.Locale.UK)
            + (filter.descending() ? ", highest first" : ", lowest first"),
        new Table(headings, lines));
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
