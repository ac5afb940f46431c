package uk.gov.tfwh.warehouse.query.embedded;

import java.util.Set;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.SnapshotUnavailableException;

/**
 * The snapshots the embedded engine reads: the folder store's ({@link FolderSnapshots}) or an
 * Iceberg catalog's releases ({@link IcebergSnapshots}).
 */
interface SnapshotSource {

  /**
   * The snapshot id a selector stands for now.
   *
   * @throws SnapshotUnavailableException when there is none
   */
  String resolve(SnapshotSelector selector);

  /** The ids the current and the published pointer name now (the databases worth keeping open). */
  Set<String> pointedTo();

  /** Where the tables of a committed snapshot come from. */
  TableSource tables(String id);
}
