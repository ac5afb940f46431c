package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.api.access.AccessFixture.OTHER;
import static uk.gov.tfwh.api.access.AccessFixture.OWN;
import static uk.gov.tfwh.api.access.AccessFixture.PRE_RELEASE;
import static uk.gov.tfwh.api.access.AccessFixture.PUBLISHED;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the rule table with every kind of caller, over real HTTP: who is refused (401
 * without valid credentials, 403 with the wrong role or authority), who is served, and which
 * snapshot they are served from. The expected matrix is written out here by hand, independently of
 * {@link ApiEndpoint}, so a wrong rule in the table fails this test.
 */
class RoleMatrixTest extends RealHttpTest {

  /** Who calls; a coordinator calls both about its own authority and about another one. */
  enum Caller {
    ANONYMOUS(null, OWN),
    NATIONAL("national", OWN),
    COORDINATOR_OWN("coordinator", OWN),
    COORDINATOR_OTHER("coordinator", OTHER),
    MINISTERIAL("minister", OWN),
    REVOKED_TOKEN("revoked", OWN),
    BAD_TOKEN(null, OWN),
    FORGED_JWT(null, OWN);

    final String user;
    final String authority;

    Caller(String user, String authority) {
      this.user = user;
      this.authority = authority;
    }

    String token() {
      return switch (this) {
        case ANONYMOUS -> null;
        case BAD_TOKEN -> "tfwh_" + "A".repeat(43);
        case FORGED_JWT -> forgedJwt();
        default -> AccessFixture.token(user);
      };
    }
  }

  /** The status each caller gets, in the order of {@link Caller}: 200 served, 401 or 403. */
  private static final Map<ApiEndpoint, int[]> EXPECTED = new EnumMap<>(ApiEndpoint.class);

  static {
    //                                          anon nat  own  other min  revoked bad  forged
    int[] everyone = {200, 200, 200, 200, 200, 401, 401, 401};
    EXPECTED.put(ApiEndpoint.PERIODS, everyone);
    EXPECTED.put(ApiEndpoint.AUTHORITIES, everyone);
    EXPECTED.put(ApiEndpoint.LEAGUE_TABLE, everyone);
    EXPECTED.put(ApiEndpoint.NATIONAL, everyone);
    EXPECTED.put(ApiEndpoint.REGIONS, everyone);
    EXPECTED.put(ApiEndpoint.PROGRESS, everyone);
    EXPECTED.put(ApiEndpoint.BENCHMARK, everyone);
    EXPECTED.put(ApiEndpoint.PAYMENTS, everyone);
    EXPECTED.put(ApiEndpoint.TIME_SERIES, everyone);
    EXPECTED.put(ApiEndpoint.TIME_SERIES_METADATA, everyone);
    EXPECTED.put(ApiEndpoint.DATA_QUALITY, new int[] {401, 200, 200, 403, 403, 401, 401, 401});
    EXPECTED.put(ApiEndpoint.RETURNS, new int[] {401, 200, 200, 403, 403, 401, 401, 401});
    EXPECTED.put(ApiEndpoint.EXPORT_BRIEFING, new int[] {401, 200, 403, 403, 200, 401, 401, 401});
    EXPECTED.put(
        ApiEndpoint.EXPORT_BRIEFING_SUMMARY, new int[] {401, 200, 403, 403, 200, 401, 401, 401});
    EXPECTED.put(ApiEndpoint.EXPORT_TABLE, everyone);
    EXPECTED.put(ApiEndpoint.EXPORT_AUTHORITY_PROFILE, everyone);
    int[] national = {401, 200, 403, 403, 403, 401, 401, 401};
    EXPECTED.put(ApiEndpoint.SUBMISSION_STATUS, national);
    EXPECTED.put(ApiEndpoint.SUBMISSION_AUDIT, national);
    int[] sendsReturns = {401, 200, 200, 403, 403, 401, 401, 401};
    EXPECTED.put(ApiEndpoint.SUBMIT, sendsReturns);
    EXPECTED.put(ApiEndpoint.SUBMISSIONS, sendsReturns);
    // A receipt is found by id: a coordinator asking for another authority's is told it is not
    // there (404, below), the rule itself lets any coordinator through.
    EXPECTED.put(ApiEndpoint.SUBMISSION, new int[] {401, 200, 200, 200, 403, 401, 401, 401});
    // Only a coordinator signs off (and the service then checks they are the authority's SRO).
    EXPECTED.put(ApiEndpoint.SIGN_OFF, new int[] {401, 403, 200, 200, 403, 401, 401, 401});
  }

