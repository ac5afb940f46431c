package uk.gov.tfwh.warehouse.iceberg.catalog;

/** The warehouse's Iceberg catalog cannot be opened or prepared. */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
