package uk.gov.tfwh.warehouse.snapshot;

/** The warehouse folder is not in a state a snapshot operation can work with. */
public class SnapshotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SnapshotException(String message) {
    super(message);
  }

  public SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
