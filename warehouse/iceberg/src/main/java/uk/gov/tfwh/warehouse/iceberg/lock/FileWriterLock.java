package uk.gov.tfwh.warehouse.iceberg.lock;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import uk.gov.tfwh.warehouse.snapshot.WarehouseBusyException;
import uk.gov.tfwh.warehouse.snapshot.WarehouseLock;

/**
 * The writer lock for a SQLite catalog (and any single-host warehouse): the folder store's {@link
 * WarehouseLock}, an operating-system lock on {@code <warehouse>/.lock} that the kernel releases
 * when the holder dies. SQLite allows one writer process (design P3), and this lock is what keeps a
 * second one out before Iceberg's own commit fails with {@code SQLITE_BUSY}.
 */
public final class FileWriterLock implements WriterLock {
  private final WarehouseLock lock;
  private final String holder;

  private FileWriterLock(WarehouseLock lock, String holder) {
    this.lock = requireNonNull(lock, "lock");
    this.holder = requireNonNull(holder, "holder");
  }

  /**
   * Takes the lock of the warehouse folder, or throws {@link WriterBusyException} at once naming
   * the holder.
   *
   * @param catalogName the catalog's name, for the refusal message
   * @param warehouseDir the warehouse folder ({@code --warehouse}), which holds {@code .lock}
   * @param purpose what the holder does ("load", "publish")
   */
  public static FileWriterLock acquire(String catalogName, Path warehouseDir, String purpose) {
    requireNonNull(catalogName, "catalogName");
    requireNonNull(warehouseDir, "warehouseDir");
    Holder.requirePurpose(purpose);
    try {
      WarehouseLock lock = WarehouseLock.acquire(warehouseDir, purpose);
      return new FileWriterLock(lock, lock.holder());
    } catch (WarehouseBusyException e) {
      WriterBusyException busy = new WriterBusyException(catalogName, e.holder());
      // Suppressed, not the cause: the one-line reports add a cause's message, which says the
      // same again with the folder for the catalog's name.
      busy.addSuppressed(e);
      throw busy;
    }
  }

  @Override
  public Kind kind() {
    return Kind.FILE;
  }

  @Override
  public String holder() {
    return holder;
  }

  /** Whether this process still holds the lock (false once closed). */
  public boolean isHeld() {
    return lock.isHeld();
  }

  @Override
  public void close() {
    lock.close();
  }
}
