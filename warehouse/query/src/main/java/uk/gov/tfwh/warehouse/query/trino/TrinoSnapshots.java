package uk.gov.tfwh.warehouse.query.trino;

import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/** The release a selector stands for, and the SQL that reads only it on Trino. */
interface TrinoSnapshots {
  /** The snapshot {@code selector} stands for now, and {@code sql} made to read it. */
  PinnedQuery pin(SnapshotSelector selector, String sql);

  /**
   * A catalogue query ready to run on one snapshot.
   *
   * @param snapshotId the snapshot (release) it reads
   * @param sql the statement, naming its tables itself
   */
  record PinnedQuery(String snapshotId, String sql) {}
}
