package uk.gov.tfwh.warehouse.query.trino;

import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/** Where Trino finds the snapshot a selector stands for, and the SQL that reads only it. */
interface TrinoSnapshots {
  /** The snapshot {@code selector} stands for now, and {@code sql} made to read it. */
  PinnedQuery pin(SnapshotSelector selector, String sql);

  /**
   * A catalogue query ready to run on one snapshot.
   *
   * @param snapshotId the snapshot (release) it reads
   * @param path the catalog and schema the connection starts in ({@code /hive/s_<id>}), or empty
   *     when the SQL names its tables itself
   * @param sql the statement
   */
  record PinnedQuery(String snapshotId, String path, String sql) {}
}
