package uk.gov.tfwh.warehouse.iceberg.lock;

/** The catalog's tables are not under the warehouse location ({@link TableLocations}). */
public final class TablesElsewhereException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TablesElsewhereException(String message) {
    super(message);
  }
}
