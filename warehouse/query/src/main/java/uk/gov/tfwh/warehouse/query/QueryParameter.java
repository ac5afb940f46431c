package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.warehouse.table.ColumnType;

/**
 * A parameter of a catalogue query, written {@code :name} in its SQL file. An optional parameter
 * left out (or null) means "no filter"; the SQL says so with {@code :name IS NULL OR ...}.
 */
public record QueryParameter(String name, ColumnType type, boolean required) {
  public QueryParameter {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }

  public static QueryParameter required(String name, ColumnType type) {
    return new QueryParameter(name, type, true);
  }

  public static QueryParameter optional(String name, ColumnType type) {
    return new QueryParameter(name, type, false);
  }
}
