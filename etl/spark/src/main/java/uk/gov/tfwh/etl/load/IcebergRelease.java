package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import uk.gov.tfwh.etl.table.LoadCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.Release;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.retention.ReleaseRefs;
import uk.gov.tfwh.warehouse.iceberg.schema.SchemaEvolution;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * One load's refs in the Iceberg tables (docs/design/iceberg.md, section 5.4): a branch {@code
 * load_<id>} per table at the previous release's snapshot, written by the load and read by no one;
 * sealed as the tag {@code r_<id>} once every table is written; discarded when the load fails.
 */
final class IcebergRelease {
  private LoadCatalog catalog;
  private final String id;

  IcebergRelease(LoadCatalog catalog, String id) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.id = requireNonNull(id, "id");
  }

  /** Goes on through this catalog (Spark's, once Spark writes: {@link LoadCatalog}). */
  void use(LoadCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog");
  }

  LoadCatalog catalog() {
    return catalog;
  }

  /** The release id. */
  String id() {
    return id;
  }

  /** The branch name: Spark reads {@code table.branch_<name>}, where '-' is a parse error. */
  String branch() {
    return ReleaseRefs.loadBranch(id);
  }

  String tag() {
    return ReleaseRefs.releaseTag(id);
  }

  /**
   * Reconciles every table with the contract, then branches it at the parent release's snapshot (a
   * table the parent does not name gets an empty branch).
   */
  void branch(Optional<Release> parent) {
    for (WarehouseTable table : WarehouseTable.values()) {
      Table iceberg = catalog.table(table);
      SchemaEvolution.reconcile(iceberg, table);
      Optional<Long> at =
          parent
              .flatMap(r -> r.table(catalog.settings().namespace(), table.tableName()))
              .map(ReleaseTable::snapshotId);
      ManageSnapshots manage = iceberg.manageSnapshots();
      (at.isPresent() ? manage.createBranch(branch(), at.get()) : manage.createBranch(branch()))
          .commit();
    }
  }

  /**
   * Tags each table's branch head as the release and removes the branch, one metadata commit per
   * table; returns the release's tables. A table the load left alone is tagged at the parent's
   * snapshot, where its branch still is.
   */
  List<ReleaseTable> seal() {
    List<ReleaseTable> tables = new ArrayList<>();
    for (WarehouseTable table : WarehouseTable.values()) {
      Table iceberg = catalog.table(table);
      Snapshot head = iceberg.snapshot(branch());
      iceberg.manageSnapshots().createTag(tag(), head.snapshotId()).removeBranch(branch()).commit();
      tables.add(releaseTable(table, head));
    }
    return tables;
  }

  private ReleaseTable releaseTable(WarehouseTable table, Snapshot head) {
    Map<String, String> summary = head.summary();
    Integer schemaId = head.schemaId();
    return new ReleaseTable(
        catalog.settings().namespace(),
        table.tableName(),
        head.snapshotId(),
        schemaId != null ? schemaId : catalog.table(table).schema().schemaId(),
        Long.parseLong(summary.getOrDefault("total-records", "0")),
        Integer.parseInt(summary.getOrDefault("total-data-files", "0")));
  }

  /**
   * Removes this load's branch and tag wherever they are, as far as it can: a failed load's refs
   * are unreleased, so no reader sees them either way (retention removes what is left).
   */
  void discard(List<String> failures) {
    for (WarehouseTable table : WarehouseTable.values()) {
      try {
        Table iceberg = catalog.table(table);
        ManageSnapshots manage = iceberg.manageSnapshots();
        boolean any = false;
        if (iceberg.refs().containsKey(branch())) {
          manage.removeBranch(branch());
          any = true;
        }
        if (iceberg.refs().containsKey(tag())) {
          manage.removeTag(tag());
          any = true;
        }
        if (any) {
          manage.commit();
        }
      } catch (RuntimeException e) {
        failures.add(table.tableName() + ": " + e.getMessage());
      }
    }
  }
}
