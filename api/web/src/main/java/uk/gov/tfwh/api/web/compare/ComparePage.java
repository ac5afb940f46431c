package uk.gov.tfwh.api.web.compare;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.tfwh.api.authority.AuthorityReference;
import uk.gov.tfwh.api.timeseries.TimeSeriesReports;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.chart.SeriesChart;
import uk.gov.tfwh.api.web.page.BadPageRequest;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.PageReads;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.Selection;
import uk.gov.tfwh.api.web.page.SpreadsheetCsv;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;

/**
 * Find an authority by name or code from any page, and compare up to ten side by side over time
 * (issue 19, item 11): percent of target quarter by quarter, as a chart and a table. The address
 * holds the choice ({@code /compare?codes=E10000016,E08000025&phase=2}), so it is a permalink.
 */
@Controller
public class ComparePage {
  /** The most authorities one comparison shows. */
  static final int MOST = 10;

  private final PageReads figures;
  private final TimeSeriesReports series;

  public ComparePage(PageReads figures, TimeSeriesReports series) {
    this.figures = requireNonNull(figures, "figures");
    this.series = requireNonNull(series, "series");
  }

  /** An authority as the finder lists it. */
  public record Found(String code, String name, String regionName) {}

  /** One quarter of the comparison: each authority's percent of target (null without figures). */
  public record Row(String quarterLabel, List<BigDecimal> percents) {}

