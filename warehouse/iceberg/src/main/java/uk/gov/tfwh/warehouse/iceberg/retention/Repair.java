package uk.gov.tfwh.warehouse.iceberg.retention;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;

/**
 * Re-does the idempotent steps a killed writer may have skipped after its commit point
 * (docs/design/iceberg.md, sections 5.4 and 5.7), run by the next writer under the lock: the
 * release rows are the truth, and the refs are made to agree with them. Per table, {@code main} is
 * moved to the current release's snapshot, every release's {@code r_<id>} tag is made (or moved) to
 * the release's snapshot, and the {@code published} tag to the published release's. A table whose
 * refs agree already is not touched, so a second run changes nothing. After its own release commit
 * a writer needs only {@link #release(Release)}: that release's tag and {@code main}.
 */
public final class Repair {
  private final WarehouseCatalog catalog;
  private final ReleaseCatalog releases;

  public Repair(WarehouseCatalog catalog, CatalogDatabase database) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.releases = new ReleaseCatalog(requireNonNull(database, "database"));
  }

  /**
   * Makes the refs agree with the release rows, as the next writer does before it writes: every
   * release's tag, the published tags and {@code main}. The release rows are read in two statements
   * (every release with its tables, the published release), whatever their number.
   *
   * @return what was changed, as {@code namespace.table ref -> snapshot id}; empty when nothing
   *     needed to
   */
  public List<String> run() {
    // table -> ref -> snapshot, in a stable order; tags first, main last
    Map<String, Map<String, Long>> tags = new TreeMap<>();
    Map<String, Long> main = new TreeMap<>();
    List<ReleaseOutline> all = releases.outlines();
    all.forEach(release -> want(tags, release, ReleaseRefs.releaseTag(release.id())));
    releases.publishedOutline().ifPresent(release -> want(tags, release, ReleaseRefs.PUBLISHED));
    if (!all.isEmpty()) {
      wantMain(main, all.get(all.size() - 1));
    }
    return apply(tags, main);
  }

  /**
   * The steps after a writer's own release commit, for that release only: its {@code r_<id>} tag
   * and, while it is the current release, {@code main}. The other releases' refs and the published
   * tags were made to agree when the writer opened the catalog ({@link #run()}), and a release
   * commit does not change them; so afterwards the refs are those {@link #run()} would leave.
   *
   * @return what was changed, as {@link #run()} says it
   */
  public List<String> release(Release committed) {
    requireNonNull(committed, "committed");
    Map<String, Map<String, Long>> tags = new TreeMap<>();
    Map<String, Long> main = new TreeMap<>();
    ReleaseOutline outline = committed.outline();
    want(tags, outline, ReleaseRefs.releaseTag(committed.id()));
    // The newest release's number, not the release itself: its manifest and report are megabytes.
    if (releases.changeToken().releaseSeq() == committed.seq()) {
      wantMain(main, outline);
    }
    return apply(tags, main);
  }

  private List<String> apply(Map<String, Map<String, Long>> tags, Map<String, Long> main) {
    List<String> changed = new ArrayList<>();
    for (String name : tables(tags, main)) {
      Table table = catalog.catalog().loadTable(TableIdentifier.parse(name));
      List<String> changes = new ArrayList<>();
      // Worked out again on each attempt: a writer without the lock may have moved a ref between.
      RefCommit.apply(
          table,
          (now, manage) -> {
            changes.clear();
            stage(now, name, tags.getOrDefault(name, Map.of()), main.get(name), manage, changes);
            return !changes.isEmpty();
          });
      changed.addAll(changes);
    }
    return changed;
  }

  private static void stage(
      Table table,
      String name,
      Map<String, Long> tags,
      Long head,
      ManageSnapshots manage,
      List<String> changes) {
    for (Map.Entry<String, Long> tag : tags.entrySet()) {
      requireSnapshot(table, tag.getValue(), tag.getKey());
      SnapshotRef ref = table.refs().get(tag.getKey());
      if (ref == null) {
        manage.createTag(tag.getKey(), tag.getValue());
      } else if (ref.snapshotId() != tag.getValue()) {
        manage.replaceTag(tag.getKey(), tag.getValue());
      } else {
        continue;
      }
      changes.add(name + " " + tag.getKey() + " -> " + tag.getValue());
    }
    if (head != null) {
      requireSnapshot(table, head, ReleaseRefs.MAIN);
      SnapshotRef ref = table.refs().get(ReleaseRefs.MAIN);
      if (ref == null) {
        manage.createBranch(ReleaseRefs.MAIN, head);
        changes.add(name + " " + ReleaseRefs.MAIN + " -> " + head);
      } else if (ref.snapshotId() != head) {
        manage.replaceBranch(ReleaseRefs.MAIN, head);
        changes.add(name + " " + ReleaseRefs.MAIN + " -> " + head);
      }
    }
  }

  private static void wantMain(Map<String, Long> main, ReleaseOutline current) {
    current.tables().forEach(table -> main.put(table.qualifiedName(), table.snapshotId()));
  }

  private static void want(
      Map<String, Map<String, Long>> tags, ReleaseOutline release, String tag) {
    for (ReleaseTable table : release.tables()) {
      tags.computeIfAbsent(table.qualifiedName(), name -> new LinkedHashMap<>())
          .put(tag, table.snapshotId());
    }
  }

  private static List<String> tables(Map<String, Map<String, Long>> tags, Map<String, Long> main) {
    TreeMap<String, Boolean> names = new TreeMap<>();
    tags.keySet().forEach(name -> names.put(name, true));
    main.keySet().forEach(name -> names.put(name, true));
    return List.copyOf(names.keySet());
  }

  private static void requireSnapshot(Table table, long snapshotId, String ref) {
    if (table.snapshot(snapshotId) == null) {
      throw new IllegalStateException(
          "table "
              + table.name()
              + " has no snapshot "
              + snapshotId
              + " for "
              + ref
              + ", which the release tables name: the release is damaged");
    }
  }
}
