package uk.gov.tfwh.warehouse.snapshot;

import java.nio.file.Path;

/** Another load or publish holds the warehouse's lock ({@link WarehouseLock}). */
public final class WarehouseBusyException extends SnapshotException {
  private static final long serialVersionUID = 1L;

  private final String holder;

  WarehouseBusyException(Path root, String holder) {
    super(
        "the warehouse "
            + root
            + " is busy: "
            + holder
            + " holds its lock; run this again once that has finished");
    this.holder = holder;
  }

  /** Who holds the lock, as its holder described itself. */
  public String holder() {
    return holder;
  }
}
