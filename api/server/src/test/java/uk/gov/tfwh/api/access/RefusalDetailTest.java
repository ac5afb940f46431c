package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.api.access.AccessFixture.OTHER;
import static uk.gov.tfwh.api.access.AccessFixture.OWN;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A 403's {@code detail} says what to change (docs/api.md, Errors). A coordinator asking for
 * another authority's returns or data quality was told "it needs another role", though its role is
 * the right one and only the authority is wrong.
 */
class RefusalDetailTest extends RealHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCoordinatorAskingAboutAnotherAuthorityIsToldItIsKeptToItsOwn() throws Exception {
    HttpResponse<String> returns =
        get(
            "/api/v1/authorities/" + OTHER + "/returns?phase=1&period=2013Q3",
            AccessFixture.token("coordinator"));
    HttpResponse<String> quality =
        get(
            "/api/v1/data-quality?period=2013Q3&authority=" + OTHER,
            AccessFixture.token("coordinator"));

    for (HttpResponse<String> refused : new HttpResponse[] {returns, quality}) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).get("detail").asText())
          .isEqualTo(
              "coordinator may not see this resource for "
                  + OTHER
                  + ": a coordinator sees only its own authority's, "
                  + OWN);
    }
  }

  @Test
  void aCallerOfTheWrongRoleIsStillToldItNeedsAnotherRole() throws Exception {
    HttpResponse<String> refused =
        get(
            "/api/v1/authorities/" + OWN + "/returns?phase=1&period=2013Q3",
            AccessFixture.token("minister"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).get("detail").asText())
        .isEqualTo("minister may not see this resource: it needs another role");
  }
}
