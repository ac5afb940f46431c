package uk.gov.tfwh.warehouse.iceberg.lock;

import static java.util.Objects.requireNonNull;

/** Another writer holds the warehouse's writer lock: this one was refused and changed nothing. */
public final class WriterBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String holder;

  WriterBusyException(String catalogName, String holder) {
    super(
        "the warehouse "
            + catalogName
            + " is busy: "
            + holder
            + " holds its lock; run this again once that has finished");
    this.holder = requireNonNull(holder, "holder");
  }

  /** The holder, as it described itself. */
  public String holder() {
    return holder;
  }
}
