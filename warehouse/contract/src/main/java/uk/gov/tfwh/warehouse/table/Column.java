package uk.gov.tfwh.warehouse.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of a warehouse table, with what it means (the data dictionary is written from this).
 *
 * @param formerNames names the column had in earlier versions of the contract, oldest first: a
 *     table written under one of them has the column renamed rather than a new column added
 */
public record Column(
    String name, ColumnType type, boolean nullable, String description, List<String> formerNames) {
  public Column {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(description, "description");
    formerNames = List.copyOf(formerNames);
    checkName(name);
    formerNames.forEach(Column::checkName);
    if (formerNames.contains(name)
        || formerNames.stream().distinct().count() < formerNames.size()) {
      throw new IllegalArgumentException(
          "a column's former names differ from its name and from each other: " + name);
    }
  }

  /** A column that has never been renamed. */
  public Column(String name, ColumnType type, boolean nullable, String description) {
    this(name, type, nullable, description, List.of());
  }

  public static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, false, description);
  }

  public static Column optional(String name, ColumnType type, String description) {
    return new Column(name, type, true, description);
  }

  /** This column, renamed from {@code formerName} (added after the names it already had). */
  public Column renamedFrom(String formerName) {
    List<String> names = new ArrayList<>(formerNames);
    names.add(formerName);
    return new Column(name, type, nullable, description, names);
  }

  private static void checkName(String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column names are lower snake case: " + name);
    }
  }
}
