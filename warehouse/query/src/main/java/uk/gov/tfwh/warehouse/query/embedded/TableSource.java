package uk.gov.tfwh.warehouse.query.embedded;

import java.util.List;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Where a snapshot's tables come from when a {@link SnapshotDatabase} opens: a snapshot folder of
 * the folder store ({@link FolderTableSource}) or an Iceberg release's planned files ({@link
 * IcebergTableSource}). Its {@code toString} says where, for messages.
 */
interface TableSource extends AutoCloseable {

  /** Settings run on the new database before any table is made. */
  List<String> settings();

  /** The statement that makes a contract table queryable under its logical name. */
  String create(WarehouseTable table, long inMemoryLimitBytes);

  /**
   * Called once the database made from it is closed (or failed to open): the files it named may go
   * (an Iceberg release's cached copies of {@code s3://} files).
   */
  @Override
  default void close() {}
}
