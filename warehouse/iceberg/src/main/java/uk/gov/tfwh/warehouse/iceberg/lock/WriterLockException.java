package uk.gov.tfwh.warehouse.iceberg.lock;

/** The writer lock cannot be taken for a reason other than another holder (the database failed). */
public final class WriterLockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WriterLockException(String message, Throwable cause) {
    super(message, cause);
  }
}
