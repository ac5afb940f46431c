package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;

/** Tokens over HTTP: revocation takes effect at once; OpenID Connect tokens map to roles. */
class BearerTokenTest extends RealHttpTest {
  private static final String DATA_QUALITY = "/api/v1/data-quality?period=2013-09-30";
  private static final String RETURNS = "/api/v1/authorities/%s/returns?phase=1&period=2013-09-30";
  private static final String LEAGUE = "/api/v1/league-table?phase=1&period=2013-09-30";

  @Test
  void aTokenWorksFromWhenItIsAddedUntilItIsRevokedWithoutARestart() {
    UsersFile file = new UsersFile(AccessFixture.USERS);
    String token = ApiTokens.newToken();
    List<ApiUser> users = new ArrayList<>(file.read());
    users.add(new ApiUser("temporary", Role.NATIONAL, null, ApiTokens.hash(token), Instant.now()));
    file.write(users);

    assertThat(get(DATA_QUALITY, token).statusCode()).isNotIn(401, 403);

    int exit =
        uk.gov.tfwh.api.user.UsersCommandAccess.run(
            "revoke", "temporary", "--users", AccessFixture.USERS.toString());
    assertThat(exit).isZero();

    HttpResponse<String> after = get(DATA_QUALITY, token);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void aSignedOpenIdConnectTokenCarriesItsRole() {
    String national = AccessFixture.signedJwt(Map.of("tfwh_role", "NATIONAL"));
    HttpResponse<String> league = get(LEAGUE, national);

    assertThat(league.statusCode()).isEqualTo(200);
    assertThat(league.headers().firstValue("X-Tfwh-Snapshot")).hasValue(AccessFixture.PRE_RELEASE);
  }

  @Test
  void anOpenIdConnectCoordinatorIsKeptToItsAuthority() {
    String coordinator =
        AccessFixture.signedJwt(
            Map.of("tfwh_role", "coordinator", "tfwh_authority", AccessFixture.OWN));

    assertThat(get(RETURNS.formatted(AccessFixture.OWN), coordinator).statusCode())
        .isNotIn(401, 403);
    assertThat(get(RETURNS.formatted(AccessFixture.OTHER), coordinator).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anOpenIdConnectTokenWithoutARoleOrPastItsExpiryIsRefused() {
    String noRole = AccessFixture.signedJwt(Map.of("preferred_username", "someone"));
    String expired =
        AccessFixture.signedJwt(
            Map.of(
                "tfwh_role", "NATIONAL", "exp", Instant.now().minusSeconds(3600).getEpochSecond()));

    assertThat(get(LEAGUE, noRole).statusCode()).isEqualTo(401);
    assertThat(get(LEAGUE, expired).statusCode()).isEqualTo(401);
  }

  @Test
  void anOpenIdConnectTokenWithoutAnExpiryIsRefused() {
    Map<String, Object> claims = new java.util.HashMap<>();
    claims.put("tfwh_role", "NATIONAL");
    claims.put("exp", null);

    assertThat(get(LEAGUE, AccessFixture.signedJwt(claims)).statusCode()).isEqualTo(401);
  }

  @Test
  void anOpenIdConnectTokenOfAnotherIssuerOrForAnotherServiceIsRefused() {
    String otherIssuer =
        AccessFixture.signedJwt(
            Map.of("tfwh_role", "NATIONAL", "iss", "https://login.example.com/realms/other"));
    String otherAudience =
        AccessFixture.signedJwt(Map.of("tfwh_role", "NATIONAL", "aud", List.of("another-app")));
    Map<String, Object> noAudience = new java.util.HashMap<>();
    noAudience.put("tfwh_role", "NATIONAL");
    noAudience.put("aud", null);

    assertThat(get(LEAGUE, otherIssuer).statusCode()).isEqualTo(401);
    assertThat(get(LEAGUE, otherAudience).statusCode()).isEqualTo(401);
    assertThat(get(LEAGUE, AccessFixture.signedJwt(noAudience)).statusCode()).isEqualTo(401);
    assertThat(get(LEAGUE, AccessFixture.signedJwt(Map.of("tfwh_role", "NATIONAL"))).statusCode())
        .as("the right issuer and audience")
        .isEqualTo(200);
  }

  @Test
  void aMalformedAuthorizationHeaderIsRefused() {
    assertThat(get(LEAGUE, "not a token at all").statusCode()).isEqualTo(401);
    assertThat(get(LEAGUE, "").statusCode()).isIn(400, 401);
  }
}
