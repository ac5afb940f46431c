package uk.gov.tfwh.etl.migrate;

/** A migration that would not start: nothing was written to the target. */
public final class MigrationRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MigrationRefusedException(String message) {
    super(message);
  }
}
