package uk.gov.tfwh.api.web.league;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.tfwh.api.leaguetable.LeagueTables;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.PageReads;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.SpreadsheetCsv;
import uk.gov.tfwh.api.web.release.ReleaseContexts;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.league.LeagueTableRow;

/** The home page: every authority ranked by percent of target, with filters and sorting. */
@Controller
public class LeagueTablePage {
  private final PageReads figures;
  private final LeagueTables leagueTables;
  private final ReleaseContexts releases;

  public LeagueTablePage(PageReads figures, LeagueTables leagueTables, ReleaseContexts releases) {
    this.figures = requireNonNull(figures, "figures");
    this.leagueTables = requireNonNull(leagueTables, "leagueTables");
    this.releases = requireNonNull(releases, "releases");
  }

  /** The table one viewer asked for: its snapshot, the filter and the rows in their order. */
  private record Shown(
      PinnedSnapshot snapshot, Choices choices, LeagueFilter filter, List<LeagueTableRow> rows) {}

  private Shown shown(
      PageViewer viewer,
      String phase,
      String period,
      String region,
      String type,
      String sort,
      String order) {
    PinnedSnapshot snapshot = figures.resolve(viewer.figures());
    Choices choices = figures.choices(viewer, snapshot);
    LeagueFilter filter = LeagueFilter.parse(choices, phase, period, region, type, sort, order);
    List<LeagueTableRow> rows =
        leagueTables
            .rows(
                snapshot,
                filter.period().programmePhase(),
                filter.period().quarter(),
                filter.region(),
                filter.type())
            .stream()
            .sorted(filter.sort().comparator(filter.descending()))
            .toList();
    return new Shown(snapshot, choices, filter, rows);
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
    Shown shown = shown(viewer, phase, period, region, type, sort, order);
    PinnedSnapshot snapshot = shown.snapshot();
    Choices choices = shown.choices();
    LeagueFilter filter = shown.filter();
    List<LeagueTableRow> rows = shown.rows();
    PageTable.Builder table =
        PageTable.under(
            "Rank",
            "Rank in region",
            "Quartile",
            "Authority code",
            "Authority",
            "Region",
            "Type",
            "Target",
            "Families attached",
            filter.period().outcomeHeading(),
            "Percent of target",
            "Change since previous quarter");
    for (LeagueTableRow row : rows) {
      table.row(
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
    }
    String name =
        "league-table"
            + (filter.region() == null ? "" : "-" + filter.region())
            + (filter.type() == null ? "" : "-" + filter.type());
    SpreadsheetCsv.write(
        response,
        SpreadsheetCsv.fileName(name, filter.period(), snapshot),
        snapshot.id(),
        SpreadsheetCsv.covers(
            "League table",
            filter.period(),
            snapshot,
            "region " + (filter.region() == null ? "all" : choices.regions().get(filter.region())),
            "type " + (filter.type() == null ? "all" : choices.types().get(filter.type())),
            "sorted by "
                + filter.sort().heading(filter.period().phase()).toLowerCase(Locale.UK)
                + (filter.descending() ? ", highest first" : ", lowest first")),
        table.build());
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
    Shown shown = shown(viewer, phase, period, region, type, sort, order);
    PinnedSnapshot snapshot = shown.snapshot();
    Choices choices = shown.choices();
    LeagueFilter filter = shown.filter();
    List<LeagueTableRow> rows = shown.rows();
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
