package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.warehouse.table.ColumnType;

/** A column of a query's result: its name and the type both engines must return. */
public record ResultColumn(String name, ColumnType type) {
  public ResultColumn {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }
}
