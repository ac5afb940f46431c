package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * One snapshot, resolved once, that every query of a response, page or document reads. A response
 * runs several queries; if each resolved "published" or "current" itself, a publication between two
 * of them would mix two snapshots in one answer. Pinning the id first makes it describe exactly one
 * snapshot, and says whether that snapshot had been released.
 */
public record PinnedSnapshot(String id, Release release) {
  public PinnedSnapshot {
    requireNonNull(id, "id");
    requireNonNull(release, "release");
  }

  /**
   * Resolves {@code selector} now and pins its snapshot.
   *
   * @throws SnapshotUnavailableException when there is no such snapshot
   */
  public static PinnedSnapshot pin(WarehouseReleases releases, SnapshotSelector selector) {
    String id = selector.resolve(releases);
    return new PinnedSnapshot(
        id, releases.isPublished(id) ? Release.PUBLISHED : Release.PRE_RELEASE);
  }

  public boolean published() {
    return release == Release.PUBLISHED;
  }

  /** Whether its figures are not yet published (pages and files mark them so). */
  public boolean preRelease() {
    return release == Release.PRE_RELEASE;
  }

  /** Selects exactly this snapshot, so every query reads it. */
  public SnapshotSelector selector() {
    return SnapshotSelector.byId(id);
  }
}
