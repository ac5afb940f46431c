package uk.gov.tfwh.warehouse.iceberg.files;

/** A release's files cannot be planned, or are of a kind the embedded reader does not read. */
public final class ReleaseFilesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ReleaseFilesException(String message) {
    super(message);
  }

  ReleaseFilesException(String message, Throwable cause) {
    super(message, cause);
  }
}
