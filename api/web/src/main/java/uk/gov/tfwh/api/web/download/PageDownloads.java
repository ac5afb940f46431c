package uk.gov.tfwh.api.web.download;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import uk.gov.tfwh.api.access.ApiEndpoint;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.access.Viewers;
import uk.gov.tfwh.api.table.CsvSuffixFilter;
import uk.gov.tfwh.api.web.page.PageNotFound;
import uk.gov.tfwh.api.web.page.PageRefused;

/**
 * The pages' downloads: {@code /download/api/v1/...} gives what the API gives at {@code
 * /api/v1/...}, to the viewer of the page's own sign-in. So a signed-in user downloads exactly the
 * figures the page shows them (the same snapshot, the same filters), while the API itself keeps
 * bearer tokens only and never reads the page's cookie. Only reading resources are offered (no
 * request here changes anything), each under the API's own rule ({@link ApiEndpoint}), checked here
 * because a forwarded request does not pass the API's filter chain again.
 */
@Controller
public class PageDownloads {
  /** What a page puts before an API path to download it with the page's sign-in. */
  public static final String PREFIX = "/download";

  /** The API's reading resources a page may download, in the access table's order, parsed once. */
  private static final Map<ApiEndpoint, PathPattern> DOWNLOADS = new java.util.LinkedHashMap<>();

  static {
    Set<ApiEndpoint> downloads =
        EnumSet.of(
            ApiEndpoint.PERIODS,
            ApiEndpoint.AUTHORITIES,
            ApiEndpoint.LEAGUE_TABLE,
            ApiEndpoint.NATIONAL,
            ApiEndpoint.REGIONS,
            ApiEndpoint.PROGRESS,
            ApiEndpoint.BENCHMARK,
            ApiEndpoint.PAYMENTS,
            ApiEndpoint.TIME_SERIES,
            ApiEndpoint.TIME_SERIES_METADATA,
            ApiEndpoint.DATA_QUALITY,
            ApiEndpoint.RETURNS,
            ApiEndpoint.EXPORT_BRIEFING,
            ApiEndpoint.EXPORT_BRIEFING_SUMMARY,
            ApiEndpoint.EXPORT_TABLE);
    for (ApiEndpoint endpoint : ApiEndpoint.values()) {
      if (downloads.contains(endpoint)) {
        DOWNLOADS.put(endpoint, PathPatternParser.defaultInstance.parse(endpoint.path()));
      }
    }
  }

  private static final String EXPORTS = "/api/v1/exports/";

  /** A page's link to download an API resource with the page's sign-in. */
  public static String link(String apiPathAndQuery) {
    if (!apiPathAndQuery.startsWith("/api/v1/")) {
      throw new IllegalArgumentException("not an API path: " + apiPathAndQuery);
    }
    return PREFIX + apiPathAndQuery;
  }

  @GetMapping(PREFIX + "/api/v1/**")
  public void download(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String target =
        request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
    // The API's .csv suffix (not an export's, whose format is part of its path).
    boolean csv = target.endsWith(".csv") && !target.startsWith(EXPORTS);
    String path = csv ? target.substring(0, target.length() - ".csv".length()) : target;
    Viewer viewer = Viewers.current();
    for (Map.Entry<ApiEndpoint, PathPattern> download : DOWNLOADS.entrySet()) {
      ApiEndpoint endpoint = download.getKey();
      PathPattern.PathMatchInfo match =
          download.getValue().matchAndExtract(PathContainer.parsePath(path));
      if (match == null) {
        continue;
      }
      Map<String, String> variables = match.getUriVariables();
      String asked =
          variables.getOrDefault(
              ApiEndpoint.AUTHORITY_VARIABLE,
              request.getParameter(ApiEndpoint.AUTHORITY_PARAMETER));
      if (!endpoint.allows(viewer, asked)) {
        if (viewer.isAnonymous()) {
          response.sendRedirect("/login");
          return;
        }
        throw new PageRefused(
            "You are signed in as " + viewer.name() + ", who may not download this table.");
      }
      request
          .getRequestDispatcher(path)
          .forward(csv ? CsvSuffixFilter.asCsvRequest(request) : request, response);
      return;
    }
    throw new PageNotFound("There is no download at " + target + ".");
  }
}
