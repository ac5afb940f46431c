package uk.gov.tfwh.exports.table;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A titled table ready to write in any format: columns with kinds, and rows of values whose Java
 * types match the kinds (checked here, once, so no writer meets a surprise). Null is an empty cell.
 *
 * @param name the sheet name (at most 31 characters, none of {@code []:*?/\}), such as "League
 *     table"
 * @param title a one-line description written above nothing but shown in notes
 */
public record ExportTable(
    String name, String title, List<ExportColumn> columns, List<List<Object>> rows) {

  public ExportTable {
    requireNonNull(name, "name");
    requireNonNull(title, "title");
    if (name.isEmpty() || name.length() > 31 || name.matches(".*[\\[\\]:*?/\\\\].*")) {
      throw new IllegalArgumentException("not a sheet name: " + name);
    }
    columns = List.copyOf(columns);
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            name + " row " + (r + 1) + " has " + row.size() + " values for " + columns.size());
      }
      for (int c = 0; c < row.size(); c++) {
        checkKind(name, r, columns.get(c), row.get(c));
      }
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
  }

  private static void checkKind(String table, int row, ExportColumn column, Object value) {
    if (value == null) {
      return;
    }
    boolean fits =
        switch (column.kind()) {
          case TEXT -> value instanceof String;
          case COUNT -> value instanceof Integer || value instanceof Long;
          case PERCENT, MONEY -> value instanceof BigDecimal;
          case DATE -> value instanceof LocalDate;
          case TIMESTAMP -> value instanceof Instant;
          case YES_NO -> value instanceof Boolean;
        };
    if (!fits) {
      throw new IllegalArgumentException(
          table
              + " row "
              + (row + 1)
              + " column '"
              + column.heading()
              + "' is "
              + column.kind()
              + " but holds a "
              + value.getClass().getSimpleName());
    }
  }
}
