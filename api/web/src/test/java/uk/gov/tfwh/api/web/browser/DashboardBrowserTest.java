package uk.gov.tfwh.api.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The built-in dashboard in a real headless Chromium against the real service on a random port:
 * every page loads, the filters work and their address restores them, the league table links to the
 * authorities, the figures shown are the API's for the same request, what a viewer sees follows the
 * access rules, pre-release figures are marked, and axe-core finds no WCAG 2.2 AA violation on any
 * page. With {@code -Dtfwh.screenshots=true} it also writes the screenshots of docs/screenshots/
 * (docs/dashboard.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {
  private static final DashboardWarehouse WAREHOUSE = DashboardWarehouse.create();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  private ChromeDriver browser;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry properties) {
    properties.add("tfwh.api.warehouse", WAREHOUSE.root::toString);
    properties.add("tfwh.api.users", WAREHOUSE.users::toString);
  }

  @BeforeEach
  void signedOut() {
    browser = Browser.shared();
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void leagueTableShowsTheApisFiguresAndLinksToEachAuthority() throws Exception {
    open("/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("League table");
    String phase = selected("phase");
    String period = selected("period");
    JsonNode api = api("/api/v1/league-table?phase=" + phase + "&period=" + period, null);
    assertThat(leagueRows()).isEqualTo(apiLeagueRows(api));
    assertThat(browser.findElements(By.cssSelector("[data-pre-release]"))).isEmpty();
    checkAccessibility("league table");
    checkDownloads(false, List.of());
    screenshot("league-table");

    WebElement first = browser.findElement(By.cssSelector("#league-table tbody tr th a"));
    String name = first.getText();
    String code =
        browser
            .findElement(By.cssSelector("#league-table tbody tr"))
            .getAttribute("data-authority");
    navigateBy(first);
    assertThat(browser.findElement(By.id("authority-name")).getText()).isEqualTo(name);
    assertThat(browser.getCurrentUrl()).contains("/authorities/" + code);
    JsonNode progress =
        api("/api/v1/authorities/" + code + "/progress?phase=" + phase + "&period=" + period, null);
    assertThat(progressRows()).isEqualTo(apiProgressRows(progress));
    if (!progress.path("projection").isNull()) {
      assertThat(
              number(browser.findElement(By.cssSelector("[data-field=projected_turned_around]"))))
          .isEqualByComparingTo(number(progress.path("projection"), "projected_turned_around"));
    }
    assertThat(browser.findElements(By.id("returns"))).isEmpty();
    assertThat(browser.findElements(By.id("data-quality"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#benchmark-table tbody tr"))).hasSize(4);
    assertThat(browser.findElements(By.cssSelector("svg.tfwh-chart polyline.reported"))).hasSize(1);
    checkAccessibility("authority page");
    checkDownloads(false, List.of());
    screenshot("authority");
  }

  @Test
  void filtersAndSortingWorkWithoutJavaScriptAndTheirAddressRestoresThem() throws Exception {
    open("/");
    WebElement last =
        browser.findElements(By.cssSelector("#league-table tbody tr")).stream()
            .reduce((first, second) -> second)
            .orElseThrow();
    String regionCode = last.getAttribute("data-region");
    String typeCode = last.getAttribute("data-type");
    Select region = new Select(browser.findElement(By.id("region")));
    region.selectByValue(regionCode);
    String regionName = region.getFirstSelectedOption().getText();
    navigateBy(browser.findElement(By.id("apply-filters")));

    assertThat(browser.getCurrentUrl()).contains("region=" + regionCode);
    List<Map<String, String>> rows = leagueRows();
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("region")).isEqualTo(regionName));
    String phase = selected("phase");
    String period = selected("period");
    JsonNode api =
        api(
            "/api/v1/league-table?phase=" + phase + "&period=" + period + "&region=" + regionCode,
            null);
    assertThat(rows).isEqualTo(apiLeagueRows(api));
    // Filtered to a region: each authority's rank within it and its quartile band, as the API has
    // them, and a note that "Rank" is still England's.
    assertThat(browser.findElements(By.id("region-rank-note"))).hasSize(1);
    List<Map<String, String>> bands =
        tableRows("#league-table tbody tr", "code=data-authority", "region_rank", "quartile");
    for (int i = 0; i < bands.size(); i++) {
      JsonNode apiRow = api.path("rows").get(i);
      assertThat(bands.get(i).get("code")).isEqualTo(apiRow.path("authority_code").asText());
      assertThat(bands.get(i).get("region_rank")).isEqualTo(apiRow.path("region_rank").asText());
      assertThat(bands.get(i).get("quartile")).startsWith("Q" + apiRow.path("quartile").asText());
    }

    String shared = browser.getCurrentUrl();
    browser.manage().deleteAllCookies();
    browser.get(shared);
    assertThat(selected("region")).isEqualTo(regionCode);
    assertThat(leagueRows()).isEqualTo(rows);

    navigateBy(browser.findElement(By.cssSelector("th[data-sort=name] a")));
    assertThat(browser.getCurrentUrl()).contains("sort=name").contains("region=" + regionCode);
    List<String> names = leagueRows().stream().map(r -> r.get("name")).toList();
    assertThat(names).isSortedAccordingTo(String::compareTo);
    assertThat(browser.findElement(By.cssSelector("th[data-sort=name]")).getAttribute("aria-sort"))
        .isEqualTo("ascending");

    new Select(browser.findElement(By.id("type"))).selectByValue(typeCode);
    new Select(browser.findElement(By.id("region"))).selectByValue("");
    navigateBy(browser.findElement(By.id("apply-filters")));
    assertThat(browser.getCurrentUrl()).contains("type=" + typeCode).contains("sort=name");
    JsonNode byType =
        api(
            "/api/v1/league-table?phase=" + phase + "&period=" + period + "&type=" + typeCode,
            null);
    List<Map<String, String>> expected = apiLeagueRows(byType);
    assertThat(leagueRows()).containsExactlyInAnyOrderElementsOf(expected);
    checkAccessibility("filtered league table");
  }

  @Test
  void nationalOverviewShowsTheApisTotals() throws Exception {
    open("/national");
    String phase = selected("phase");
    String period = selected("period");
    JsonNode national = api("/api/v1/national?phase=" + phase + "&period=" + period, null);
    assertThat(
            number(
                browser.findElement(By.cssSelector("#england-totals [data-field=turned_around]"))))
        .isEqualByComparingTo(number(national, "turned_around"));
    assertThat(
            number(
                browser.findElement(
                    By.cssSelector("#england-totals [data-field=percent_of_target]"))))
        .isEqualByComparingTo(number(national, "percent_of_target"));
    JsonNode regions = api("/api/v1/regions?phase=" + phase + "&period=" + period, null);
    Map<String, String> shown = new LinkedHashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#regions-table tbody tr"))) {
      shown.put(row.getAttribute("data-region"), field(row, "turned_around"));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (JsonNode row : regions.path("rows")) {
      expected.put(row.path("region_code").asText(), plain(row.path("turned_around")));
    }
    assertThat(shown).isEqualTo(expected);
    checkAccessibility("national overview");
    assertThat(browser.findElements(By.id("download-briefing"))).isEmpty();
    checkDownloads(false, List.of());
    screenshot("national");

    navigateBy(browser.findElement(By.cssSelector("#regions-table tbody tr th a")));
    assertThat(browser.getCurrentUrl()).contains("region=");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("League table");
  }

  @Test
  void signedInUsersSeePreReleaseFiguresMarkedAndTheirOwnReturns() throws Exception {
    open("/login");
    checkAccessibility("sign-in page");
    screenshot("sign-in");
    signIn("nat", "not-the-token");
    assertThat(browser.getCurrentUrl()).contains("/login?error");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("not right");
    checkAccessibility("sign-in error");

    signIn("nat", WAREHOUSE.nationalToken);
    open("/");
    assertThat(
            browser
                .findElement(By.cssSelector(".govuk-notification-banner[data-pre-release]"))
                .getText())
        .contains("Pre-release")
        .contains(DashboardWarehouse.PRE_RELEASE_ID);
    String phase = selected("phase");
    String period = selected("period");
    JsonNode api =
        api("/api/v1/league-table?phase=" + phase + "&period=" + period, WAREHOUSE.nationalToken);
    assertThat(api.path("snapshot").asText()).isEqualTo(DashboardWarehouse.PRE_RELEASE_ID);
    assertThat(leagueRows()).isEqualTo(apiLeagueRows(api));
    checkAccessibility("league table, pre-release");
    screenshot("league-table-pre-release");
    open("/national");
    assertThat(browser.findElements(By.id("download-briefing"))).hasSize(1);
    checkDownloads(true, null);
    navigateBy(browser.findElement(By.cssSelector(".tfwh-signed-in button")));
    assertThat(browser.findElement(By.id("signed-out")).getText()).contains("You have signed out");
    assertThat(browser.findElements(By.cssSelector("[data-pre-release]"))).isEmpty();
    checkAccessibility("league table, signed out");

    signIn("coord", WAREHOUSE.coordinatorToken);
    // A quarter in which the coordinator's authority has a return, in both warehouses.
    open("/authorities/" + DashboardWarehouse.CODE + "?phase=1&period=2013-09-30");
    assertThat(browser.findElement(By.id("returns")).getText()).contains("Returns history");
    assertThat(browser.findElements(By.cssSelector("#returns-table tbody tr"))).isNotEmpty();
    assertThat(browser.findElement(By.id("data-quality")).getText()).contains("Data quality");
    assertThat(browser.findElements(By.cssSelector("[data-pre-release]"))).isNotEmpty();
    checkAccessibility("authority page, coordinator");
    // The authority's own tables come from the pre-release snapshot, as the page shows them; its
    // comparisons with other authorities from the published one.
    checkDownloads(
        true,
        browser.findElements(By.cssSelector("a[id^=download-]")).stream()
            .map(a -> a.getAttribute("id"))
            .filter(
                id ->
                    !id.startsWith("download-benchmark")
                        && !id.startsWith("download-members-")
                        && !id.equals("download-trend-csv"))
            .toList());
    screenshot("authority-coordinator");
    open("/authorities/" + otherAuthority());
    assertThat(browser.findElements(By.id("returns"))).isEmpty();
    assertThat(browser.findElements(By.id("data-quality"))).isEmpty();
    // Another authority's returns are not this coordinator's to download, page or not.
    Object refused =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => done(r.status), e => done('ERROR ' + e));",
                "/download/api/v1/authorities/"
                    + otherAuthority()
                    + "/returns.csv?phase=1&period=2013Q3");
    assertThat(String.valueOf(refused)).isEqualTo("403");
    navigateBy(browser.findElement(By.cssSelector(".tfwh-signed-in button")));

    // A minister downloads the briefing the national page offers (it failed outright before).
    signIn("min", WAREHOUSE.ministerToken);
    open("/national");
    assertThat(browser.findElements(By.id("download-briefing"))).hasSize(1);
    checkDownloads(true, null);
  }

  @Test
  void anEarlierQuarterShowsTheSeriesAndItsProjectionAsTheyStoodThen() throws Exception {
    open("/?phase=2");
    List<String> periods = options("period");
    assertThat(periods).hasSizeGreaterThan(2);
    String earlier = periods.get(periods.size() - 3);
    String code =
        browser
            .findElement(By.cssSelector("#league-table tbody tr"))
            .getAttribute("data-authority");

    open("/authorities/" + code + "?phase=2&period=" + earlier);

    List<Map<String, String>> rows = progressRows();
    assertThat(rows).isNotEmpty().allMatch(r -> r.get("period").compareTo(earlier) <= 0);
    assertThat(rows.get(rows.size() - 1).get("period")).isEqualTo(earlier);
    JsonNode progress =
        api("/api/v1/authorities/" + code + "/progress?phase=2&period=" + earlier, null);
    assertThat(rows).isEqualTo(apiProgressRows(progress));
    JsonNode projection = progress.path("projection");
    assertThat(projection.path("latest_period").asText()).isEqualTo(earlier);
    assertThat(number(browser.findElement(By.cssSelector("[data-field=projected_turned_around]"))))
        .isEqualByComparingTo(number(projection, "projected_turned_around"));
    assertThat(
            browser
                .findElement(By.cssSelector("[data-field=average_quarterly_increase]"))
                .getText())
        .as("the pace is a whole number of families")
        .matches("[0-9]{1,3}(,[0-9]{3})*");
    String dashed =
        browser
            .findElement(By.cssSelector("svg.tfwh-chart polyline.projected"))
            .getAttribute("points");
    assertThat(dashed.trim().split(" +"))
        .as("the dashed projection runs from the chosen quarter to the end of the phase")
        .hasSizeGreaterThan(2);
    assertThat(chartTextOutsideTheDrawing()).as("axis labels cut off at the edge").isEmpty();
    checkAccessibility("authority page at an earlier quarter");
  }

  @Test
  void phaseTwoIsSpokenOfAsSuccessfulFamilyOutcomesNeverAsTurnedAround() {
    for (String path :
        List.of(
            "/?phase=2",
            "/national?phase=2",
            "/authorities/" + DashboardWarehouse.CODE + "?phase=2")) {
      open(path);
      String page = browser.findElement(By.id("main-content")).getText();
      assertThat(page)
          .as(path)
          .containsIgnoringCase("successful family outcomes")
          .doesNotContainIgnoringCase("turned around")
          .doesNotContainIgnoringCase("turn around");
    }
    open("/?phase=1");
    assertThat(browser.findElement(By.id("main-content")).getText())
        .containsIgnoringCase("turned around");
  }

  @Test
  void returnsHistoryNamesEachVersionByItsFileAndFitsTheWindow() {
    signIn("coord", WAREHOUSE.coordinatorToken);
    open("/authorities/" + DashboardWarehouse.CODE + "?phase=1&period=2013-09-30");

    List<WebElement> versions = browser.findElements(By.cssSelector("#returns-table tbody tr"));
    assertThat(versions).isNotEmpty();
    for (int i = 0; i < versions.size(); i++) {
      WebElement version = versions.get(i);
      assertThat(version.findElement(By.tagName("th")).getText())
          .startsWith("Version " + (i + 1))
          .doesNotContain(version.getAttribute("data-return-id"));
      assertThat(version.findElement(By.cssSelector("[data-field=file]")).getText())
          .matches(".+\\.(xlsx|summary\\.csv)");
      for (String field : List.of("families_attached", "turned_around")) {
        assertThat(version.findElement(By.cssSelector("[data-field=" + field + "]")).getText())
            .matches("[0-9]{1,3}(,[0-9]{3})*");
      }
    }
    assertThat(
            (Boolean)
                browser.executeScript(
                    "const e = document.documentElement;"
                        + " const t = document.querySelector('#returns-table').parentElement;"
                        + " return e.scrollWidth <= e.clientWidth && t.scrollWidth <= t.clientWidth;"))
        .as("the page and the returns table fit 1280 px without sideways scrolling")
        .isTrue();
  }

  @Test
  void onAPhoneTheLeagueTableShowsRankNameAndPercentWithoutSidewaysScrolling() {
    Dimension desktop = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      open("/");
      Long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
      assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
          .as("the page scrolls sideways at 390 px")
          .isLessThanOrEqualTo(viewport);
      List<WebElement> rows = browser.findElements(By.cssSelector("#league-table tbody tr"));
      assertThat(rows).hasSizeGreaterThan(3);
      for (WebElement row : rows.subList(0, 3)) {
        for (String key :
            List.of("[data-field=rank]", "[data-field=name]", "[data-field=percent_of_target]")) {
          WebElement cell = row.findElement(By.cssSelector(key));
          Map<?, ?> box =
              (Map<?, ?>)
                  browser.executeScript(
                      "const r = arguments[0].getBoundingClientRect();"
                          + " const range = document.createRange(); range.selectNodeContents(arguments[0]);"
                          + " const t = range.getBoundingClientRect();"
                          + " return {left: t.left, right: t.right, width: t.width};",
                      cell);
          assertThat(((Number) box.get("width")).doubleValue()).as(key + " shown").isPositive();
          assertThat(((Number) box.get("right")).doubleValue())
              .as(key + " within the screen")
              .isLessThanOrEqualTo(viewport.doubleValue());
        }
      }
      checkAccessibility("league table on a phone");
      browser.executeScript("document.querySelector('#league-table').scrollIntoView()");
      windowScreenshot("league-table-phone");
    } finally {
      browser.manage().window().setSize(desktop);
    }
  }

  @Test
  void anAuthorityPagePrintsItsFiguresWithoutControlsFromTheFirstPage() throws IOException {
    open("/authorities/" + DashboardWarehouse.CODE);
    String name = browser.findElement(By.id("authority-name")).getText();
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      for (String control :
          List.of(
              ".govuk-header",
              ".govuk-service-navigation",
              ".tfwh-filters",
              "nav[aria-label='On this page']",
              ".govuk-back-link",
              "#download-progress-csv")) {
        assertThat(
                browser.executeScript(
                    "return document.querySelector(arguments[0]).getClientRects().length;",
                    control))
            .as(control + " is not printed")
            .isEqualTo(0L);
      }
    } finally {
      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
    Map<String, Object> pdf =
        browser.executeCdpCommand(
            "Page.printToPDF",
            Map.of("paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true));
    byte[] bytes = java.util.Base64.getDecoder().decode((String) pdf.get("data"));
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      org.apache.pdfbox.text.PDFTextStripper firstPage =
          new org.apache.pdfbox.text.PDFTextStripper();
      firstPage.setStartPage(1);
      firstPage.setEndPage(1);
      String text = firstPage.getText(document);
      assertThat(text)
          .as("the first printed page")
          .contains(name)
          .contains("Progress against target")
          .doesNotContain("Choose a quarter")
          .doesNotContain("On this page");
      if (Boolean.getBoolean("tfwh.screenshots")) {
        Files.write(
            Path.of(
                System.getProperty("tfwh.root.dir"), "docs", "screenshots", "authority-print.pdf"),
            bytes);
      }
    }
  }

  @Test
  void eachFailedSignInOnThePagesCountsOnceAgainstTheLimit() throws Exception {
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    String form =
        client
            .send(
                HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).isTrue();
    java.util.function.Function<String, HttpResponse<String>> signIn =
        token -> {
          try {
            return client.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "username=coord&token="
                                + java.net.URLEncoder.encode(
                                    token, java.nio.charset.StandardCharsets.UTF_8)
                                + "&_csrf="
                                + csrf.group(1)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        };
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> failed = signIn.apply("tfwh_wrong" + i);
      assertThat(failed.statusCode()).as("failure " + (i + 1)).isEqualTo(302);
      assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("error");
    }

    HttpResponse<String> fifth = signIn.apply(WAREHOUSE.coordinatorToken);
    assertThat(fifth.statusCode())
        .as("four failures of five allowed: not throttled yet")
        .isEqualTo(302);
    assertThat(fifth.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  /**
   * The page downloads of every page, for every kind of signed-in user (issue 19, item 1): each
   * download link, fetched with the page's session cookie and no token, is the file of the snapshot
   * the page shows that user. The API itself never takes the page's cookie (so a forged cross-site
   * request cannot use a sign-in): the same address under {@code /api/v1} with the same cookie
   * answers as it answers the public.
   */
  @Test
  void pageDownloadsFollowThePageSignInAndTheApiIgnoresThePageCookie() throws Exception {
    String other = otherAuthority();
    for (String[] user :
        new String[][] {
          {"nat", WAREHOUSE.nationalToken},
          {"coord", WAREHOUSE.coordinatorToken},
          {"min", WAREHOUSE.ministerToken}
        }) {
      signIn(user[0], user[1]);
      assertThat(browser.findElements(By.cssSelector(".tfwh-signed-in")))
          .as(user[0] + " signed in")
          .isNotEmpty();
      for (String page :
          List.of(
              "/",
              "/national",
              "/authorities/" + DashboardWarehouse.CODE + "?phase=1&period=2013-09-30",
              "/authorities/" + other)) {
        open(page);
        String shown =
            browser.findElements(By.cssSelector("[data-pre-release]")).isEmpty()
                ? "published"
                : "pre-release";
        List<String> links = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector("a[id^=download-]"))) {
          links.add(link.getAttribute("href"));
        }
        String cookies =
            browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        for (String link : links) {
          String where = user[0] + " on " + page + ": " + link;
          HttpResponse<byte[]> download =
              HTTP.send(
                  HttpRequest.newBuilder(URI.create(link)).header("Cookie", cookies).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          assertThat(download.statusCode()).as(where).isEqualTo(200);
          String snapshot = download.headers().firstValue("X-Tfwh-Snapshot").orElse("");
          if (shown.equals("published")) {
            assertThat(snapshot).as(where).isNotEqualTo(DashboardWarehouse.PRE_RELEASE_ID);
          }
          if (!link.contains("/download/api/v1/")) {
            continue; // a page's own CSV: the page's answer, checked above
          }
          // The API with the page's cookie and no token: the public's answer, never pre-release.
          String api = link.replace("/download/api/v1/", "/api/v1/");
          HttpResponse<byte[]> withCookie =
              HTTP.send(
                  HttpRequest.newBuilder(URI.create(api)).header("Cookie", cookies).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          assertThat(withCookie.statusCode()).as(api).isIn(200, 401);
          assertThat(withCookie.headers().firstValue("X-Tfwh-Snapshot").orElse(""))
              .as(api)
              .isNotEqualTo(DashboardWarehouse.PRE_RELEASE_ID);
        }
      }
      browser.manage().deleteAllCookies();
    }
  }

  /**
   * Issue 19, item 13: every public page says which snapshot it shows, when it was published, what
   * changed since the release before (for pre-release figures: since the published ones) and when
   * to expect the next change, and links to the methodology and rules as pages.
   */
  @Test
  void everyFiguresPageGivesItsReleaseContextAndTheDocumentsArePages() throws Exception {
    String published = api("/api/v1/periods", null).path("snapshot").asText();
    for (String page : List.of("/", "/national", "/authorities/" + DashboardWarehouse.CODE)) {
      open(page);
      assertThat(browser.findElement(By.id("release-snapshot")).getText())
          .as(page)
          .isEqualTo(published);
      assertThat(browser.findElement(By.id("release-date")).getText()).startsWith("Published ");
      assertThat(browser.findElement(By.id("release-revisions")).getText())
          .contains("first release");
      assertThat(browser.findElement(By.id("release-next")).getText()).isNotBlank();
    }
    checkAccessibility("authority page with its release context");

    signIn("nat", WAREHOUSE.nationalToken);
    open("/");
    assertThat(browser.findElement(By.id("release-snapshot")).getText())
        .isEqualTo(DashboardWarehouse.PRE_RELEASE_ID);
    assertThat(browser.findElement(By.id("release-date")).getText())
        .startsWith("Not yet published");
    // The pre-release snapshot adds to every authority's figure: all of them are revisions.
    int authorities = browser.findElements(By.cssSelector("#league-table tbody tr")).size();
    assertThat(browser.findElement(By.id("release-revisions")).getText())
        .contains(
            authorities + " authorities' figures for this quarter changed since " + published);
    checkAccessibility("league table with pre-release context");
    browser.manage().deleteAllCookies();

    // A coordinator's own authority page reads its pre-release figures, and only its own: the
    // other authorities' revised figures are not named, nor how many of them changed.
    signIn("coord", WAREHOUSE.coordinatorToken);
    // A quarter in which the coordinator's authority has a return, in both warehouses.
    open("/authorities/" + DashboardWarehouse.CODE + "?phase=1&period=2013-09-30");
    assertThat(browser.findElement(By.id("release-snapshot")).getText())
        .isEqualTo(DashboardWarehouse.PRE_RELEASE_ID);
    assertThat(browser.findElement(By.id("release-revisions")).getText())
        .contains("1 authority's figure for this quarter changed since " + published);
    assertThat(browser.findElements(By.cssSelector("#release-revisions li"))).hasSize(1);
    browser.manage().deleteAllCookies();

    for (String[] document :
        new String[][] {
          {"/methodology", "Methodology"},
          {"/rules", "rule"},
          {"/data-dictionary", "Data dictionary"}
        }) {
      open(document[0]);
      assertThat(browser.findElement(By.tagName("h1")).getText()).containsIgnoringCase(document[1]);
      assertThat(browser.findElements(By.cssSelector(".tfwh-document table.govuk-table")))
          .as(document[0])
          .isNotEmpty();
      checkAccessibility(document[0] + " page");
    }
    // The data dictionary links to the rules (docs/data-dictionary.md: "](rules.md)"): a page link.
    assertThat(browser.findElements(By.cssSelector(".tfwh-document a[href='/rules']")))
        .as("a link between documents goes to the other document's page")
        .isNotEmpty();
    open("/methodology");
    screenshot("methodology");
  }

  /**
   * Issue 19, item 2: the page's CSV for people is the table as shown (filters and order), with
   * headings, a byte-order mark and a first line that says what it covers.
   */
  @Test
  void theLeagueTablesSpreadsheetCsvIsTheTableAsShownWithItsFiltersStated() throws Exception {
    open("/?sort=name&order=asc");
    String regionCode =
        browser.findElement(By.cssSelector("#league-table tbody tr")).getAttribute("data-region");
    open("/?sort=name&order=asc&region=" + regionCode);
    List<String> names =
        tableRows("#league-table tbody tr", "name").stream().map(r -> r.get("name")).toList();
    List<String> lines =
        fetchWithBom(browser.findElement(By.id("download-league-csv")).getAttribute("href"))
            .lines()
            .toList();
    assertThat(lines.get(0)).isEqualTo("BOM");
    assertThat(lines.get(1))
        .startsWith("# League table, phase ")
        .contains("region ")
        .contains("sorted by authority");
    assertThat(lines.get(2)).startsWith("Rank,Rank in region,Quartile,Authority code,Authority,");
    assertThat(lines.subList(3, lines.size())).hasSize(names.size());
    for (int i = 0; i < names.size(); i++) {
      assertThat(lines.get(3 + i)).contains(names.get(i));
    }
  }

  /**
   * Issue 19, item 10: an authority's percent of target over time against its neighbours' median,
   * its region and England, each figure the API's for that quarter.
   */
  @Test
  void anAuthorityPageShowsItsTrendAgainstItsComparators() throws Exception {
    open("/");
    String phase = selected("phase");
    String period = selected("period");
    String code =
        browser
            .findElement(By.cssSelector("#league-table tbody tr"))
            .getAttribute("data-authority");
    open("/authorities/" + code + "?phase=" + phase + "&period=" + period);
    List<WebElement> rows = browser.findElements(By.cssSelector("#trend-table tbody tr"));
    assertThat(rows).isNotEmpty();
    WebElement last = rows.get(rows.size() - 1);
    JsonNode national = api("/api/v1/national?phase=" + phase + "&period=" + period, null);
    assertThat(percent(last, "england"))
        .isEqualByComparingTo(number(national, "percent_of_target"));
    JsonNode benchmark =
        api(
            "/api/v1/authorities/"
                + code
                + "/benchmark?phase="
                + phase
                + "&period="
                + period
                + "&group=neighbours",
            null);
    assertThat(percent(last, "authority"))
        .isEqualByComparingTo(benchmark.path("percent_of_target").decimalValue());
    assertThat(percent(last, "neighbours"))
        .isEqualByComparingTo(benchmark.path("group_median").decimalValue());
    assertThat(browser.findElements(By.cssSelector("svg.tfwh-series-chart polyline"))).hasSize(4);
    assertThat(browser.findElements(By.cssSelector(".tfwh-legend li"))).hasSize(4);
    checkAccessibility("authority page with its trend");
  }

  private static BigDecimal percent(WebElement row, String series) {
    String text = row.findElement(By.cssSelector("[data-series=" + series + "]")).getText();
    return new BigDecimal(text.replace("%", ""));
  }

  /**
   * Issue 19, item 11: find an authority by name or code from any page, choose several and compare
   * them side by side over time; the address is a permalink.
   */
  @Test
  void findAuthoritiesFromAnyPageAndCompareThemSideBySide() throws Exception {
    open("/national");
    List<WebElement> league = new ArrayList<>();
    open("/");
    league.addAll(browser.findElements(By.cssSelector("#league-table tbody tr")));
    String first = league.get(0).getAttribute("data-authority");
    String second = league.get(1).getAttribute("data-authority");
    String phase = selected("phase");
    String period = selected("period");

    // A code finds exactly one authority: straight to its page.
    browser.findElement(By.id("header-find")).sendKeys(first.toLowerCase());
    navigateBy(browser.findElement(By.cssSelector(".tfwh-find button")));
    assertThat(browser.getCurrentUrl()).contains("/authorities/" + first);

    // A few letters find several: choose two and compare.
    open("/find?q=e");
    assertThat(browser.findElements(By.cssSelector("#match-links li"))).hasSizeGreaterThan(1);
    checkAccessibility("find");
    open("/find?q=e&codes=" + first);
    browser.findElement(By.cssSelector("label[for=match-" + second + "]")).click();
    navigateBy(browser.findElement(By.id("compare-button")));
    assertThat(browser.getCurrentUrl()).contains("/compare").contains(first).contains(second);
    open("/compare?codes=" + first + "," + second + "&phase=" + phase + "&period=" + period);
    assertThat(browser.findElements(By.cssSelector("#compare-table thead th[data-authority]")))
        .extracting(e -> e.getAttribute("data-authority"))
        .containsExactly(first, second);
    List<WebElement> last =
        browser.findElements(By.cssSelector("#compare-table tbody tr:last-child td"));
    JsonNode league1 = api("/api/v1/league-table?phase=" + phase + "&period=" + period, null);
    for (int i = 0; i < 2; i++) {
      String code = i == 0 ? first : second;
      BigDecimal expected = null;
      for (JsonNode row : league1.path("rows")) {
        if (row.path("authority_code").asText().equals(code)) {
          expected = row.path("percent_of_target").decimalValue();
        }
      }
      assertThat(new BigDecimal(last.get(i).getText().replace("%", "")))
          .as(code)
          .isEqualByComparingTo(expected);
    }
    assertThat(browser.findElements(By.cssSelector("svg.tfwh-series-chart polyline"))).hasSize(2);
    checkAccessibility("compare");
    screenshot("compare");

    navigateBy(browser.findElement(By.cssSelector("#chosen li:last-child a[href^='/compare']")));
    assertThat(browser.findElements(By.cssSelector("#compare-table thead th[data-authority]")))
        .hasSize(1);
    open("/compare?codes=E99999999");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check the page address");
  }

  /** Issue 19, item 9: the national team's data-quality page, as the API counts it. */
  @Test
  void theNationalDataQualityPageShowsEveryAuthoritysStateFiltersAndDownloadsIt() throws Exception {
    signIn("nat", WAREHOUSE.nationalToken);
    open("/data-quality");
    String phase = selected("phase");
    String period = selected("period");
    JsonNode api =
        api("/api/v1/data-quality?phase=" + phase + "&period=" + period, WAREHOUSE.nationalToken);
    for (String status : List.of("accepted", "late", "resubmitted", "missing")) {
      assertThat(
              browser
                  .findElement(By.cssSelector("#quality-counts tr[data-state=" + status + "] td"))
                  .getText())
          .as(status)
          .isEqualTo(api.path("status_counts").path(status).asText());
    }
    assertThat(browser.findElements(By.cssSelector("#quality-table tbody tr")))
        .hasSize(api.path("rows").size());
    checkAccessibility("data quality");
    screenshot("data-quality");

    new Select(browser.findElement(By.id("state"))).selectByValue("missing");
    navigateBy(browser.findElement(By.id("apply-filters")));
    List<WebElement> missing = browser.findElements(By.cssSelector("#quality-table tbody tr"));
    assertThat(missing).hasSize(api.path("status_counts").path("missing").asInt());
    assertThat(missing)
        .allSatisfy(r -> assertThat(r.getAttribute("data-status")).isEqualTo("missing"));
    Object csv =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('ERROR ' + e));",
                browser.findElement(By.id("download-quality-csv")).getAttribute("href"));
    List<String> lines = String.valueOf(csv).lines().toList();
    assertThat(lines.get(0))
        .contains("Data quality, phase " + phase)
        .contains(DashboardWarehouse.PRE_RELEASE_ID)
        .contains("state missing");
    assertThat(lines).hasSize(missing.size() + 2);
    checkAccessibility("data quality, missing only");
    browser.manage().deleteAllCookies();

    signIn("coord", WAREHOUSE.coordinatorToken);
    open("/data-quality");
    assertThat(browser.findElements(By.id("quality-table"))).isEmpty();
  }

  /**
   * Issue 19, item 2, for every table of the authority, national and compare pages: the page's "CSV
   * for spreadsheets" holds that table as shown to this viewer (a byte-order mark, a first line
   * naming the phase, quarter and snapshot the table is read from, the page's headings, its rows);
   * the API's CSV beside it is labelled as the programs' one.
   */
  private static final java.util.Set<String> OWN_TABLES =
      java.util.Set.of(
          "download-progress-csv",
          "download-projection-csv",
          "download-payments-csv",
          "download-returns-csv",
          "download-findings-csv");

  @Test
  void everyTablesSpreadsheetCsvIsThatTableAsShownToTheViewer() throws Exception {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("download-progress-csv", "#progress-table");
    tables.put("download-projection-csv", "#projection-table");
    tables.put("download-benchmarks-csv", "#benchmark-table");
    tables.put("download-members-neighbours", "#members-table-neighbours");
    tables.put("download-members-region", "#members-table-region");
    tables.put("download-trend-csv", "#trend-table");
    tables.put("download-payments-csv", "#payments-table");
    tables.put("download-returns-csv", "#returns-table");
    tables.put("download-findings-csv", "#findings-table");
    tables.put("download-england-csv", null);
    tables.put("download-regions-csv", "#regions-table");
    tables.put("download-compare-csv", "#compare-table");
    // Where a page cell holds what the CSV splits into columns of their own.
    Map<String, List<String>> split =
        Map.of(
            "Rank in group",
            List.of("Rank in group", "Group size"),
            "Return",
            List.of("Version", "Current", "File"),
            "Submitted",
            List.of("Submitted (UTC)"),
            "Where",
            List.of("File", "Row", "Column"));
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<String> pages =
        List.of(
            "/authorities/" + DashboardWarehouse.CODE + "?phase=1&period=2013-09-30",
            "/authorities/" + DashboardWarehouse.CODE,
            "/national",
            "/compare?codes=" + DashboardWarehouse.CODE + "," + otherAuthority());
    // The coordinator (its own tables pre-release), then the public (everything published).
    signIn("coord", WAREHOUSE.coordinatorToken);
    boolean coordinator = true;
    for (int v = 0; v < 2 * pages.size(); v++) {
      if (v == pages.size()) {
        browser.manage().deleteAllCookies();
        coordinator = false;
      }
      String page = pages.get(v % pages.size());
      open(page);
      String phase = selected("phase");
      for (WebElement link :
          browser.findElements(
              By.cssSelector("a[id^=download-][href$=csv], a[id^=download-][href*='.csv?']"))) {
        String id = link.getAttribute("id");
        if (id.startsWith("download-time-series")) {
          continue; // the national time series, not a table of the page
        }
        if (id.endsWith("-api-csv") || id.startsWith("download-benchmark-")) {
          assertThat(link.findElement(By.xpath("..")).getText())
              .as(id)
              .containsIgnoringCase("for programs");
          continue;
        }
        assertThat(tables).as("a table for " + id + " on " + page).containsKey(id);
        seen.add(id);
        String where = id + " on " + page + (coordinator ? " as the coordinator" : " signed out");
        List<String> lines = fetchWithBom(link.getAttribute("href")).lines().toList();
        assertThat(lines.get(0)).as(where).isEqualTo("BOM");
        String covers = lines.get(1);
        assertThat(covers).as(where).startsWith("# ").contains("phase " + phase + ", quarter ");
        String selector = tables.get(id);
        if (selector == null) {
          assertThat(lines).as(where).hasSize(4); // England: one line of totals
          continue;
        }
        // The coordinator's own tables are its pre-release figures; comparisons are published.
        assertThat(covers)
            .as(where)
            .contains(
                coordinator && OWN_TABLES.contains(id)
                    ? DashboardWarehouse.PRE_RELEASE_ID + " (PRE-RELEASE"
                    : "(published)");
        List<WebElement> shownTables = browser.findElements(By.cssSelector(selector));
        if (shownTables.isEmpty()) {
          // A table the page leaves out when empty (no findings): headings and no rows.
          assertThat(lines).as(where).hasSize(3);
          continue;
        }
        WebElement table = shownTables.get(0);
        List<String> headings = csvCells(lines.get(2));
        for (WebElement th : table.findElements(By.cssSelector("thead th"))) {
          String shown = th.getText().strip();
          // The page's heading itself, the columns the CSV splits it into, or (a compared
          // authority) its name with its code.
          assertThat(
                  headings.contains(shown)
                      || headings.containsAll(split.getOrDefault(shown, List.of(shown)))
                      || headings.stream().anyMatch(h -> h.startsWith(shown + " (")))
              .as(where + ": " + shown + " in " + headings)
              .isTrue();
        }
        assertThat(lines.subList(3, lines.size()))
            .as(where)
            .hasSize(table.findElements(By.cssSelector("tbody tr")).size());
      }
    }
    assertThat(seen).as("every kind of table offered").containsAll(tables.keySet());
  }

  /**
   * The tables' CSVs are held to the page's rules: the public and another authority's coordinator
   * get no returns or findings of an authority (not found, as on the page), another authority's
   * figures only as published, and a table the page has not, or a bad quarter, the page's errors.
   */
  @Test
  void aTablesCsvGivesNobodyMoreThanThePageShowsThem() throws Exception {
    String quarter = "?phase=1&period=2013-09-30";
    String own = "/authorities/" + DashboardWarehouse.CODE + "/";
    String other = "/authorities/" + otherAuthority() + "/";
    for (String table : List.of("returns", "findings")) {
      HttpResponse<String> anonymous = get(own + table + ".csv" + quarter, "");
      assertThat(anonymous.statusCode()).as("public, " + table).isEqualTo(404);
      assertThat(anonymous.body()).doesNotContain("Version,");
    }
    signIn("coord", WAREHOUSE.coordinatorToken);
    String cookies =
        browser.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(java.util.stream.Collectors.joining("; "));
    assertThat(get(own + "returns.csv" + quarter, cookies).statusCode()).isEqualTo(200);
    for (String table : List.of("returns", "findings")) {
      assertThat(get(other + table + ".csv" + quarter, cookies).statusCode())
          .as("another authority's " + table)
          .isEqualTo(404);
    }
    HttpResponse<String> progress = get(other + "progress.csv" + quarter, cookies);
    assertThat(progress.statusCode()).isEqualTo(200);
    assertThat(progress.headers().firstValue("X-Tfwh-Snapshot").orElse(""))
        .isNotEqualTo(DashboardWarehouse.PRE_RELEASE_ID);
    assertThat(progress.body().lines().findFirst().orElse("")).contains("(published)");
    assertThat(get(own + "nonsense.csv" + quarter, cookies).statusCode()).isEqualTo(404);
    assertThat(get(own + "progress.csv?phase=7", cookies).statusCode()).isEqualTo(400);
    assertThat(get("/compare.csv?codes=E99999999", cookies).statusCode()).isEqualTo(400);
    assertThat(get("/national/nonsense.csv", cookies).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path, String cookies) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unknownAuthorityAndBadFiltersGetGovukErrorPages() {
    open("/authorities/E99999999");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    checkAccessibility("not found");
    open("/?phase=7");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check the page address");
    // A slip is told the form to write, by the same rules as the API's.
    open("/authorities/e10000016");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains(
            "There is no authority with the code e10000016. Codes are written in capitals:"
                + " E10000016.");
    open("/?phase=1&period=Q3%202013");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("not 'Q3 2013' (written 2013Q3)");
    open("/?phase=Phase%202");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("phase must be 1 or 2, not 'Phase 2' (write phase=2)");
    // A parameter given twice is refused, not read as '2013Q3,2013Q4' or as the first.
    for (String page :
        List.of(
            "/?phase=1&period=2013Q3&period=2013Q4",
            "/league-table.csv?phase=1&phase=2",
            "/compare?codes=E10000016&codes=E08000025&phase=1&phase=2")) {
      open(page);
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .as(page)
          .isEqualTo("Check the page address");
      assertThat(browser.findElement(By.tagName("main")).getText())
          .as(page)
          .containsPattern("the parameter (phase|period) is given 2 times: give it once");
    }
  }

  // ---- the page

  private void open(String path) {
    browser.get(url(path));
  }

  /**
   * Clicks a link or submit button and waits until the next page has replaced this one: a click
   * returns as soon as the navigation starts, so reading the address or the page straight after it
   * can still see the old page.
   */
  private void navigateBy(WebElement control) {
    WebElement oldPage = browser.findElement(By.tagName("html"));
    control.click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(driver -> Browser.isGone(oldPage));
    wait.until(
        driver ->
            "complete"
                .equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
  }

  private void signIn(String user, String token) {
    open("/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("token")).sendKeys(token);
    navigateBy(browser.findElement(By.id("sign-in")));
  }

  private String selected(String id) {
    return new Select(browser.findElement(By.id(id)))
        .getFirstSelectedOption()
        .getAttribute("value");
  }

  /** The values a select offers, in ascending order. */
  private List<String> options(String id) {
    return new Select(browser.findElement(By.id(id)))
        .getOptions().stream().map(o -> o.getAttribute("value")).sorted().toList();
  }

  /** The text of the progress chart that is drawn outside its own box (cut off on screen). */
  @SuppressWarnings("unchecked")
  private List<String> chartTextOutsideTheDrawing() {
    return (List<String>)
        browser.executeScript(
            "const svg = document.querySelector('svg.tfwh-chart');"
                + " const box = svg.viewBox.baseVal;"
                + " return [...svg.querySelectorAll('text')].filter(t => {"
                + "   const b = t.getBBox();"
                + "   return b.x < box.x || b.y < box.y"
                + "     || b.x + b.width > box.x + box.width || b.y + b.height > box.y + box.height;"
                + " }).map(t => t.textContent);");
  }

  private String otherAuthority() {
    open("/");
    for (WebElement row : browser.findElements(By.cssSelector("#league-table tbody tr"))) {
      String code = row.getAttribute("data-authority");
      if (!code.equals(DashboardWarehouse.CODE)) {
        return code;
      }
    }
    throw new AssertionError("the league table has one authority only");
  }

  /** The league table as shown: code, name, region, rank, turned around, percent of target. */
  private List<Map<String, String>> leagueRows() {
    return tableRows(
        "#league-table tbody tr",
        "code=data-authority",
        "name",
        "region",
        "rank",
        "turned_around",
        "percent_of_target");
  }

  private List<Map<String, String>> progressRows() {
    return tableRows(
        "#progress-table tbody tr", "period=data-period", "turned_around", "percent_of_target");
  }

  /**
   * The rows of a table as shown, read in one script rather than a round trip per cell: each column
   * is a cell's {@code data-field} (its text, without thousands separators and percent signs) or,
   * written {@code key=attribute}, an attribute of the row.
   */
  @SuppressWarnings("unchecked")
  private List<Map<String, String>> tableRows(String rowSelector, String... columns) {
    Object rows =
        browser.executeScript(
            "const [selector, columns] = arguments;"
                + "return [...document.querySelectorAll(selector)].map(tr => {"
                + "  const row = {};"
                + "  for (const c of columns) {"
                + "    const [key, attribute] = c.split('=');"
                + "    if (attribute) { row[key] = tr.getAttribute(attribute); continue; }"
                + "    const cell = tr.querySelector('[data-field=' + key + ']');"
                + "    row[key] = cell.innerText.trim().replaceAll(',', '').replaceAll('%', '');"
                + "  }"
                + "  return row;"
                + "});",
            rowSelector, List.of(columns));
    List<Map<String, String>> result = new ArrayList<>();
    for (Object row : (List<Object>) rows) {
      Map<String, String> ordered = new LinkedHashMap<>();
      for (String column : columns) {
        String key = column.split("=")[0];
        ordered.put(key, String.valueOf(((Map<String, Object>) row).get(key)));
      }
      result.add(ordered);
    }
    return result;
  }

  private static String field(WebElement row, String name) {
    String text = row.findElement(By.cssSelector("[data-field=" + name + "]")).getText().trim();
    return text.replace(",", "").replace("%", "");
  }

  private static BigDecimal number(WebElement element) {
    return new BigDecimal(element.getText().replace(",", "").replace("%", "").trim());
  }

  // ---- the API

  private JsonNode api(String pathAndQuery, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(pathAndQuery))).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<Map<String, String>> apiLeagueRows(JsonNode table) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode row : table.path("rows")) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put("code", row.path("authority_code").asText());
      r.put("name", row.path("authority_name").asText());
      r.put("region", row.path("region").asText());
      r.put("rank", plain(row.path("rank")));
      r.put("turned_around", plain(row.path("turned_around")));
      r.put("percent_of_target", plain(row.path("percent_of_target")));
      rows.add(r);
    }
    return rows;
  }

  private static List<Map<String, String>> apiProgressRows(JsonNode progress) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode row : progress.path("rows")) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put("period", row.path("period").asText());
      r.put("turned_around", plain(row.path("turned_around")));
      r.put("percent_of_target", plain(row.path("percent_of_target")));
      rows.add(r);
    }
    return rows;
  }

  /** A number of the API's JSON (snake_case, docs/api.md); a missing field fails the test. */
  private static BigDecimal number(JsonNode object, String field) {
    assertThat(object.has(field)).as("the API's JSON has " + field + ": " + object).isTrue();
    return object.path(field).decimalValue();
  }

  private static String plain(JsonNode number) {
    return number.isNull() || number.isMissingNode() ? "" : number.decimalValue().toPlainString();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /**
   * Every download link on the page, fetched as the page's own script would (with its sign-in, no
   * token), answers with a non-empty file from the snapshot the page shows: the pre-release one for
   * the links in {@code preRelease} (all when it is null and the viewer is signed in), the
   * published one otherwise.
   */
  private void checkDownloads(boolean signedIn, List<String> preRelease) {
    List<WebElement> links = browser.findElements(By.cssSelector("a[id^=download-]"));
    assertThat(links).isNotEmpty();
    for (WebElement link : links) {
      String id = link.getAttribute("id");
      String href = link.getAttribute("href");
      // The API's tables through /download, or a page's own CSV of exactly what it shows.
      assertThat(href)
          .as(id)
          .containsAnyOf(
              "/download/api/v1/",
              "/league-table.csv",
              "/compare.csv",
              "/national/",
              "/authorities/");
      Object result =
          ((JavascriptExecutor) browser)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done("
                      + "r.status + ' ' + b.byteLength + ' ' + r.headers.get('X-Tfwh-Snapshot'))),"
                      + " e => done('ERROR ' + e));",
                  href);
      String[] answer = String.valueOf(result).split(" ");
      assertThat(answer[0]).as(id + " " + href).isEqualTo("200");
      assertThat(Long.parseLong(answer[1])).as(id).isPositive();
      if (id.endsWith("-metadata")) {
        // Notes about columns hold no figures, so come from no snapshot.
        assertThat(answer[2]).as(id).isEqualTo("null");
        continue;
      }
      boolean expectPreRelease = signedIn && (preRelease == null || preRelease.contains(id));
      if (expectPreRelease) {
        assertThat(answer[2]).as(id).isEqualTo(DashboardWarehouse.PRE_RELEASE_ID);
      } else {
        assertThat(answer[2]).as(id).isNotEqualTo(DashboardWarehouse.PRE_RELEASE_ID);
      }
    }
  }

  /**
   * A download fetched by the page's own script (with its sign-in), as text; "BOM" on a line of its
   * own first when the file starts with a UTF-8 byte-order mark.
   */
  private String fetchWithBom(String href) {
    Object text =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                    + "  const bytes = new Uint8Array(b);"
                    + "  const bom = bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;"
                    + "  done((bom ? 'BOM\\n' : '') + new TextDecoder().decode(b));"
                    + "}, e => done('ERROR ' + e));",
                href);
    return String.valueOf(text);
  }

  /** The cells of one CSV line (RFC 4180 quoting; no line breaks inside the cells read here). */
  private static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  // ---- accessibility and screenshots

  private void checkAccessibility(String page) {
    assertThat(Axe.violations(browser)).as("axe-core on the " + page).isEmpty();
  }

  /** What the window shows, not the whole page (a phone's first screen). */
  private void windowScreenshot(String name) {
    if (Boolean.getBoolean("tfwh.screenshots")) {
      try {
        Path dir = Path.of(System.getProperty("tfwh.root.dir"), "docs", "screenshots");
        Files.write(
            dir.resolve(name + ".png"),
            browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private void screenshot(String name) {
    if (!Boolean.getBoolean("tfwh.screenshots")) {
      return;
    }
    try {
      Path dir = Path.of(System.getProperty("tfwh.root.dir"), "docs", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), Browser.fullPageScreenshot(browser));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
