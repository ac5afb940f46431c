package uk.gov.tfwh.etl.migrate;

/** {@code ./tfwh migrate --verify} found a migrated release that differs from its snapshot. */
public final class MigrationMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MigrationMismatchException(String message) {
    super(message);
  }
}
