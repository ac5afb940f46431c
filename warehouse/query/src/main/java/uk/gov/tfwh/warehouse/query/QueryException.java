package uk.gov.tfwh.warehouse.query;

/** A catalogue query could not run, or its engine returned something the catalogue does not say. */
public class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryException(String message) {
    super(message);
  }

  public QueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