  /** Endpoints that change something or read the submission service, not figures of a snapshot. */
  private static final Set<ApiEndpoint> SUBMISSION_SERVICE =
      Set.of(
          ApiEndpoint.SUBMISSION_STATUS,
          ApiEndpoint.SUBMISSION_AUDIT,
          ApiEndpoint.SUBMIT,
          ApiEndpoint.SUBMISSIONS,
          ApiEndpoint.SUBMISSION,
          ApiEndpoint.SIGN_OFF);

  /** A request to each endpoint about {@code {code}}, the caller's authority. */
  static String sample(ApiEndpoint endpoint, String code) {
    String q2 = "phase=1&period=2013-09-30";
    return switch (endpoint) {
      case PERIODS -> "/api/v1/periods";
      case AUTHORITIES -> "/api/v1/authorities";
      case LEAGUE_TABLE -> "/api/v1/league-table?" + q2;
      case NATIONAL -> "/api/v1/national?" + q2;
      case REGIONS -> "/api/v1/regions?" + q2;
      case PROGRESS -> "/api/v1/authorities/" + code + "/progress?phase=1";
      case BENCHMARK -> "/api/v1/authorities/" + code + "/benchmark?" + q2 + "&group=region";
      case PAYMENTS -> "/api/v1/payments?phase=1&authority=" + code;
      case TIME_SERIES -> "/api/v1/time-series";
      case TIME_SERIES_METADATA -> "/api/v1/time-series/metadata";
      case DATA_QUALITY -> "/api/v1/data-quality?period=2013-09-30&authority=" + code;
      case RETURNS -> "/api/v1/authorities/" + code + "/returns?" + q2;
      case EXPORT_BRIEFING -> "/api/v1/exports/briefing.pdf?" + q2;
      case EXPORT_BRIEFING_SUMMARY -> "/api/v1/exports/briefing-summary.xlsx?" + q2;
      case EXPORT_TABLE -> "/api/v1/exports/progress.csv?phase=1&authority=" + code;
      case EXPORT_AUTHORITY_PROFILE ->
          "/api/v1/exports/authority-profile.pdf?code=" + code + "&" + q2;
      case SUBMISSION_STATUS -> "/api/v1/submissions/status?" + q2;
      case SUBMISSION_AUDIT -> "/api/v1/submissions/audit";
      case SUBMIT -> "/api/v1/submissions?authority=" + code;
      case SUBMISSIONS -> "/api/v1/submissions?authority=" + code;
      case SUBMISSION -> "/api/v1/submissions/" + code + "-20130101T000000000Z-00000000";
      case SIGN_OFF -> "/api/v1/submissions/" + code + "-20130101T000000000Z-00000000/sign-off";
    };
  }

