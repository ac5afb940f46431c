package uk.gov.tfwh.generator.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A sheet as written: header names and rows of typed values (String, Long, LocalDate, or null for
 * an empty cell). Faults edit tables, so a broken file is built the same way as a good one.
 */
public record Table(List<String> header, List<List<Object>> rows) {
  public Table {
    header = List.copyOf(header);
    List<List<Object>> copied = new ArrayList<>();
    for (List<Object> row : rows) {
      copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = java.util.Collections.unmodifiableList(copied);
  }

  public static Table of(SummaryRow summary) {
    return new Table(SummaryRow.COLUMNS, List.of(summary.values()));
  }

  public static Table of(List<ClaimRow> claims) {
    return new Table(ClaimRow.COLUMNS, claims.stream().map(ClaimRow::values).toList());
  }

  /** This table with one cell of the first row replaced. */
  public Table withCell(String column, Object value) {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column);
    }
    List<Object> row = new ArrayList<>(rows.get(0));
    row.set(index, value);
    List<List<Object>> newRows = new ArrayList<>(rows);
    newRows.set(0, row);
    return new Table(header, newRows);
  }

  /** This table with an extra column (header and a value in every row). */
  public Table withColumn(String name, Object value) {
    List<String> newHeader = new ArrayList<>(header);
    newHeader.add(name);
    List<List<Object>> newRows = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> r = new ArrayList<>(row);
      r.add(value);
      newRows.add(r);
    }
    return new Table(newHeader, newRows);
  }

  /** This table without a column. */
  public Table without(String column) {
    int index = header.indexOf(column);
    List<String> newHeader = new ArrayList<>(header);
    newHeader.remove(index);
    List<List<Object>> newRows = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> r = new ArrayList<>(row);
      r.remove(index);
      newRows.add(r);
    }
    return new Table(newHeader, newRows);
  }

  /** This table with another row at the end. */
  public Table withRow(List<Object> row) {
    List<List<Object>> newRows = new ArrayList<>(rows);
    newRows.add(row);
    return new Table(header, newRows);
  }
}
