package uk.gov.tfwh.api.web.quality;

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
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.tfwh.api.authority.NamedChoices;
import uk.gov.tfwh.api.dataquality.DataQualityReports;
import uk.gov.tfwh.api.dataquality.Finding;
import uk.gov.tfwh.api.dataquality.SubmissionQuality;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.page.BadPageRequest;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.PageReads;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.Selection;
import uk.gov.tfwh.api.web.page.SpreadsheetCsv;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;

/**
 * The national team's data-quality page: every authority's return state for a quarter (the
 * data-quality view's rules, {@code data_quality.sql}), filterable by region and by state, with the
 * counts and each authority's findings, and the same table as a CSV for people.
 */
@Controller
public class DataQualityPage {
  /** The states the page filters by: the view's statuses, and two of the findings. */
  static final List<String> STATES =
      List.of("accepted", "late", "resubmitted", "missing", "with-rejections", "with-warnings");

  private final PageReads figures;
  private final DataQualityReports quality;

  public DataQualityPage(PageReads figures, DataQualityReports quality) {
    this.figures = requireNonNull(figures, "figures");
    this.quality = requireNonNull(quality, "quality");
  }

  /** One authority's line: its status as the data-quality service reads it, with its findings. */
  public record Line(SubmissionQuality quality, List<Finding> findings) {
    public Line {
      requireNonNull(quality, "quality");
      findings = List.copyOf(findings);
    }

    boolean in(String state) {
      return switch (state) {
        case "with-rejections" -> quality.rejections() > 0;
        case "with-warnings" -> quality.warnings() > 0;
        default -> quality.status().equals(state);
      };
    }
  }

  /** What the page shows, for the page and its CSV alike. */
  record Shown(
      PinnedSnapshot snapshot,
      Choices choices,
      Period period,
      String region,
      String state,
      Map<String, Long> counts,
      List<Line> lines) {}

  @GetMapping("/data-quality")
  public String page(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String state,
      Model model) {
    Shown shown = shown(viewer, phase, period, region, state);
    model.addAttribute("snapshot", shown.snapshot());
    model.addAttribute("choices", shown.choices());
    model.addAttribute("period", shown.period());
    model.addAttribute("region", shown.region());
    model.addAttribute("state", shown.state());
    model.addAttribute("states", STATES);
    model.addAttribute("counts", shown.counts());
    model.addAttribute("lines", shown.lines());
    model.addAttribute(
        "anyFindings", shown.lines().stream().anyMatch(l -> !l.findings().isEmpty()));
    model.addAttribute("csv", link("/data-quality.csv", shown));
    return "web/data-quality";
  }

  /**
   * The page's table as a CSV for people: headings, a byte-order mark, and first a line that says
   * what it covers (phase, quarter, snapshot, filters).
   */
  @GetMapping("/data-quality.csv")
  public void csv(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String state,
      HttpServletResponse response)
      throws IOException {
    Shown shown = shown(viewer, phase, period, region, state);
    PageTable.Builder table =
        PageTable.under(
            "Authority code",
            "Authority",
            "Region",
            "Status",
            "Late",
            "Resubmitted",
            "Versions",
            "First submitted",
            "Rejections",
            "Warnings",
            "Notes");
    for (Line line : shown.lines()) {
      SubmissionQuality q = line.quality();
      table.row(
          q.authorityCode(),
          q.authorityName(),
          q.regionName(),
          q.status(),
          q.late(),
          q.resubmitted(),
          q.versions(),
          q.firstSubmittedAt(),
          q.rejections(),
          q.warnings(),
          q.notes());
    }
    SpreadsheetCsv.write(
        response,
        SpreadsheetCsv.fileName("data-quality", shown.period(), shown.snapshot()),
        shown.snapshot().id(),
        SpreadsheetCsv.covers(
            "Data quality",
            shown.period(),
            shown.snapshot(),
            "region "
                + (shown.region() == null ? "all" : shown.choices().regions().get(shown.region())),
            "state " + (shown.state() == null ? "all" : shown.state())),
        table.build());
  }

  private Shown shown(PageViewer viewer, String phase, String period, String region, String state) {
    PinnedSnapshot snapshot = figures.resolve(viewer.figures());
    Choices choices = figures.choices(viewer, snapshot);
    Period chosen = Selection.period(choices, phase, period);
    String regionCode;
    try {
      regionCode = new NamedChoices("region", choices.regions()).codeOf(region);
    } catch (IllegalArgumentException e) {
      throw new BadPageRequest(e.getMessage());
    }
    String chosenState =
        state == null || state.isBlank() ? null : state.strip().toLowerCase(java.util.Locale.ROOT);
    if (chosenState != null && !STATES.contains(chosenState)) {
      throw new BadPageRequest(
          "state must be one of " + String.join(", ", STATES) + ", not '" + state + "'");
    }
    Phase chosenPhase = chosen.programmePhase();
    Quarter quarter = chosen.quarter();
    Map<String, List<Finding>> byAuthority = new LinkedHashMap<>();
    for (Finding finding : quality.findings(snapshot, chosenPhase, quarter, null)) {
      byAuthority.computeIfAbsent(finding.authorityCode(), k -> new ArrayList<>()).add(finding);
    }
    String regionName = regionCode == null ? null : choices.regions().get(regionCode);
    Map<String, Long> counts = new LinkedHashMap<>();
    STATES.forEach(s -> counts.put(s, 0L));
    List<Line> lines = new ArrayList<>();
    for (SubmissionQuality status : quality.statuses(snapshot, chosenPhase, quarter, null)) {
      Line line = new Line(status, byAuthority.getOrDefault(status.authorityCode(), List.of()));
      if (regionName != null && !regionName.equals(line.quality().regionName())) {
        continue;
      }
      // Counts of the region shown, whatever the state filter: how the state filter was chosen.
      STATES.forEach(s -> counts.merge(s, line.in(s) ? 1L : 0L, Long::sum));
      if (chosenState == null || line.in(chosenState)) {
        lines.add(line);
      }
    }
    return new Shown(snapshot, choices, chosen, regionCode, chosenState, counts, lines);
  }

  private static String link(String path, Shown shown) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath(path)
            .queryParam("phase", shown.period().phase())
            .queryParam("period", shown.period().end());
    if (shown.region() != null) {
      uri.queryParam("region", shown.region());
    }
    if (shown.state() != null) {
      uri.queryParam("state", shown.state());
    }
    return uri.encode().build().toUriString();
  }
}
