package uk.gov.tfwh.api.web.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.ApiEndpoint;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * The viewer of a page and what the service's {@link AccessPolicy} lets them see. The pages ask the
 * same policy as the API, so a page never shows what the API would refuse: which snapshot a viewer
 * reads, and whether an authority's returns and data quality are shown at all.
 */
public final class PageViewer {
  private final Viewer viewer;
  private final AccessPolicy access;

  public PageViewer(Viewer viewer, AccessPolicy access) {
    this.viewer = requireNonNull(viewer, "viewer");
    this.access = requireNonNull(access, "access");
  }

  public Viewer viewer() {
    return viewer;
  }

  public boolean signedIn() {
    return !viewer.isAnonymous();
  }

  /** The snapshot for figures across authorities (league table, totals, benchmarks). */
  public SnapshotSelector figures() {
    return access.figures(viewer);
  }

  /** The snapshot for one authority's own figures (progress, payments). */
  public SnapshotSelector authorityFigures(String authorityCode) {
    return access.authorityFigures(viewer, authorityCode);
  }

  /**
   * Whose figures decide which quarters of {@code snapshot} the pages offer this viewer: every
   * authority's (empty) or one's ({@link AccessPolicy#quartersOf}).
   */
  public Optional<String> quartersOf(PinnedSnapshot snapshot) {
    return access.quartersOf(viewer, snapshot);
  }

  /** Return-level detail: the snapshot to read it from, or empty when the policy refuses. */
  public Optional<SnapshotSelector> returns(String authorityCode) {
    try {
      return Optional.of(access.returns(viewer, authorityCode));
    } catch (AccessDeniedException refused) {
      return Optional.empty();
    }
  }

  /** Submission status and findings of one authority. */
  public boolean mayReadDataQualityOf(String authorityCode) {
    try {
      access.dataQualityAuthority(viewer, authorityCode);
      return true;
    } catch (AccessDeniedException refused) {
      return false;
    }
  }

  /** Whether the API would let this viewer download the ministerial briefing. */
  public boolean mayReadBriefing() {
    return !ApiEndpoint.EXPORT_BRIEFING.isPublic()
        ? viewer.roleIfAny().map(ApiEndpoint.EXPORT_BRIEFING.roles()::contains).orElse(false)
        : true;
  }

  /** How the page header names who is signed in. */
  public String label() {
    if (viewer.isAnonymous()) {
      return "Public";
    }
    String role =
        switch (viewer.role()) {
          case NATIONAL -> "national team";
          case COORDINATOR -> "coordinator for " + viewer.authority();
          case MINISTERIAL -> "ministerial";
        };
    return viewer.name() + " (" + role + ")";
  }

  /** Whether the viewer sends or follows returns: the national team and coordinators. */
  public boolean handlesReturns() {
    return viewer.role() == Role.NATIONAL || viewer.role() == Role.COORDINATOR;
  }

  public boolean isNational() {
    return viewer.role() == Role.NATIONAL;
  }
}
