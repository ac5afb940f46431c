package uk.gov.tfwh.warehouse.iceberg.release;

/** The release tables cannot be read or written. */
public class ReleaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ReleaseException(String message) {
    super(message);
  }

  ReleaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
