package uk.gov.tfwh.warehouse.iceberg.release;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;

/**
 * Publishes releases (docs/design/iceberg.md, section 5.8): first the publication row, the one
 * atomic switch the API and the pages read, then, table by table, the {@value #PUBLISHED_TAG} tag
 * at the snapshot the release reads, for people and tools that read the tables directly (Trino's
 * {@code FOR VERSION AS OF 'published'}). The tags move one table at a time, so those readers may
 * briefly see tables of two publications; whoever must never mix pins a release's own tags.
 *
 * <p>Moving the tags is idempotent: a table already tagged at the release is left alone, so
 * publishing again, or {@link #tagPublished()} after a publish killed between the switch and the
 * tags, finishes the job. Run it under the warehouse's writer lock.
 */
public final class Publisher {

  /** The tag each table carries at the published release's snapshot. */
  public static final String PUBLISHED_TAG = "published";

  private final WarehouseCatalog catalog;
  private final ReleaseCatalog releases;
  private final ReleaseCommit commits;

  /** Publishes in this catalog, whose release tables are in this database. */
  public Publisher(WarehouseCatalog catalog, CatalogDatabase database) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.releases = new ReleaseCatalog(requireNonNull(database, "database"));
    this.commits = new ReleaseCommit(database);
  }

  /**
   * Publishes a committed release: the publication (from then on it is what the public sees), then
   * every table's {@value #PUBLISHED_TAG} tag.
   *
   * @param by who publishes, for the publication's row
   * @throws UnknownReleaseException when there is no release of this id: nothing was written
   * @throws ReleaseException when the tags of some tables could not be moved: the release is
   *     published all the same, and the message says which tables to tag again
   */
  public Publication publish(String releaseId, String by) {
    Publication publication = commits.publish(releaseId, by);
    Release release =
        releases
            .byId(releaseId)
            .orElseThrow(() -> new UnknownReleaseException(catalog.settings().name(), releaseId));
    tag(release);
    return publication;
  }

  /**
   * Moves every table's {@value #PUBLISHED_TAG} tag to the published release, where a publish was
   * stopped before it finished; returns the tables it moved (none when all were in place).
   */
  public List<String> tagPublished() {
    return releases.published().map(this::tag).orElse(List.of());
  }

  /** Tags each of the release's tables at its snapshot; returns the tables whose tag moved. */
  private List<String> tag(Release release) {
    List<String> moved = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (ReleaseTable table : release.tables()) {
      try {
        if (tag(catalog, table)) {
          moved.add(table.qualifiedName());
        }
      } catch (RuntimeException e) {
        failed.add(table.qualifiedName() + " (" + reason(e) + ")");
        if (firstFailure == null) {
          firstFailure = e;
        }
      }
    }
    if (!failed.isEmpty()) {
      throw new ReleaseException(
          "release "
              + release.id()
              + " is published, but the "
              + PUBLISHED_TAG
              + " tag of "
              + String.join(", ", failed)
              + " could not be moved; publish it again to move them",
          firstFailure);
    }
    return moved;
  }

  /** The innermost message: Iceberg's JDBC catalog says only "Unknown failure" itself. */
  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause.getMessage();
  }

  /** Tags one table at the release's snapshot; false when the tag was there already. */
  private static boolean tag(WarehouseCatalog catalog, ReleaseTable released) {
    Table table =
        catalog.catalog().loadTable(TableIdentifier.of(released.namespace(), released.name()));
    SnapshotRef ref = table.refs().get(PUBLISHED_TAG);
    if (ref != null && ref.isTag() && ref.snapshotId() == released.snapshotId()) {
      return false;
    }
    ManageSnapshots snapshots = table.manageSnapshots();
    if (ref == null) {
      snapshots.createTag(PUBLISHED_TAG, released.snapshotId());
    } else if (ref.isTag()) {
      snapshots.replaceTag(PUBLISHED_TAG, released.snapshotId());
    } else {
      throw new ReleaseException(
          "it has a branch called " + PUBLISHED_TAG + ", which tfwh keeps for the published tag");
    }
    snapshots.commit();
    return true;
  }
}
