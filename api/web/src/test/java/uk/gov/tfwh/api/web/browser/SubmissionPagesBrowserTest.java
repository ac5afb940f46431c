package uk.gov.tfwh.api.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The submission pages in a real headless Chromium (issue 18): Kent's coordinator chooses a file,
 * sees what is wrong, fixes it and sends it again; Kent's SRO signs it off (and must tick the
 * confirmation); the national team sees the quarter's status and downloads it as shown; a minister
 * cannot open the pages; a form posted without its CSRF token is refused. axe-core finds no WCAG
 * 2.2 AA violation on any of the pages. With {@code -Dtfwh.screenshots=true} it writes the
 * screenshots of docs/submissions.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubmissionPagesBrowserTest {
  private static final String KENT = SnapshotFixture.KENT;
  private static final Path EXAMPLES;
  private static final Path DIR;
  private static final Path LANDING;
  private static final Path USERS;
  private static final String COORDINATOR = ApiTokens.newToken();
  private static final String SRO = ApiTokens.newToken();
  private static final String NATIONAL = ApiTokens.newToken();
  private static final String MINISTER = ApiTokens.newToken();
  private static final List<ApiUser> USERS_AT_START =
      List.of(
          new ApiUser("kent", Role.COORDINATOR, KENT, ApiTokens.hash(COORDINATOR), Instant.now()),
          new ApiUser("kent-sro", Role.COORDINATOR, KENT, ApiTokens.hash(SRO), Instant.now(), true),
          new ApiUser("nat", Role.NATIONAL, null, ApiTokens.hash(NATIONAL), Instant.now()),
          new ApiUser("min", Role.MINISTERIAL, null, ApiTokens.hash(MINISTER), Instant.now()));

  static {
    try {
      EXAMPLES = Path.of(System.getProperty("tfwh.root.dir", "../.."), "contract", "examples");
      DIR = Files.createTempDirectory("tfwh-submission-pages-");
      try (IcebergFixture fixture =
          IcebergFixture.open(Files.createDirectories(DIR.resolve("warehouse")))) {
        fixture.commit("published-fixture", 0);
        fixture.publish("published-fixture");
      }
      LANDING = DIR.resolve("landing");
      USERS = DIR.resolve("users.tsv");
      new UsersFile(USERS).write(USERS_AT_START);
      // A Kent summary whose families attached outnumber those identified, and its claims file.
      Files.createDirectories(DIR.resolve("upload"));
      Files.writeString(
          DIR.resolve("upload/kent-2015Q2.summary.csv"),
          Files.readString(EXAMPLES.resolve("valid-p2-kent-2015Q2.summary.csv"))
              .replace(",1240,610,", ",1240,9610,"));
      Files.copy(
          EXAMPLES.resolve("valid-p2-kent-2015Q2.claims.csv"),
          DIR.resolve("upload/kent-2015Q2.claims.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;

  private ChromeDriver browser;

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry properties) {
    properties.add("tfwh.api.warehouse", () -> DIR.resolve("warehouse").toString());
    properties.add("tfwh.api.users", USERS::toString);
    properties.add("tfwh.submissions.landing", LANDING::toString);
  }

  @BeforeEach
  void signedOut() {
    browser = Browser.shared();
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void aCoordinatorSeesWhatIsWrongFixesItAndTheSroSignsTheReturnOff() throws Exception {
    signIn("kent", COORDINATOR);
    open("/submissions");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Kent");
    checkAccessibility("returns list, empty");
    navigateBy(browser.findElement(By.id("send-return")));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Send your quarterly return");
    checkAccessibility("send your return");
    screenshot("submit");

    // Sent without a file: the form again, saying so, at an address without the CSRF token. The
    // form's address carried it, so after a post it stood in the address bar and the history.
    assertThat(
            browser
                .findElement(By.cssSelector("form[enctype='multipart/form-data']"))
                .getDomAttribute("action"))
        .isEqualTo("/submissions");
    navigateBy(browser.findElement(By.id("send")));
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("choose a file");
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/submissions"));

    // First attempt: the summary's families attached (9,610) exceed those identified.
    choose(
        DIR.resolve("upload/kent-2015Q2.summary.csv"),
        DIR.resolve("upload/kent-2015Q2.claims.csv"));
    navigateBy(browser.findElement(By.id("send")));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Your return was rejected");
    String summary = browser.findElement(By.id("findings-summary")).getText();
    assertThat(summary).contains("TFQR-").contains("families_attached");
    assertThat(browser.findElement(By.id("findings")).getText())
        .contains("kent-2015Q2.summary.csv")
        .contains("row 2");
    assertThat(folder(LANDING)).isEmpty();
    checkAccessibility("rejected return");
    screenshot("submission-rejected");

    // Fixed: the contract's valid pair.
    navigateBy(browser.findElement(By.id("send-again")));
    choose(
        EXAMPLES.resolve("valid-p2-kent-2015Q2.summary.csv"),
        EXAMPLES.resolve("valid-p2-kent-2015Q2.claims.csv"));
    navigateBy(browser.findElement(By.id("send")));
    assertThat(browser.findElement(By.cssSelector(".govuk-panel__title")).getText())
        .isEqualTo("Return received");
    assertThat(browser.findElement(By.id("state")).getText())
        .isEqualTo("Received, awaiting sign-off");
    assertThat(browser.findElements(By.id("sign-off"))).as("not the SRO").isEmpty();
    String receipt = browser.getCurrentUrl();
    checkAccessibility("received return");
    open("/submissions");
    assertThat(browser.findElements(By.cssSelector("#returns tbody tr"))).hasSize(2);
    checkAccessibility("returns list");
    screenshot("submissions");

    // The SRO: the confirmation must be ticked.
    signOut();
    signIn("kent-sro", SRO);
    browser.get(receipt);
    navigateBy(browser.findElement(By.id("sign-off-button")));
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("confirm");
    checkAccessibility("sign-off not confirmed");
    browser.findElement(By.cssSelector("label[for=confirm]")).click();
    navigateBy(browser.findElement(By.id("sign-off-button")));
    assertThat(browser.findElement(By.id("state")).getText())
        .isEqualTo("Submitted, waiting for the next load");
    assertThat(browser.findElement(By.id("receipt")).getText()).contains("by kent-sro");
    assertThat(folder(LANDING)).hasSize(2).allMatch(name -> name.startsWith(KENT + "-"));
    checkAccessibility("signed-off return");
    screenshot("submission-signed-off");

    // The national team: Kent submitted (late: 2015Q2 closed in 2015), everyone else not yet.
    signOut();
    signIn("nat", NATIONAL);
    open("/submissions/status?phase=2&period=2015Q2");
    assertThat(
            browser
                .findElement(By.cssSelector("#status tr[data-authority=" + KENT + "]"))
                .getText())
        .contains("Submitted late")
        .contains("kent-sro");
    assertThat(browser.findElement(By.cssSelector("#counts tr[data-state=late] td")).getText())
        .isEqualTo("1");
    checkAccessibility("submission status");
    screenshot("submission-status");
    navigateBy(browser.findElement(By.cssSelector("#state option[value=late]")));
    browser.findElement(By.cssSelector("form.tfwh-filters button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.urlContains("state=late"));
    assertThat(browser.findElements(By.cssSelector("#status tbody tr"))).hasSize(1);
    String csv = fetchInPage(browser.findElement(By.id("status-csv")).getAttribute("href"));
    assertThat(csv).startsWith("BOM\n# Submission status, phase 2, 2015Q2, state late");
    assertThat(csv.lines().toList()).hasSize(4).last().asString().startsWith(KENT + ",");
  }

  @Test
  void aSessionEndsAtItsNextRequestOnceItsUserIsRevokedOrGivenAnotherToken() throws Exception {
    String first = ApiTokens.newToken();
    String second = ApiTokens.newToken();
    try {
      // ./tfwh users add, then revoke and add again with a new token: the first session ends.
      usersWith(new ApiUser("deputy", Role.COORDINATOR, KENT, ApiTokens.hash(first), now(), true));
      signIn("deputy", first);
      assertThat(getWithSession("/submissions").statusCode()).isEqualTo(200);
      String firstSession = sessionCookie();
      usersWith(new ApiUser("deputy", Role.COORDINATOR, KENT, ApiTokens.hash(second), now(), true));
      assertSignedOut(firstSession);

      // ./tfwh users revoke: the session made with the current token ends too, sign-off included.
      signOut();
      signIn("deputy", second);
      open("/submissions/new");
      Matcher csrf =
          Pattern.compile("_csrf(?:=|\" value=\")([A-Za-z0-9_-]+)")
              .matcher(browser.getPageSource());
      assertThat(csrf.find()).as("the upload form's CSRF token").isTrue();
      String secondSession = sessionCookie();
      new UsersFile(USERS).write(USERS_AT_START);
      assertSignedOut(secondSession);
      HttpResponse<String> signOff =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url("/submissions/any-id/sign-off")))
                      .header("Cookie", "JSESSIONID=" + secondSession)
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "_csrf=" + csrf.group(1) + "&confirm=true"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      // Refused before any sign-off is looked at: with the session alive this reached the
      // sign-off itself (a 404 for this id, a 302 to ?signed-off for a real one).
      assertThat(signOff.statusCode()).as("a sign-off with the ended session").isEqualTo(403);
      open("/submissions");
      assertThat(browser.getCurrentUrl()).endsWith("/login");
    } finally {
      new UsersFile(USERS).write(USERS_AT_START);
    }
  }

  @Test
  void thePagesSendTheirSecurityHeadersAndASameSiteSessionCookie() throws Exception {
    for (String path : List.of("/login", "/", "/submissions")) {
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url(path))).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(
              "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self';"
                  + " frame-ancestors 'none'; form-action 'self'");
      assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    }
    signIn("kent", COORDINATOR);
    assertThat(browser.manage().getCookieNamed("JSESSIONID").getSameSite()).isEqualTo("Lax");
  }

  @Test
  void aMinisterCannotOpenThePagesAndAFormWithoutItsCsrfTokenIsRefused() throws Exception {
    signIn("min", MINISTER);
    HttpResponse<String> minister = getWithSession("/submissions/new");
    assertThat(minister.statusCode()).isEqualTo(403);
    signOut();

    open("/submissions");
    assertThat(browser.getCurrentUrl()).endsWith("/login");

    signIn("kent", COORDINATOR);
    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/submissions")))
                    .header(
                        "Cookie",
                        "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue())
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(folder(LANDING.resolveSibling("submissions").resolve("incoming"))).isEmpty();

    // A file over the reader's 50 MiB: the form again, saying so.
    Path big = DIR.resolve("upload/big.summary.csv");
    Files.write(big, new byte[51 * 1024 * 1024]);
    open("/submissions/new");
    choose(big);
    navigateBy(browser.findElement(By.id("send")));
    assertThat(browser.getCurrentUrl()).endsWith("/submissions/new?too-large");
    assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
        .contains("at most 50 MiB");
    checkAccessibility("upload too large");
    Files.delete(big);
  }

  // ---------------------------------------------------------------------------------------------

  private void choose(Path... files) {
    WebElement input = browser.findElement(By.id("file"));
    input.sendKeys(
        String.join("\n", Stream.of(files).map(f -> f.toAbsolutePath().toString()).toList()));
  }

  private static void usersWith(ApiUser extra) {
    List<ApiUser> users = new ArrayList<>(USERS_AT_START);
    users.add(extra);
    new UsersFile(USERS).write(users);
  }

  private static Instant now() {
    return Instant.now();
  }

  private String sessionCookie() {
    return browser.manage().getCookieNamed("JSESSIONID").getValue();
  }

  /** The session no longer signs anyone in: a page that needs a sign-in sends to the login. */
  private void assertSignedOut(String session) throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/submissions")))
                    .header("Cookie", "JSESSIONID=" + session)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  private HttpResponse<String> getWithSession(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header(
                    "Cookie",
                    "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Fetches a link as the page's own script would, with the page's sign-in: its text, after a line
   * "BOM" when it starts with a UTF-8 byte-order mark.
   */
  private String fetchInPage(String href) {
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

  private static List<String> folder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void signIn(String user, String token) {
    open("/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("token")).sendKeys(token);
    navigateBy(browser.findElement(By.id("sign-in")));
  }

  private void signOut() {
    browser.manage().deleteAllCookies();
  }

  private void open(String path) {
    browser.get(url(path));
  }

  private void navigateBy(WebElement control) {
    boolean staysOnPage = control.getTagName().equals("option");
    WebElement oldPage = browser.findElement(By.tagName("html"));
    control.click();
    if (staysOnPage) {
      return;
    }
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(driver -> Browser.isGone(oldPage));
    wait.until(
        driver ->
            "complete"
                .equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
  }

  private void checkAccessibility(String page) {
    assertThat(Axe.violations(browser)).as("axe-core on the " + page).isEmpty();
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
      throw new UncheckedIOException(e);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
