package uk.gov.tfwh.api.web.authority;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.tfwh.api.web.access.PageViewer;
import uk.gov.tfwh.api.web.download.PageDownloads;
import uk.gov.tfwh.api.web.page.PageNotFound;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.SpreadsheetCsv;
import uk.gov.tfwh.api.web.release.ReleaseContexts;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;

/**
 * One authority: its progress against target with the projection, its benchmarks against each
 * comparison group, its trend against comparators, its payments, and, for those the access policy
 * allows, its returns history and data quality ({@link AuthorityContent} says which snapshot each
 * comes from). Every table can be downloaded as shown, as a CSV for people.
 */
@Controller
public class AuthorityPage {
  private final AuthorityServices services;
  private final ReleaseContexts releases;

  AuthorityPage(AuthorityServices services, ReleaseContexts releases) {
    this.services = requireNonNull(services, "services");
    this.releases = requireNonNull(releases, "releases");
  }

  @GetMapping("/authorities/{code}")
  public String authority(
      @ModelAttribute("viewer") PageViewer viewer,
      @PathVariable String code,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      Model model) {
    AuthorityContent content = AuthorityContent.of(services, viewer, code, phase, period);
    Period chosen = content.period;
    model.addAttribute("code", code);
    model.addAttribute("name", content.name);
    model.addAttribute("regionCode", content.regionCode);
    model.addAttribute("regionName", content.regionName);
    model.addAttribute("typeName", content.typeName);
    model.addAttribute("choices", content.choices);
    model.addAttribute("period", chosen);
    model.addAttribute("snapshot", content.own);
    model.addAttribute(
        "release",
        releases.of(
            content.own, chosen, content.choices.latestOf(chosen.phase()).orElse(null), code));
    model.addAttribute("sharedSnapshot", content.shared);
    model.addAttribute("progress", content.progress());
    List<BenchmarkView> benchmarks = content.benchmarks();
    model.addAttribute("benchmarks", benchmarks);
    // The API answers a benchmark of an authority without figures in the quarter with 404.
    model.addAttribute("hasBenchmarks", benchmarks.stream().anyMatch(b -> b.summary() != null));
    model.addAttribute("trend", content.trend());
    model.addAttribute("payments", content.payments());
    model.addAttribute("links", new Downloads(code, chosen));

    Optional<AuthorityContent.Returns> returns = content.returns();
    model.addAttribute("showReturns", returns.isPresent());
    returns.ifPresent(r -> model.addAttribute("returns", r.rows()));
    Optional<AuthorityContent.Quality> quality = content.quality();
    model.addAttribute("showQuality", quality.isPresent());
    quality.ifPresent(
        q -> {
          model.addAttribute("quality", q.summary());
          model.addAttribute("findings", q.findings());
        });
    return "web/authority";
  }

  /**
   * One of the page's tables exactly as the page shows it to this viewer, as a CSV for people: a
   * byte-order mark, a first line stating the authority, table, phase, quarter and snapshot, then
   * the table under its headings. A table the page does not show this viewer is not found.
   */
  @GetMapping("/authorities/{code}/{table}.csv")
  public void tableCsv(
      @ModelAttribute("viewer") PageViewer viewer,
      @PathVariable String code,
      @PathVariable String table,
      @RequestParam(required = false) String phase,
      @RequestParam(required = false) String period,
      HttpServletResponse response)
      throws IOException {
    AuthorityContent content = AuthorityContent.of(services, viewer, code, phase, period);
    Period chosen = content.period;
    PinnedSnapshot snapshot;
    String what;
    PageTable rows;
    switch (table) {
      case "progress" -> {
        snapshot = content.own;
        what = "progress against target, reported quarters";
        rows = content.progress().table(chosen);
      }
      case "projection" -> {
        snapshot = content.own;
        what = "progress against target, projected quarters";
        rows = content.progress().projectionTable(chosen);
      }
      case "benchmarks" -> {
        snapshot = content.shared;
        what = "benchmarks against each comparison group";
        rows = BenchmarkView.summaryTable(content.benchmarks());
      }
      case "neighbours-members", "region-members" -> {
        snapshot = content.shared;
        BenchmarkView group = content.benchmark(table.substring(0, table.indexOf('-')));
        what = "benchmark group " + group.title().toLowerCase(Locale.UK) + ", every member";
        rows = group.membersTable(chosen);
      }
      case "trend" -> {
        snapshot = content.shared;
        what = "percent of target by quarter against comparators";
        rows = content.trend().table(content.name, content.regionName);
      }
      case "payments" -> {
        snapshot = content.own;
        what = "payment-by-results claims by quarter";
        rows = AuthorityTables.payments(content.payments());
      }
      case "returns" -> {
        AuthorityContent.Returns returns = content.returns().orElseThrow(() -> notShown(table));
        snapshot = returns.snapshot();
        what = "every version of the quarter's return";
        rows = AuthorityTables.returns(returns.rows(), chosen);
      }
      case "findings" -> {
        AuthorityContent.Quality quality = content.quality().orElseThrow(() -> notShown(table));
        snapshot = content.own;
        what =
            "findings on the quarter's returns (submission status: "
                + (quality.summary().status() == null
                    ? "no return expected"
                    : quality.summary().status())
                + ")";
        rows = AuthorityTables.findings(quality.findings());
      }
      default -> throw notShown(table);
    }
    SpreadsheetCsv.write(
        response,
        SpreadsheetCsv.fileName(code + "-" + table, chosen, snapshot),
        snapshot.id(),
        SpreadsheetCsv.covers(content.title() + ": " + what, chosen, snapshot),
        rows);
  }

  private static PageNotFound notShown(String table) {
    return new PageNotFound("This page has no table called " + table + ".");
  }

  /**
   * Where each of the page's tables can be downloaded: as shown, for people ({@link #table}), and
   * the API's CSV of the same figures, for programs.
   */
  public record Downloads(String code, Period period) {
    /** The page's own CSV of one of its tables (see {@link AuthorityPage#tableCsv}). */
    public String table(String name) {
      return UriComponentsBuilder.fromPath("/authorities/" + code + "/" + name + ".csv")
          .queryParam("phase", period.phase())
          .queryParam("period", period.end())
          .encode()
          .build()
          .toUriString();
    }

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

    /** The authority's two-page profile (PDF) for the page's phase and quarter. */
    public String profile() {
      return uri("/api/v1/exports/authority-profile.pdf")
          .queryParam("phase", period.phase())
          .queryParam("period", period.end())
          .queryParam("code", code)
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
