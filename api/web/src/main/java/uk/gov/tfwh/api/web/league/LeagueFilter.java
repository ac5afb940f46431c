package uk.gov.tfwh.api.web.league;

import static java.util.Objects.requireNonNull;

import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.tfwh.api.authority.NamedChoices;
import uk.gov.tfwh.api.web.download.PageDownloads;
import uk.gov.tfwh.api.web.page.BadPageRequest;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.api.web.page.Period;
import uk.gov.tfwh.api.web.page.Selection;

/**
 * The league table's filters and sort, all carried in the address (GET parameters {@code phase},
 * {@code period}, {@code region}, {@code type}, {@code sort}, {@code order}) so a copied link shows
 * the same table.
 *
 * @param region a region code, or null for every region
 * @param type an authority type code, or null for every type
 */
public record LeagueFilter(
    Period period, String region, String type, LeagueSort sort, boolean descending) {

  public LeagueFilter {
    requireNonNull(period, "period");
    requireNonNull(sort, "sort");
  }

  /** Reads and checks the parameters against what the snapshot offers. */
  public static LeagueFilter parse(
      Choices choices,
      String phase,
      String period,
      String region,
      String type,
      String sort,
      String order) {
    Period chosen = Selection.period(choices, phase, period);
    String regionCode = choice(new NamedChoices("region", choices.regions()), region);
    String typeCode = choice(new NamedChoices("type", choices.types()), type);
    LeagueSort by = LeagueSort.of(sort);
    boolean descending;
    String direction = blankToNull(order);
    if (direction == null) {
      descending = by == LeagueSort.PERCENT || by == LeagueSort.TURNED_AROUND;
    } else if (direction.equals("asc") || direction.equals("desc")) {
      descending = direction.equals("desc");
    } else {
      throw new BadPageRequest("order must be asc or desc, not '" + order + "'");
    }
    return new LeagueFilter(chosen, regionCode, typeCode, by, descending);
  }

  private static String choice(NamedChoices choices, String asked) {
    try {
      return choices.codeOf(asked);
    } catch (IllegalArgumentException e) {
      throw new BadPageRequest(e.getMessage());
    }
  }

  /** This page's address sorted by {@code column}: a second click on the column reverses it. */
  public String sortLink(LeagueSort column) {
    boolean nextDescending = column == sort ? !descending : column == LeagueSort.PERCENT;
    return link(column, nextDescending);
  }

  /** {@code ascending}, {@code descending} or {@code none}, for the column's aria-sort. */
  public String ariaSort(LeagueSort column) {
    if (column != sort) {
      return "none";
    }
    return descending ? "descending" : "ascending";
  }

  /** The address of this very table. */
  public String self() {
    return link(sort, descending);
  }

  /** This very table (filters and order) as a CSV for people: headings, filters stated. */
  public String spreadsheetCsvLink() {
    return link(sort, descending).replaceFirst("^/\\?", "/league-table.csv?");
  }

  /** The same filters for the API's CSV of the league table (for programs). */
  public String csvLink() {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath(PageDownloads.link("/api/v1/league-table.csv"))
            .queryParam("phase", period.phase())
            .queryParam("period", period.end());
    if (region != null) {
      uri.queryParam("region", region);
    }
    if (type != null) {
      uri.queryParam("type", type);
    }
    return uri.encode().build().toUriString();
  }

  /** The whole quarter's league table from the API's exports, as {@code xlsx} or {@code ods}. */
  public String exportLink(String format) {
    return UriComponentsBuilder.fromPath(
            PageDownloads.link("/api/v1/exports/league-table." + format))
        .queryParam("phase", period.phase())
        .queryParam("period", period.end())
        .encode()
        .build()
        .toUriString();
  }

  private String link(LeagueSort column, boolean desc) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath("/")
            .queryParam("phase", period.phase())
            .queryParam("period", period.end());
    if (region != null) {
      uri.queryParam("region", region);
    }
    if (type != null) {
      uri.queryParam("type", type);
    }
    uri.queryParam("sort", column.code()).queryParam("order", desc ? "desc" : "asc");
    return uri.encode().build().toUriString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
