package uk.gov.tfwh.etl.load;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import uk.gov.tfwh.etl.table.LoadCatalog;
import uk.gov.tfwh.warehouse.iceberg.catalog.WarehouseCatalog;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;
import uk.gov.tfwh.warehouse.iceberg.retention.RefCommit;
import uk.gov.tfwh.warehouse.iceberg.retention.ReleaseRefs;
import uk.gov.tfwh.warehouse.iceberg.schema.SchemaEvolution;
import uk.gov.tfwh.warehouse.iceberg.state.StateTable;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * One load's refs in the Iceberg tables (docs/design/iceberg.md, section 5.4): a branch {@code
 * load_<id>} per table at the previous release's snapshot, written by the load and read by no one;
 * sealed as the tag {@code r_<id>} once every table is written; discarded when the load fails. The
 * load state's tables ({@code tfwh_state}, {@link StateTable}) are refs of the release too.
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
  void branch(Optional<ReleaseOutline> parent) {
    for (WarehouseTable table : WarehouseTable.values()) {
      Table iceberg = catalog.table(table);
      SchemaEvolution.reconcile(iceberg, table);
      branch(
          iceberg, parent.flatMap(r -> r.table(catalog.settings().namespace(), table.tableName())));
    }
    for (StateTable table : StateTable.values()) {
      branch(
          catalog.table(table),
          parent.flatMap(r -> r.table(WarehouseCatalog.STATE_NAMESPACE, table.tableName())));
    }
  }

  private void branch(Table iceberg, Optional<ReleaseTable> parent) {
    Optional<Long> at = parent.map(ReleaseTable::snapshotId);
    RefCommit.apply(
        iceberg,
        (table, manage) -> {
          if (table.refs().containsKey(branch())) {
            return false; // an earlier attempt's commit went through
          }
          if (at.isPresent()) {
            manage.createBranch(branch(), at.get());
          } else {
            manage.createBranch(branch());
          }
          return true;
        });
  }

  /**
   * Tags each table's branch head as the release and removes the branch, one metadata commit per
   * table; returns the release's tables. A table the load left alone is tagged at the parent's
   * snapshot, where its branch still is.
   */
  List<ReleaseTable> seal() {
    List<ReleaseTable> tables = new ArrayList<>();
    for (WarehouseTable table : WarehouseTable.values()) {
      tables.add(seal(catalog.table(table), catalog.settings().namespace(), table.tableName()));
    }
    for (StateTable table : StateTable.values()) {
      tables.add(seal(catalog.table(table), WarehouseCatalog.STATE_NAMESPACE, table.tableName()));
    }
    return tables;
  }

  private ReleaseTable seal(Table iceberg, String namespace, String name) {
    Snapshot head = iceberg.snapshot(branch());
    if (head == null) {
      throw new BranchGoneException(namespace + "." + name, branch());
    }
    RefCommit.apply(
        iceberg,
        (table, manage) -> {
          boolean any = false;
          if (!table.refs().containsKey(tag())) {
            manage.createTag(tag(), head.snapshotId());
            any = true;
          }
          if (table.refs().containsKey(branch())) {
            manage.removeBranch(branch());
            any = true;
          }
          return any;
        });
    Map<String, String> summary = head.summary();
    Integer schemaId = head.schemaId();
    return new ReleaseTable(
        namespace,
        name,
        head.snapshotId(),
        schemaId != null ? schemaId : iceberg.schema().schemaId(),
        Long.parseLong(summary.getOrDefault("total-records", "0")),
        Integer.parseInt(summary.getOrDefault("total-data-files", "0")));
  }

  /**
   * Removes this load's branch and tag wherever they are, as far as it can: a failed load's refs
   * are unreleased, so no reader sees them either way (retention removes what is left).
   */
  void discard(List<String> failures) {
    for (WarehouseTable table : WarehouseTable.values()) {
      discard(() -> catalog.table(table), table.tableName(), failures);
    }
    for (StateTable table : StateTable.values()) {
      discard(
          () -> catalog.table(table),
          WarehouseCatalog.STATE_NAMESPACE + "." + table.tableName(),
          failures);
    }
  }

  private void discard(Supplier<Table> table, String name, List<String> failures) {
    try {
      RefCommit.apply(
          table.get(),
          (iceberg, manage) -> {
            boolean any = false;
            if (iceberg.refs().containsKey(branch())) {
              manage.removeBranch(branch());
              any = true;
            }
            if (iceberg.refs().containsKey(tag())) {
              manage.removeTag(tag());
              any = true;
            }
            return any;
          });
    } catch (RuntimeException e) {
      failures.add(name + ": " + e.getMessage());
    }
  }

  /**
   * The load's branch of a table is not there any more: only retention removes a {@code load_}
   * branch, so another writer's retention ran while this load did, and this load's release cannot
   * be made.
   */
  static final class BranchGoneException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    BranchGoneException(String table, String branch) {
      super("the branch " + branch + " of " + table + " was removed while this load ran");
    }
  }
}
