package uk.gov.tfwh.warehouse.iceberg.lock;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * Takes the writer lock the catalog settings choose ({@code tfwh.lock}): with {@code auto}, the
 * file lock for a SQLite catalog and PostgreSQL's advisory lock for a PostgreSQL one.
 */
public final class WriterLocks {
  private WriterLocks() {}

  /**
   * Takes the writer lock, or throws {@link WriterBusyException} at once naming the holder; then,
   * holding it, refuses a catalog whose tables are not under its warehouse location ({@link
   * TableLocations}: a copied or moved warehouse folder), with {@link TablesElsewhereException}.
   *
   * @param database the catalog's database (its settings choose the lock)
   * @param warehouseDir the warehouse folder ({@code --warehouse}), where the file lock lives
   * @param purpose what the holder does ("load", "publish", "migrate")
   */
  public static WriterLock acquire(CatalogDatabase database, Path warehouseDir, String purpose) {
    requireNonNull(database, "database");
    requireNonNull(warehouseDir, "warehouseDir");
    Holder.requirePurpose(purpose);
    CatalogSettings settings = database.settings();
    WriterLock lock =
        switch (settings.writerLock()) {
          case FILE -> FileWriterLock.acquire(settings.name(), warehouseDir, purpose);
          case POSTGRES -> PostgresAdvisoryLock.acquire(database, purpose);
          case NONE -> new NoWriterLock(purpose);
          case AUTO -> throw new IllegalStateException("auto is resolved by the settings");
        };
    try {
      TableLocations.requireHome(database);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }
}
