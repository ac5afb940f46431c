package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiEndpointTest {
  private static final String OWN = "E10000016";
  private static final String OTHER = "E06000023";
  private static final Viewer NATIONAL = Viewer.user("n", Role.NATIONAL, null);
  private static final Viewer COORDINATOR = Viewer.user("c", Role.COORDINATOR, OWN);
  private static final Viewer MINISTER = Viewer.user("m", Role.MINISTERIAL, null);

  @Test
  void publicEndpointsServeEveryone() {
    for (Viewer viewer : new Viewer[] {Viewer.ANONYMOUS, NATIONAL, COORDINATOR, MINISTER}) {
      assertThat(ApiEndpoint.LEAGUE_TABLE.allows(viewer, null)).isTrue();
      assertThat(ApiEndpoint.PROGRESS.allows(viewer, OTHER)).isTrue();
    }
  }

  @Test
  void returnLevelDetailIsForTheNationalTeamAndTheAuthoritysOwnCoordinator() {
    assertThat(ApiEndpoint.RETURNS.allows(NATIONAL, OTHER)).isTrue();
    assertThat(ApiEndpoint.RETURNS.allows(COORDINATOR, OWN)).isTrue();
    assertThat(ApiEndpoint.RETURNS.allows(COORDINATOR, OTHER)).isFalse();
    assertThat(ApiEndpoint.RETURNS.allows(MINISTER, OWN)).isFalse();
    assertThat(ApiEndpoint.RETURNS.allows(Viewer.ANONYMOUS, OWN)).isFalse();
  }

  @Test
  void aCoordinatorAskingForNoAuthorityIsLeftToTheResourceToNarrow() {
    assertThat(ApiEndpoint.DATA_QUALITY.allows(COORDINATOR, null)).isTrue();
    assertThat(ApiEndpoint.DATA_QUALITY.allows(MINISTER, null)).isFalse();
  }

  @Test
  void pathsAreUniqueAndVersioned() {
    assertThat(java.util.Arrays.stream(ApiEndpoint.values()).map(e -> e.method() + " " + e.path()))
        .doesNotHaveDuplicates();
    assertThat(java.util.Arrays.stream(ApiEndpoint.values()).map(ApiEndpoint::path))
        .allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
  }
}
