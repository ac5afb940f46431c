package uk.gov.tfwh.api.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.WarehouseTable;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/**
 * The quarters a coordinator is offered while it reads its own authority's pre-release figures are
 * its own authority's, over real HTTP against a warehouse whose unpublished load holds a quarter
 * that only other authorities have sent so far: the published release is the fixture without its
 * phase-2 quarter ({@link SnapshotFixture#P2Q1}), the pre-release one the whole fixture, in which
 * only Kent and Bristol have figures for that quarter. Hartlepool's coordinator must learn nothing
 * of it: it is neither offered nor the default, and asking for it is answered exactly as a quarter
 * nobody has sent. Kent's coordinator is offered it (its own figures), and the national team, who
 * see every authority's pre-release figures, every quarter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoordinatorQuartersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUBLISHED = "published-without-phase-2";
  private static final String PRE_RELEASE = "pre-release-with-phase-2";
  private static final String HARTLEPOOL = SnapshotFixture.HARTLEPOOL;

  /** The quarter only other authorities (Kent, Bristol) have, in the unpublished load only. */
  private static final LocalDate OTHERS_ONLY = SnapshotFixture.P2Q1;

  /** A quarter of phase 2 for which no authority has figures in any release. */
  private static final LocalDate NOBODYS = LocalDate.of(2014, 12, 31);

  /** Hartlepool's one quarter with figures (phase 1: its Q1 return was rejected, a gap). */
  private static final LocalDate HARTLEPOOLS = SnapshotFixture.Q2;

  private static final Map<String, String> TOKENS =
      Map.of(
          "nat",
          ApiTokens.newToken(),
          "hart",
          ApiTokens.newToken(),
          "kent",
          ApiTokens.newToken(),
          "city",
          ApiTokens.newToken());
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("tfwh-coordinator-quarters-");
      try (IcebergFixture fixture =
          IcebergFixture.open(Files.createDirectories(DIR.resolve("warehouse")))) {
        commitWithoutPhase2(fixture);
        fixture.publish(PUBLISHED);
        commitWithoutCityOfLondon(fixture);
      }
      Instant now = Instant.now();
      new UsersFile(DIR.resolve("users.tsv"))
          .write(
              List.of(
                  new ApiUser("nat", Role.NATIONAL, null, ApiTokens.hash(TOKENS.get("nat")), now),
                  new ApiUser(
                      "hart",
                      Role.COORDINATOR,
                      HARTLEPOOL,
                      ApiTokens.hash(TOKENS.get("hart")),
                      now),
                  new ApiUser(
                      "kent",
                      Role.COORDINATOR,
                      SnapshotFixture.KENT,
                      ApiTokens.hash(TOKENS.get("kent")),
                      now),
                  new ApiUser(
                      "city",
                      Role.COORDINATOR,
                      SnapshotFixture.CITY_OF_LONDON,
                      ApiTokens.hash(TOKENS.get("city")),
                      now)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as it stood before any phase-2 return was loaded (dim_period keeps every row). */
  private static void commitWithoutPhase2(IcebergFixture fixture) {
    commitWithout(
        fixture,
        PUBLISHED,
        0,
        (columns, row) ->
            columns.contains("period_end")
                && row.get(columns.indexOf("phase")) instanceof Number n
                && n.intValue() == 2);
  }

  /**
   * The whole fixture but City of London's figures: as a load before the authority's first return,
   * which still has the authority and its targets (reference data).
   */
  private static void commitWithoutCityOfLondon(IcebergFixture fixture) {
    commitWithout(
        fixture,
        PRE_RELEASE,
        7,
        (columns, row) ->
            columns.contains("authority_code")
                && SnapshotFixture.CITY_OF_LONDON.equals(
                    row.get(columns.indexOf("authority_code"))));
  }

  /**
   * Commits the fixture as release {@code id} without the rows {@code dropped} names, in every
   * table of figures: the reference tables (authorities, periods, targets, neighbours) keep theirs.
   */
  private static void commitWithout(
      IcebergFixture fixture,
      String id,
      int bump,
      BiPredicate<List<String>, List<Object>> dropped) {
    List<ReleaseTable> tables = new ArrayList<>();
    for (Map.Entry<WarehouseTable, List<List<Object>>> table :
        SnapshotFixture.tables(id, bump, true).entrySet()) {
      List<String> columns = table.getKey().columns().stream().map(Column::name).toList();
      boolean reference = table.getKey().tableName().startsWith("dim_");
      List<List<Object>> rows =
          reference
              ? table.getValue()
              : table.getValue().stream().filter(row -> !dropped.test(columns, row)).toList();
      Table iceberg = fixture.catalog().table(table.getKey());
      Snapshot snapshot =
          IcebergFixture.replace(iceberg, IcebergFixture.write(iceberg, columns, rows));
      tables.add(
          IcebergFixture.releaseTable(fixture.catalog().namespace().toString(), iceberg, snapshot));
    }
    fixture.commitRelease(id, bump, tables);
  }

  @DynamicPropertySource
  static void warehouse(DynamicPropertyRegistry properties) {
    properties.add("tfwh.api.warehouse", () -> DIR.resolve("warehouse").toString());
    properties.add("tfwh.api.users", () -> DIR.resolve("users.tsv").toString());
  }

  @LocalServerPort int port;

  @Test
  void aCoordinatorsOwnPreReleasePageOffersAndDefaultsToItsOwnQuartersOnly() {
    Session hart = signIn("hart");
    HttpResponse<String> page = hart.get("/authorities/" + HARTLEPOOL);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).as("its own pre-release figures").contains(PRE_RELEASE);
    assertThat(offered(page.body())).containsExactly(HARTLEPOOLS.toString());
    assertThat(selected(page.body())).isEqualTo(HARTLEPOOLS.toString());
    assertThat(phases(page.body())).containsExactly("1");
    assertThat(page.body())
        .as("no word of the quarter only others have sent (2014Q3 is also phase 1's: projected)")
        .doesNotContain(OTHERS_ONLY.toString())
        .doesNotContain("Phase 2");
  }

  @Test
  void aQuarterOnlyOtherAuthoritiesHaveIsAnsweredAsOneThatDoesNotExist() {
    Session hart = signIn("hart");
    for (String path :
        List.of("/authorities/" + HARTLEPOOL, "/authorities/" + HARTLEPOOL + "/progress.csv")) {
      HttpResponse<String> others = hart.get(path + "?phase=2&period=" + OTHERS_ONLY);
      HttpResponse<String> nobodys = hart.get(path + "?phase=2&period=" + NOBODYS);
      assertThat(nobodys.statusCode()).as(path).isEqualTo(400);
      assertThat(others.statusCode()).as(path + ": " + others.body()).isEqualTo(400);
      assertThat(comparable(others, OTHERS_ONLY)).as(path).isEqualTo(comparable(nobodys, NOBODYS));
      // The same quarter written as the API writes it.
      assertThat(hart.get(path + "?phase=2&period=2014Q3").statusCode()).as(path).isEqualTo(400);
    }
  }

  /**
   * An authority none of whose returns is loaded yet has no quarters to be offered: its coordinator
   * is told that, not that the snapshot is empty, and still offered nothing of the others'.
   */
  @Test
  void aCoordinatorWhoseAuthorityHasNoFiguresYetIsToldSo() {
    HttpResponse<String> page =
        signIn("city").get("/authorities/" + SnapshotFixture.CITY_OF_LONDON);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
    assertThat(page.body())
        .contains("there are no figures for City of London in this snapshot yet")
        .doesNotContain(OTHERS_ONLY.toString())
        .doesNotContain(HARTLEPOOLS.toString());
  }

  @Test
  void anotherCoordinatorIsOfferedTheQuarterItsOwnAuthoritySent() {
    Session kent = signIn("kent");
    HttpResponse<String> page = kent.get("/authorities/" + SnapshotFixture.KENT);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(offered(page.body()))
        .containsExactly(
            SnapshotFixture.Q1.toString(), HARTLEPOOLS.toString(), OTHERS_ONLY.toString());
    assertThat(selected(page.body())).isEqualTo(OTHERS_ONLY.toString());
    // Kent's coordinator reads Hartlepool's page as the public does: published, every quarter.
    HttpResponse<String> others = kent.get("/authorities/" + HARTLEPOOL);
    assertThat(others.body()).contains(PUBLISHED).doesNotContain(PRE_RELEASE);
    assertThat(offered(others.body()))
        .containsExactly(SnapshotFixture.Q1.toString(), HARTLEPOOLS.toString());
  }

  @Test
  void theNationalTeamIsStillOfferedEveryQuarterOfTheLoad() {
    Session nat = signIn("nat");
    HttpResponse<String> page = nat.get("/authorities/" + HARTLEPOOL);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains(PRE_RELEASE);
    assertThat(offered(page.body()))
        .containsExactly(
            SnapshotFixture.Q1.toString(), HARTLEPOOLS.toString(), OTHERS_ONLY.toString());
    assertThat(selected(page.body())).isEqualTo(OTHERS_ONLY.toString());
    assertThat(
            nat.get("/authorities/" + HARTLEPOOL + "?phase=2&period=" + OTHERS_ONLY).statusCode())
        .isEqualTo(200);
    assertThat(offered(nat.get("/").body()))
        .containsExactly(
            SnapshotFixture.Q1.toString(), HARTLEPOOLS.toString(), OTHERS_ONLY.toString());
  }

  /**
   * The API's list of quarters never comes from the pre-release load for a coordinator: it reads
   * the published release, whose every quarter is public, so the quarter only other authorities
   * have sent is told apart from one nobody has sent by nothing; the national team's comes from the
   * load and counts the two authorities.
   */
  @Test
  void theApisQuartersForACoordinatorTellTheOthersQuarterFromNobodysByNothing() throws Exception {
    HttpResponse<String> coordinator = api("/api/v1/periods?phase=2", "hart");
    assertThat(coordinator.statusCode()).as(coordinator.body()).isEqualTo(200);
    JsonNode list = JSON.readTree(coordinator.body());
    assertThat(list.path("snapshot").asText()).isEqualTo(PUBLISHED);
    assertThat(reporting(list, OTHERS_ONLY)).isEqualTo(reporting(list, NOBODYS)).isZero();

    JsonNode national = JSON.readTree(api("/api/v1/periods?phase=2", "nat").body());
    assertThat(national.path("snapshot").asText()).isEqualTo(PRE_RELEASE);
    assertThat(reporting(national, OTHERS_ONLY)).isEqualTo(2);
    assertThat(reporting(national, NOBODYS)).isZero();

    // The coordinator's own pre-release resources of a quarter: one answer for both quarters, but
    // for the quarter it names.
    for (String path :
        List.of(
            "/api/v1/authorities/" + HARTLEPOOL + "/progress?phase=2&period=",
            "/api/v1/data-quality?phase=2&authority=" + HARTLEPOOL + "&period=")) {
      HttpResponse<String> others = api(path + OTHERS_ONLY, "hart");
      HttpResponse<String> nobodys = api(path + NOBODYS, "hart");
      assertThat(others.statusCode()).as(path + others.body()).isEqualTo(200);
      assertThat(JSON.readTree(others.body()).path("snapshot").asText())
          .as(path)
          .isEqualTo(PRE_RELEASE);
      assertThat(others.body().replace(OTHERS_ONLY.toString(), "QUARTER").replace("2014Q3", "Q"))
          .as(path)
          .isEqualTo(nobodys.body().replace(NOBODYS.toString(), "QUARTER").replace("2014Q4", "Q"));
    }
  }

  private static long reporting(JsonNode list, LocalDate end) {
    for (JsonNode row : list.path("rows")) {
      if (row.path("period").asText().equals(end.toString())) {
        return row.path("authorities_reporting").asLong();
      }
    }
    throw new AssertionError("no row for " + end + " in " + list);
  }

  /** The quarters the page's quarter filter offers, by their last day. */
  private static List<String> offered(String page) {
    return values(select(page, "period"), Pattern.compile("<option[^>]*value=\"([^\"]+)\""));
  }

  private static List<String> phases(String page) {
    return values(select(page, "phase"), Pattern.compile("<option[^>]*value=\"([^\"]+)\""));
  }

  private static String selected(String page) {
    List<String> chosen =
        values(
            select(page, "period"),
            Pattern.compile("<option[^>]*value=\"([^\"]+)\"[^>]*selected[^>]*>"));
    assertThat(chosen).hasSize(1);
    return chosen.get(0);
  }

  private static String select(String page, String id) {
    Matcher matcher =
        Pattern.compile("<select[^>]*id=\"" + id + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
            .matcher(page);
    assertThat(matcher.find()).as("a " + id + " filter in " + page).isTrue();
    return matcher.group(1);
  }

  private static List<String> values(String html, Pattern pattern) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(html);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  /**
   * What an answer tells its reader, but for the quarter it names (which the asker wrote) and the
   * form tokens (new on every page): its status, type and body.
   */
  private static String comparable(HttpResponse<String> response, LocalDate asked) {
    return response.statusCode()
        + "\n"
        + response.headers().firstValue("Content-Type").orElse("")
        + "\n"
        + response
            .body()
            .replace(asked.toString(), "QUARTER")
            .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "CSRF")
            .replaceAll("_csrf=[A-Za-z0-9_-]+", "CSRF");
  }

  private HttpResponse<String> api(String path, String user) {
    HttpClient http = HttpClient.newHttpClient();
    return send(
        http,
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + TOKENS.get(user))
            .GET()
            .build());
  }

  /** A signed-in session of the pages, as the sign-in form makes one. */
  private Session signIn(String user) {
    return new Session(PageSignIn.as("http://127.0.0.1:" + port, user, TOKENS.get(user)).http());
  }

  private final class Session {
    private final HttpClient http;

    Session(HttpClient http) {
      this.http = http;
    }

    HttpResponse<String> get(String path) {
      return send(http, HttpRequest.newBuilder(uri(path)).GET().build());
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    return PageSignIn.send(http, request);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
