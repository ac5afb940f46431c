package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Release;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

class AccessPolicyTest {
  private static final String OWN = "E10000016";
  private static final String OTHER = "E06000023";
  private final AccessPolicy policy = new AccessPolicy();
  private final Viewer national = Viewer.user("n", Role.NATIONAL, null);
  private final Viewer coordinator = Viewer.user("c", Role.COORDINATOR, OWN);
  private final Viewer minister = Viewer.user("m", Role.MINISTERIAL, null);

  @Test
  void onlyTheNationalTeamAndMinistersReadPreReleaseFiguresAcrossAuthorities() {
    assertThat(policy.figures(national)).isEqualTo(SnapshotSelector.current());
    assertThat(policy.figures(minister)).isEqualTo(SnapshotSelector.current());
    assertThat(policy.figures(coordinator)).isEqualTo(SnapshotSelector.published());
    assertThat(policy.figures(Viewer.ANONYMOUS)).isEqualTo(SnapshotSelector.published());
  }

  @Test
  void aCoordinatorReadsItsOwnAuthoritysPreReleaseFiguresOnly() {
    assertThat(policy.authorityFigures(coordinator, OWN))
        .as("its own pre-release figures, without the ranks that compare it with the others'")
        .isEqualTo(SnapshotSelector.current().withRanksWithheld());
    assertThat(policy.authorityFigures(national, OWN)).isEqualTo(SnapshotSelector.current());
    assertThat(policy.authorityFigures(coordinator, OTHER)).isEqualTo(SnapshotSelector.published());
    assertThat(policy.authorityFigures(Viewer.ANONYMOUS, OWN))
        .isEqualTo(SnapshotSelector.published());
  }

  @Test
  void returnsAreRefusedToMinistersThePublicAndOtherCoordinators() {
    assertThat(policy.returns(national, OTHER)).isEqualTo(SnapshotSelector.current());
    assertThat(policy.returns(coordinator, OWN)).isEqualTo(SnapshotSelector.current());
    assertThatThrownBy(() -> policy.returns(coordinator, OTHER))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> policy.returns(minister, OWN))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> policy.returns(Viewer.ANONYMOUS, OWN))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void dataQualityIsNarrowedToTheCoordinatorsAuthority() {
    assertThat(policy.dataQualityAuthority(national, null)).isNull();
    assertThat(policy.dataQualityAuthority(national, OTHER)).isEqualTo(OTHER);
    assertThat(policy.dataQualityAuthority(coordinator, null)).isEqualTo(OWN);
    assertThat(policy.dataQualityAuthority(coordinator, OWN)).isEqualTo(OWN);
    assertThatThrownBy(() -> policy.dataQualityAuthority(coordinator, OTHER))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> policy.dataQualityAuthority(minister, null))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aCoordinatorIsOfferedOnlyItsOwnQuartersOfAPreReleaseSnapshot() {
    PinnedSnapshot preRelease = new PinnedSnapshot("load", Release.PRE_RELEASE);
    PinnedSnapshot ownPreRelease = new PinnedSnapshot("load", Release.PRE_RELEASE, true);
    PinnedSnapshot published = new PinnedSnapshot("release", Release.PUBLISHED);
    assertThat(policy.quartersOf(coordinator, ownPreRelease)).hasValue(OWN);
    assertThat(policy.quartersOf(coordinator, preRelease)).hasValue(OWN);
    assertThat(policy.quartersOf(coordinator, published)).isEmpty();
    assertThat(policy.quartersOf(national, preRelease)).isEqualTo(Optional.empty());
    assertThat(policy.quartersOf(minister, preRelease)).isEmpty();
    assertThat(policy.quartersOf(Viewer.ANONYMOUS, published)).isEmpty();
    assertThatThrownBy(() -> policy.quartersOf(Viewer.ANONYMOUS, preRelease))
        .isInstanceOf(AccessDeniedException.class);
  }
}