  @GetMapping("/find")
  public String find(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) List<String> codes,
      Model model) {
    PinnedSnapshot snapshot = figures.resolve(viewer.figures());
    List<Found> all = authorities(snapshot);
    String query = q == null ? "" : q.strip();
    List<Found> matches =
        query.isEmpty()
            ? List.of()
            : all.stream()
                .filter(
                    a ->
                        a.name().toLowerCase(Locale.UK).contains(query.toLowerCase(Locale.UK))
                            || a.code().equalsIgnoreCase(query))
                .toList();
    if (matches.size() == 1 && (codes == null || codes.isEmpty())) {
      return "redirect:/authorities/" + matches.get(0).code();
    }
    model.addAttribute("q", query);
    model.addAttribute("matches", matches);
    model.addAttribute("chosen", chosen(codes, all));
    return "web/find";
  }

  /** What the comparison shows one viewer: the authorities chosen and their quarters. */
  private record Comparison(
      PinnedSnapshot snapshot,
      Choices choices,
      Period period,
      List<Found> chosen,
      List<Row> rows) {}

  private Comparison comparison(
      PageViewer viewer, List<String> codes, String phase, String period) {
    PinnedSnapshot snapshot = figures.resolve(viewer.figures());
    Choices choices = figures.choices(viewer, snapshot);
    Period chosenPeriod = Selection.period(choices, phase, period);
    List<Found> chosen = chosen(codes, authorities(snapshot));
    List<Period> quarters =
        choices.periodsOf(chosenPeriod.phase()).stream()
            .filter(p -> !p.end().isAfter(chosenPeriod.end()))
            .toList();
    Map<String, Map<LocalDate, BigDecimal>> percents =
        chosen.isEmpty()
            ? Map.of()
            : series.percentsOfTarget(snapshot, chosenPeriod.programmePhase());
    List<Row> rows = new ArrayList<>();
    for (Period quarter : quarters) {
      List<BigDecimal> values = new ArrayList<>();
      for (Found authority : chosen) {
        values.add(percents.getOrDefault(authority.code(), Map.of()).get(quarter.end()));
      }
      rows.add(new Row(quarter.label(), values));
    }
    return new Comparison(snapshot, choices, chosenPeriod, chosen, rows);
  }

  /**
   * The comparison table as the page shows it, as a CSV for people: its first line states the
   * phase, quarter and snapshot; a column per authority, headed by its name and code.
   */
  @GetMapping("/compare.csv")
  public void compareCsv(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) List<String> codes,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      HttpServletResponse response)
      throws IOException {
    Comparison shown = comparison(viewer, codes, phase, period);
    List<String> headings = new ArrayList<>(List.of("Quarter"));
    shown.chosen().forEach(a -> headings.add(a.name() + " (" + a.code() + ")"));
    PageTable.Builder table = PageTable.under(headings);
    for (Row row : shown.rows()) {
      List<Object> values = new ArrayList<>(List.of(row.quarterLabel()));
      values.addAll(row.percents());
      table.row(values.toArray());
    }
    SpreadsheetCsv.write(
        response,
        SpreadsheetCsv.fileName("comparison", shown.period(), shown.snapshot()),
        shown.snapshot().id(),
        SpreadsheetCsv.covers(
            "Percent of target by quarter, compared", shown.period(), shown.snapshot()),
        table.build());
  }

  @GetMapping("/compare")
  public String compare(
      @ModelAttribute("viewer") PageViewer viewer,
      @RequestParam(required = false) List<String> codes,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      Model model) {
    Comparison shown = comparison(viewer, codes, phase, period);
    PinnedSnapshot snapshot = shown.snapshot();
    Choices choices = shown.choices();
    Period chosenPeriod = shown.period();
    List<Found> chosen = shown.chosen();
    List<Row> rows = shown.rows();
    List<SeriesChart.Series> series = new ArrayList<>();
    for (int a = 0; a < chosen.size(); a++) {
      int column = a;
      series.add(
          new SeriesChart.Series(
              chosen.get(a).name(), rows.stream().map(r -> r.percents().get(column)).toList()));
    }
    model.addAttribute("snapshot", snapshot);
    model.addAttribute("choices", choices);
    model.addAttribute("period", chosenPeriod);
    model.addAttribute("chosen", chosen);
    model.addAttribute("rows", rows);
    model.addAttribute(
        "chart",
        chosen.isEmpty() || rows.isEmpty()
            ? null
            : SeriesChart.of(rows.stream().map(Row::quarterLabel).toList(), series));
    model.addAttribute("codes", String.join(",", chosen.stream().map(Found::code).toList()));
    model.addAttribute("removeLinks", removeLinks(chosen, chosenPeriod));
    model.addAttribute("most", MOST);
    model.addAttribute(
        "csv",
        UriComponentsBuilder.fromPath("/compare.csv")
            .queryParam("codes", String.join(",", chosen.stream().map(Found::code).toList()))
            .queryParam("phase", chosenPeriod.phase())
            .queryParam("period", chosenPeriod.end())
            .encode()
            .build()
            .toUriString());
    return "web/compare";
  }

  private List<Found> authorities(PinnedSnapshot snapshot) {
    List<Found> all = new ArrayList<>();
    for (AuthorityReference authority : figures.authorities(snapshot)) {
      all.add(new Found(authority.code(), authority.name(), authority.regionName()));
    }
    all.sort(java.util.Comparator.comparing(Found::name));
    return all;
  }

  /** The authorities named, in the order given, known ones only, at most {@link #MOST}. */
  static List<Found> chosen(List<String> codes, List<Found> all) {
    if (codes == null) {
      return List.of();
    }
    Map<String, Found> byCode = new LinkedHashMap<>();
    all.forEach(a -> byCode.put(a.code(), a));
    Set<String> asked = new LinkedHashSet<>();
    for (String value : codes) {
      for (String code : value.split(",")) {
        if (!code.isBlank()) {
          asked.add(code.strip().toUpperCase(Locale.ROOT));
        }
      }
    }
    List<Found> chosen = new ArrayList<>();
    for (String code : asked) {
      Found found = byCode.get(code);
      if (found == null) {
        throw new BadPageRequest(code + " is not an authority code; find one by name at /find.");
      }
      chosen.add(found);
    }
    if (chosen.size() > MOST) {
      throw new BadPageRequest(
          "Compare at most " + MOST + " authorities at a time, not " + chosen.size() + ".");
    }
    return chosen;
  }

  private static Map<String, String> removeLinks(List<Found> chosen, Period period) {
    Map<String, String> links = new LinkedHashMap<>();
    for (Found authority : chosen) {
      List<String> rest =
          chosen.stream().map(Found::code).filter(c -> !c.equals(authority.code())).toList();
      links.put(
          authority.code(),
          UriComponentsBuilder.fromPath("/compare")
              .queryParam("codes", String.join(",", rest))
              .queryParam("phase", period.phase())
              .queryParam("period", period.label())
              .build()
              .toUriString());
    }
    return links;
  }
}
