package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * One snapshot, resolved once, that every query of a response, page or document reads. A response
 * runs several queries; if each resolved "published" or "current" itself, a publication between two
 * of them would mix two snapshots in one answer. Pinning the id first makes it describe exactly one
 * snapshot, and says whether that snapshot had been released.
 *
 * @param ranksWithheld whether every query read from it comes back without the figures that rank
 *     every authority ({@link QueryResult#withoutRanks()}): a pre-release snapshot pinned for a
 *     viewer who may see only one authority's pre-release figures ({@link
 *     SnapshotSelector#ranksWithheld()}); never a published one, whose ranks are public
 */
public record PinnedSnapshot(String id, Release release, boolean ranksWithheld) {
  public PinnedSnapshot {
    requireNonNull(id, "id");
    requireNonNull(release, "release");
    if (ranksWithheld && release == Release.PUBLISHED) {
      throw new IllegalArgumentException("a published snapshot's ranks are public");
    }
  }

  public PinnedSnapshot(String id, Release release) {
    this(id, release, false);
  }

  /** The snapshot a selector resolved to, withholding ranks as the selector asks. */
  public static PinnedSnapshot of(String id, Release release, SnapshotSelector selector) {
    return new PinnedSnapshot(
        id, release, selector.ranksWithheld() && release == Release.PRE_RELEASE);
  }

  /**
   * Resolves {@code selector} now and pins its snapshot.
   *
   * @throws SnapshotUnavailableException when there is no such snapshot
   */
  public static PinnedSnapshot pin(WarehouseReleases releases, SnapshotSelector selector) {
    String id = selector.resolve(releases);
    return of(id, releases.isPublished(id) ? Release.PUBLISHED : Release.PRE_RELEASE, selector);
  }

  public boolean published() {
    return release == Release.PUBLISHED;
  }

  /** Whether its figures are not yet published (pages and files mark them so). */
  public boolean preRelease() {
    return release == Release.PRE_RELEASE;
  }

  /** Selects exactly this snapshot, so every query reads it (withholding as this one does). */
  public SnapshotSelector selector() {
    SnapshotSelector exactly = SnapshotSelector.byId(id);
    return ranksWithheld ? exactly.withRanksWithheld() : exactly;
  }
}
