package uk.gov.tfwh.warehouse.table;

import static java.util.Objects.requireNonNull;

/** A column of a warehouse table, with what it means (the data dictionary is written from this). */
public record Column(String name, ColumnType type, boolean nullable, String description) {
  public Column {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(description, "description");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column names are lower snake case: " + name);
    }
  }

  public static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, false, description);
  }

  public static Column optional(String name, ColumnType type, String description) {
    return new Column(name, type, true, description);
  }
}
