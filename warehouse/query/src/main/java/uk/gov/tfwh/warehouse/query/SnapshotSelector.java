package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import uk.gov.tfwh.warehouse.iceberg.release.IcebergReleases;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * Which snapshot a query reads: the published one (what the public sees), the current one (latest
 * committed, possibly pre-release: privileged users) or one by id. A selector is resolved to an id
 * once per query, so a query reads one snapshot even while the pointers move.
 *
 * @param ranksWithheld whether figures that rank every authority (national, regional and type
 *     ranks, quartile) are withheld from what is read while the snapshot is unpublished: set for a
 *     viewer who may see one authority's pre-release figures but not the others', since its ranks
 *     would tell them how the others' unpublished figures moved ({@link PinnedSnapshot})
 */
public record SnapshotSelector(Kind kind, String id, boolean ranksWithheld) {
  public enum Kind {
    PUBLISHED,
    CURRENT,
    BY_ID
  }

  public SnapshotSelector(Kind kind, String id) {
    this(kind, id, false);
  }

  public SnapshotSelector {
    requireNonNull(kind, "kind");
    if ((kind == Kind.BY_ID) != (id != null)) {
      throw new IllegalArgumentException("an id is given exactly when selecting by id");
    }
  }

  public static SnapshotSelector published() {
    return new SnapshotSelector(Kind.PUBLISHED, null);
  }

  public static SnapshotSelector current() {
    return new SnapshotSelector(Kind.CURRENT, null);
  }

  /** This selector, withholding ranks while its snapshot is unpublished. */
  public SnapshotSelector withRanksWithheld() {
    return new SnapshotSelector(kind, id, true);
  }

  public static SnapshotSelector byId(String id) {
    return new SnapshotSelector(Kind.BY_ID, requireNonNull(id, "id"));
  }

  /** The snapshot id this selector stands for now. */
  public String resolve(WarehouseReleases releases) {
    Optional<String> resolved =
        switch (kind) {
          case PUBLISHED -> releases.publishedId();
          case CURRENT -> releases.currentId();
          case BY_ID -> releases.isCommitted(id) ? Optional.of(id) : Optional.empty();
        };
    return resolved.orElseThrow(
        () ->
            new SnapshotUnavailableException(
                switch (kind) {
                  case PUBLISHED -> "no snapshot has been published in " + releases.location();
                  case CURRENT -> "no snapshot has been loaded in " + releases.location();
                  case BY_ID ->
                      "there is no committed snapshot " + id + " in " + releases.location();
                }));
  }

  /**
   * The outline of the Iceberg release this selector stands for now, from the release tables,
   * without the manifest and load report (megabytes each on a long history); {@code where} names
   * the catalog in the message when there is none.
   */
  public ReleaseOutline select(ReleaseCatalog releases, String where) {
    Optional<ReleaseOutline> resolved =
        switch (kind) {
          case PUBLISHED -> releases.publishedOutline();
          case CURRENT -> releases.currentOutline();
          case BY_ID -> releases.outlineById(id);
        };
    return resolved.orElseThrow(() -> unavailable(where));
  }

  /**
   * The id of the release this selector picks among an Iceberg store's releases (cached by the
   * change token, so resolving costs one statement while nothing changes).
   *
   * @param where the catalog, for the message when there is no such release
   */
  public String select(IcebergReleases releases, String where) {
    Optional<String> resolved =
        switch (kind) {
          case PUBLISHED -> releases.publishedId();
          case CURRENT -> releases.currentId();
          case BY_ID -> releases.isCommitted(id) ? Optional.of(id) : Optional.empty();
        };
    return resolved.orElseThrow(() -> unavailable(where));
  }

  private SnapshotUnavailableException unavailable(String where) {
    return new SnapshotUnavailableException(
        switch (kind) {
          case PUBLISHED -> "no release has been published in " + where;
          case CURRENT -> "no release has been committed in " + where;
          case BY_ID -> "there is no release " + id + " in " + where;
        });
  }

  @Override
  public String toString() {
    return kind == Kind.BY_ID ? id : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
