package uk.gov.tfwh.warehouse.query.trino;

import uk.gov.tfwh.warehouse.query.QueryException;

/** Trino could not be reached, or refused a registration or query. */
public class TrinoException extends QueryException {
  private static final long serialVersionUID = 1L;

  public TrinoException(String message, Throwable cause) {
    super(message, cause);
  }
}
