package uk.gov.tfwh.warehouse.iceberg.schema;

import static java.util.Objects.requireNonNull;

/**
 * A table differs from the contract in a way {@link SchemaEvolution} does not change (a dropped or
 * narrowed column, a required column added, a new partitioning): the message names the table, the
 * column and the change that would be needed.
 */
public final class SchemaMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final String column;

  SchemaMismatchException(String table, String column, String problem) {
    super("table " + table + ", column " + column + ": " + problem);
    this.table = requireNonNull(table, "table");
    this.column = requireNonNull(column, "column");
  }

  public String table() {
    return table;
  }

  public String column() {
    return column;
  }
}
