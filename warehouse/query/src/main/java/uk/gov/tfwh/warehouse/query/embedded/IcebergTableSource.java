package uk.gov.tfwh.warehouse.query.embedded;

import static java.util.Objects.requireNonNull;

import java.util.List;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * An Iceberg release, planned: each table read from the files of the release's snapshot of it, by
 * field id (docs/design/iceberg.md, section 5.10).
 *
 * @param files the release's planned tables
 * @param catalog which catalog the release is in, for messages
 */
record IcebergTableSource(ReleaseFiles files, String catalog) implements TableSource {
  IcebergTableSource {
    requireNonNull(files, "files");
    requireNonNull(catalog, "catalog");
  }

  /** A stray remote location fails at once instead of DuckDB downloading an extension for it. */
  @Override
  public List<String> settings() {
    return List.of("SET autoinstall_known_extensions = false");
  }

  @Override
  public String create(WarehouseTable table, long inMemoryLimitBytes) {
    return ParquetTableSql.create(table, files.table(table), inMemoryLimitBytes);
  }

  /** The release's cached copies may be evicted once its database is closed. */
  @Override
  public void close() {
    files.close();
  }

  @Override
  public String toString() {
    return "release " + files.releaseId() + " of catalog " + catalog;
  }
}
