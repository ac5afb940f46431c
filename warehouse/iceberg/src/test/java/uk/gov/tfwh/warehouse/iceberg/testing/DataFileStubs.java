package uk.gov.tfwh.warehouse.iceberg.testing;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;

/**
 * Data files described to Iceberg without being written: enough to commit snapshots and plan them
 * in tests of metadata (this module writes no Parquet, which would need Hadoop).
 */
public final class DataFileStubs {
  private DataFileStubs() {}

  /**
   * A Parquet file of {@code rows} rows under the table's data folder, in a partition such as
   * {@code period_end=2013-03-31} (or {@code ""} for an unpartitioned table).
   */
  public static DataFile dataFile(Table table, String partition, String name, long rows) {
    String folder = table.location() + "/data/" + (partition.isEmpty() ? "" : partition + "/");
    DataFiles.Builder file = builder(table, folder + name + ".parquet", rows);
    if (!partition.isEmpty()) {
      file.withPartitionPath(partition);
    }
    return file.build();
  }

  /** A Parquet file of {@code rows} rows of an unpartitioned table at any location. */
  public static DataFile at(Table table, String location, long rows) {
    return builder(table, location, rows).build();
  }

  private static DataFiles.Builder builder(Table table, String location, long rows) {
    return DataFiles.builder(table.spec())
        .withPath(location)
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(1024 + rows)
        .withRecordCount(rows);
  }
}
