package uk.gov.tfwh.etl.state;

/**
 * The previous load's state cannot be used (missing, of another format version, damaged): the load
 * reads everything again, which gives the same release, and never fails because of it.
 */
public final class StateUnreadableException extends RuntimeException {
  public StateUnreadableException(String message, Throwable cause) {
    super(message, cause);
  }
}
