package uk.gov.tfwh.warehouse.iceberg.retention;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;

/**
 * The steps after a release's commit, which change no reader's answer (readers go by the release
 * tables) and so may be done again at any time (docs/design/iceberg.md, sections 5.4 and 5.7): each
 * table's {@code r_<id>} tag at the release's snapshot, and its {@code main} branch moved there so
 * ad-hoc Spark and Trino users see the current release. A load does them right after its commit,
 * and the next writer does them again first, in case a kill came in between.
 */
public final class Repair {
  private Repair() {}

  /** The tag of a release in each of its tables. */
  public static String tag(String releaseId) {
    return "r_" + releaseId;
  }

  /**
   * Makes every table of the release carry its tag and have {@code main} at its snapshot; returns
   * what had to be done (empty when nothing), as {@code table: what}.
   */
  public static List<String> run(Catalog catalog, Release release) {
    List<String> done = new ArrayList<>();
    String tag = tag(release.id());
    for (ReleaseTable table : release.tables()) {
      Table iceberg = catalog.loadTable(TableIdentifier.of(table.namespace(), table.name()));
      long snapshotId = table.snapshotId();
      SnapshotRef tagged = iceberg.refs().get(tag);
      if (tagged == null) {
        iceberg.manageSnapshots().createTag(tag, snapshotId).commit();
        done.add(table.qualifiedName() + ": tag " + tag + " added");
      } else if (tagged.snapshotId() != snapshotId) {
        iceberg.manageSnapshots().replaceTag(tag, snapshotId).commit();
        done.add(table.qualifiedName() + ": tag " + tag + " moved");
      }
      SnapshotRef main = iceberg.refs().get(SnapshotRef.MAIN_BRANCH);
      if (main == null) {
        iceberg.manageSnapshots().createBranch(SnapshotRef.MAIN_BRANCH, snapshotId).commit();
        done.add(table.qualifiedName() + ": main set to " + snapshotId);
      } else if (main.snapshotId() != snapshotId) {
        iceberg.manageSnapshots().replaceBranch(SnapshotRef.MAIN_BRANCH, snapshotId).commit();
        done.add(table.qualifiedName() + ": main moved to " + snapshotId);
      }
    }
    return done;
  }
}
