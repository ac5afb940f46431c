package uk.gov.tfwh.api.access;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * Which snapshot each viewer reads, and what is refused: the one place the access rules of
 * docs/api.md live (the URL rules in {@code security.ApiSecurityConfiguration} only keep the public
 * out of what needs a role). Pre-release means the current snapshot when it has not been published.
 */
@Component
public class AccessPolicy {

  /**
   * Figures across authorities (league table, totals, periods, authorities, benchmarks): national
   * and ministerial users read the current snapshot, everyone else the published one, because a
   * coordinator may not see other authorities' pre-release figures.
   */
  public SnapshotSelector figures(Viewer viewer) {
    return seesAllPreRelease(viewer) ? SnapshotSelector.current() : SnapshotSelector.published();
  }

  /**
   * Figures of one authority (progress, that authority's payments): as {@link #figures}, and a
   * coordinator reads its own authority's pre-release figures too, without its ranks while they are
   * unpublished: a rank or quartile is worked out over every authority's figures, so a rank that
   * moved while the authority's own figure did not would tell the coordinator that another
   * authority's unpublished figures had changed.
   */
  public SnapshotSelector authorityFigures(Viewer viewer, String authorityCode) {
    if (seesAllPreRelease(viewer)) {
      return SnapshotSelector.current();
    }
    return viewer.coordinates(authorityCode)
        ? SnapshotSelector.current().withRanksWithheld()
        : SnapshotSelector.published();
  }

  /**
   * Whose figures decide which quarters of {@code snapshot} this viewer is offered (and so which it
   * may ask for): every authority's (empty), or one authority's. A load's quarters are those any
   * authority has figures in, so a list of them (or a default of its latest) read from a
   * pre-release snapshot would tell a coordinator, who reads it for its own authority only ({@link
   * #authorityFigures}), that another authority had sent a return not yet published: a quarter only
   * others have sent would be offered, chosen by default, and answered differently from one nobody
   * has sent. A coordinator is therefore offered only its own authority's quarters of a pre-release
   * snapshot. A published snapshot's quarters are public, and the national and ministerial users
   * see every authority's pre-release figures: theirs are every authority's.
   *
   * @throws AccessDeniedException for the public, who never read a pre-release snapshot
   */
  public Optional<String> quartersOf(Viewer viewer, PinnedSnapshot snapshot) {
    if (snapshot.published() || seesAllPreRelease(viewer)) {
      return Optional.empty();
    }
    if (viewer.role() == Role.COORDINATOR) {
      return Optional.of(viewer.authority());
    }
    throw new AccessDeniedException(viewer.name() + " may not see pre-release figures");
  }

  /**
   * Return-level detail (every version of a return): national users, and a coordinator for its own
   * authority. Ministerial users and the public are refused.
   */
  public SnapshotSelector returns(Viewer viewer, String authorityCode) {
    if (viewer.role() == Role.NATIONAL || viewer.coordinates(authorityCode)) {
      return SnapshotSelector.current();
    }
    throw new AccessDeniedException(viewer.name() + " may not see the returns of " + authorityCode);
  }

  /**
   * Whether a document about one authority may show its data quality and return versions: the
   * national team, and the authority's own coordinator (as {@link #returns} and {@link
   * #dataQualityAuthority} decide for the resources themselves).
   */
  public boolean seesReturnDetail(Viewer viewer, String authorityCode) {
    return viewer.role() == Role.NATIONAL || viewer.coordinates(authorityCode);
  }

  /**
   * Data quality: national users for every authority; a coordinator for its own authority only
   * (with no authority asked for, its own). Returns the authority to filter on (null for all).
   */
  public String dataQualityAuthority(Viewer viewer, String requestedAuthority) {
    if (viewer.role() == Role.NATIONAL) {
      return requestedAuthority;
    }
    if (viewer.role() == Role.COORDINATOR
        && (requestedAuthority == null || viewer.coordinates(requestedAuthority))) {
      return viewer.authority();
    }
    throw new AccessDeniedException(
        viewer.name()
            + " may not see data quality"
            + (requestedAuthority == null ? "" : " for " + requestedAuthority));
  }

  private static boolean seesAllPreRelease(Viewer viewer) {
    return viewer.role() == Role.NATIONAL || viewer.role() == Role.MINISTERIAL;
  }
}
