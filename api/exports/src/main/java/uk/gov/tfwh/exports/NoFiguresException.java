package uk.gov.tfwh.exports;

/**
 * The snapshot has no figures for what was asked (a quarter no authority reported): the API answers
 * 404. Kept apart from {@link IllegalArgumentException}, which here means a fault of our own, so an
 * unexpected failure inside an export is never reported as the caller's bad parameter.
 */
public final class NoFiguresException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoFiguresException(String message) {
    super(message);
  }
}
