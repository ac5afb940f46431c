package uk.gov.tfwh.warehouse.iceberg.lock;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogDatabase;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;

/**
 * A writer process for the lock tests: it takes the writer lock for a load and prints {@code HELD
 * <holder>}, then holds it until its standard input closes; or, refused, prints {@code BUSY
 * <message>} and exits {@value #BUSY}. The password of a PostgreSQL catalog is read from {@value
 * #PASSWORD_VARIABLE}.
 *
 * <p>Arguments: the warehouse folder, then for PostgreSQL the catalog URI and the user (none: the
 * embedded SQLite catalog, whose lock is the file lock).
 */
public final class LockHolder {
  static final String PASSWORD_VARIABLE = "TFWH_TEST_CATALOG_PASSWORD";
  static final int BUSY = 4;

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    Path warehouse = Path.of(args[0]);
    Map<String, String> properties = new HashMap<>();
    if (args.length > 1) {
      properties.put(CatalogSettings.URI, args[1]);
      properties.put(CatalogSettings.USER, args[2]);
      properties.put(CatalogSettings.PASSWORD_ENV, PASSWORD_VARIABLE);
    }
    CatalogDatabase database = CatalogDatabase.of(CatalogSettings.of(properties, warehouse));
    WriterLock lock;
    try {
      lock = WriterLocks.acquire(database, warehouse, "load");
    } catch (WriterBusyException e) {
      System.out.println("BUSY " + e.getMessage());
      System.out.flush();
      System.exit(BUSY);
      return;
    }
    try (lock) {
      System.out.println("HELD " + lock.holder());
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock until the test closes the input (or kills this process)
      }
    }
  }
}
