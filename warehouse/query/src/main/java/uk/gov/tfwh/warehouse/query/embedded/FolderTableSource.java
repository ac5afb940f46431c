package uk.gov.tfwh.warehouse.query.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** A snapshot folder of the folder store: each table's Parquet files found by their folder. */
record FolderTableSource(Path snapshotDir) implements TableSource {
  FolderTableSource {
    requireNonNull(snapshotDir, "snapshotDir");
  }

  @Override
  public List<String> settings() {
    return List.of();
  }

  @Override
  public String create(WarehouseTable table, long inMemoryLimitBytes) {
    return ParquetTableSql.create(table, snapshotDir, inMemoryLimitBytes);
  }

  @Override
  public String toString() {
    return snapshotDir.toString();
  }
}
