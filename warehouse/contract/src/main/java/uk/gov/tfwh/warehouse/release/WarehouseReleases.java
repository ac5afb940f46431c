package uk.gov.tfwh.warehouse.release;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;

/**
 * The warehouse's releases as their readers see them (the API, the pages, the files, the query
 * engines' snapshot selection, the benchmarks): which one is current (the latest committed,
 * pre-release until published), which one is published, every committed one and every publication,
 * and a cheap token that says whether any of that may have changed. Writing (loads, publishing,
 * retention, locks) is not part of it; see docs/design/iceberg.md, section 3.
 *
 * <p>A release is what the API calls a snapshot, and its id is the snapshot id.
 */
public interface WarehouseReleases {

  /**
   * One publication: when a release was published.
   *
   * @param at null when the time cannot be read (the id still counts as published)
   */
  record Publication(Instant at, String snapshotId) {}

  /**
   * What readers poll to know whether the current or the published release may have changed: a
   * token differs from an earlier one of the same warehouse whenever something was committed as
   * current or published in between. Compare tokens with {@code equals}; the value means nothing
   * else.
   */
  record ChangeToken(String value) {
    public ChangeToken {
      java.util.Objects.requireNonNull(value, "value");
    }
  }

  /** Id of the latest committed release (cheap: no manifest). */
  Optional<String> currentId();

  /** Id of the release the public sees (cheap: no manifest). */
  Optional<String> publishedId();

  /** Whether a committed release with this id exists (false for any malformed id). */
  boolean isCommitted(String id);

  /**
   * The manifest of a committed release.
   *
   * @throws RuntimeException when there is no committed release {@code id}
   */
  SnapshotManifest manifest(String id);

  /** Every committed release, oldest first. */
  List<SnapshotManifest> list();

  /** Every publication, oldest first (a release published twice appears twice). */
  List<Publication> publications();

  /** The token that changes whenever the current or the published release changes. */
  ChangeToken changeToken();

  /** Where the releases are kept, for messages (a folder, a catalog). */
  String location();

  /** The latest committed release (pre-release unless it has been published). */
  default Optional<SnapshotManifest> current() {
    return currentId().map(this::manifest);
  }

  /** The release the public sees. */
  default Optional<SnapshotManifest> published() {
    return publishedId().map(this::manifest);
  }

  /** Ids of every release ever published, oldest first. */
  default Set<String> publishedIds() {
    Set<String> ids = new LinkedHashSet<>();
    publications().forEach(p -> ids.add(p.snapshotId()));
    return ids;
  }

  /** Whether a release has ever been published (an older published one stays published). */
  default boolean isPublished(String id) {
    return publishedIds().contains(id);
  }
}