  /**
   * Endpoints whose figures are about the one authority in the path: a coordinator reads its own
   * authority's pre-release figures there, and published ones everywhere else.
   */
  private static final Set<ApiEndpoint> ONE_AUTHORITY =
      Set.of(
          ApiEndpoint.PROGRESS,
          ApiEndpoint.PAYMENTS,
          ApiEndpoint.DATA_QUALITY,
          ApiEndpoint.RETURNS,
          ApiEndpoint.EXPORT_TABLE,
          ApiEndpoint.EXPORT_AUTHORITY_PROFILE);

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  static Stream<Arguments> everyEndpointAndCaller() {
    List<Arguments> cases = new ArrayList<>();
    for (ApiEndpoint endpoint : ApiEndpoint.values()) {
      for (Caller caller : Caller.values()) {
        cases.add(Arguments.of(endpoint, caller));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyEndpointAndCaller")
  void everyEndpointRefusesTheWrongCallerAndServesTheRightSnapshot(
      ApiEndpoint endpoint, Caller caller) {
    int expected = EXPECTED.get(endpoint)[caller.ordinal()];
    HttpResponse<String> response =
        endpoint.method().name().equals("POST")
            ? postEmptyForm(sample(endpoint, caller.authority), caller.token())
            : get(sample(endpoint, caller.authority), caller.token());

    if (expected != 200) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body()).doesNotContain(PRE_RELEASE).doesNotContain(PUBLISHED);
      return;
    }
    if (SUBMISSION_SERVICE.contains(endpoint)) {
      // Let through: answered by the service itself (an empty upload is a 400, an unknown
      // submission a 404), never refused for the caller's role.
      assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
      return;
    }
    if (!isImplemented(endpoint)) {
      // The resource is not written yet: the rule must still let this caller through.
      assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
      return;
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String snapshot = response.headers().firstValue("X-Tfwh-Snapshot").orElse(null);
    if (seesPreRelease(endpoint, caller)) {
      assertThat(snapshot).isIn(PRE_RELEASE, null);
      assertThat(response.headers().firstValue("Cache-Control").orElse(""))
          .doesNotContain("public")
          .containsAnyOf("private", "no-store");
      assertThat(String.join(",", response.headers().allValues("Vary")))
          .containsIgnoringCase("Authorization");
    } else {
      assertThat(snapshot).isIn(PUBLISHED, null);
      assertThat(response.body()).doesNotContain(PRE_RELEASE);
    }
  }

  private static boolean seesPreRelease(ApiEndpoint endpoint, Caller caller) {
    return switch (caller) {
      case NATIONAL, MINISTERIAL -> true;
      case COORDINATOR_OWN -> ONE_AUTHORITY.contains(endpoint);
      default -> false;
    };
  }

  @Test
  void theExpectedMatrixCoversEveryEndpointAndEveryCaller() {
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(ApiEndpoint.values());
    EXPECTED.values().forEach(row -> assertThat(row).hasSize(Caller.values().length));
  }

  /** A controller mapping a path the table does not list would be refused to everyone. */
  @Test
  void everyApiPathAControllerMapsIsInTheRuleTable() {
    Set<String> listed = new TreeSet<>();
    for (ApiEndpoint endpoint : ApiEndpoint.values()) {
      listed.add(endpoint.path());
    }
    Set<String> mapped = apiPaths();
    assertThat(listed).containsAll(mapped);
  }

  @Test
  void thePublicLeagueTableHasThePublishedFiguresAndTheNationalTeamThePreRelease() {
    String path = sample(ApiEndpoint.LEAGUE_TABLE, OWN);
    HttpResponse<String> anonymous = get(path, null);
    HttpResponse<String> national = get(path, AccessFixture.token("national"));

    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.headers().firstValue("X-Tfwh-Snapshot")).hasValue(PUBLISHED);
    assertThat(anonymous.body()).contains("512").doesNotContain("1512").doesNotContain(PRE_RELEASE);
    assertThat(national.headers().firstValue("X-Tfwh-Snapshot")).hasValue(PRE_RELEASE);
    assertThat(national.body()).contains("1512");
  }

  @Test
  void aCoordinatorSeesOnlyItsOwnAuthoritysPreReleaseFigures() {
    String token = AccessFixture.token("coordinator");
    HttpResponse<String> own = get(sample(ApiEndpoint.PROGRESS, OWN), token);
    HttpResponse<String> other = get(sample(ApiEndpoint.PROGRESS, OTHER), token);
    HttpResponse<String> league = get(sample(ApiEndpoint.LEAGUE_TABLE, OWN), token);

    assertThat(own.headers().firstValue("X-Tfwh-Snapshot")).hasValue(PRE_RELEASE);
    assertThat(other.headers().firstValue("X-Tfwh-Snapshot")).hasValue(PUBLISHED);
    assertThat(league.headers().firstValue("X-Tfwh-Snapshot")).hasValue(PUBLISHED);
  }

  @Test
  void aPathNoResourceServesIsNotFoundForEveryone() {
    String national = AccessFixture.token("national");
    for (String path :
        List.of(
            "/api/v1/unknown",
            "/api/v2/league-table",
            "/api/v1/authorities/" + OWN + "/secret",
            "/api/internal")) {
      for (String token : java.util.Arrays.asList(null, national, "tfwh_" + "B".repeat(43))) {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(path).isIn(404, 401);
        if (token == null || token.equals(national)) {
          assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
      }
    }
  }

  /**
   * Of the actuator, only health is public (docs/security.md): its index of links answered 200 to
   * anyone, naming what the actuator serves. Now it does not exist, a 404 like any unmapped path.
   */
  @Test
  void theActuatorServesHealthAndNoIndexOfItsEndpoints() {
    for (String token : java.util.Arrays.asList(null, AccessFixture.token("national"))) {
      for (String path : List.of("/actuator", "/actuator/", "/actuator/env", "/actuator/beans")) {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("_links");
      }
    }
    for (String path : List.of("/actuator/health", "/actuator/health/liveness")) {
      assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
    }
  }

  private HttpResponse<String> postEmptyForm(String pathAndQuery, String token) {
    String boundary = "tfwh-boundary";
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(uri(pathAndQuery))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private boolean isImplemented(ApiEndpoint endpoint) {
    return apiPaths().contains(endpoint.path());
  }

  private Set<String> apiPaths() {
    Set<String> paths = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/"))
                    .forEach(paths::add));
    return paths;
  }

  private static String forgedJwt() {
    try {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return AccessFixture.signedJwt(Map.of("tfwh_role", "NATIONAL"), generator.generateKeyPair());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
