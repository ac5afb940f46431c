package uk.gov.tfwh.warehouse.query;

/**
 * The snapshot asked for does not exist: nothing has been loaded or published yet, or the id is not
 * a committed snapshot. The API answers this as "no data", not as a server fault.
 */
public class SnapshotUnavailableException extends QueryException {
  private static final long serialVersionUID = 1L;

  public SnapshotUnavailableException(String message) {
    super(message);
  }
}
