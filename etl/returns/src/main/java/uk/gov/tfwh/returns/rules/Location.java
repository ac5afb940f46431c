package uk.gov.tfwh.returns.rules;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Where a finding points: the file, the sheet ({@code summary} or {@code claims}; for a CSV return
 * the role of the file), the 1-based row (the header is row 1) and the column. Sheet, row and
 * column are null when the finding is about a whole file, sheet or row.
 */
public record Location(String file, String sheet, Integer row, String column)
    implements Serializable {
  /** Longer names than this are no column of the template's: shown quoted and cut. */
  private static final int LONGEST_SHOWN = 60;

  public static final String SUMMARY = "summary";
  public static final String CLAIMS = "claims";

  public Location {
    requireNonNull(file, "file");
    if (row != null && row < 1) {
      throw new IllegalArgumentException("rows are 1-based, not " + row);
    }
  }

  public static Location ofFile(String file) {
    return new Location(file, null, null, null);
  }

  public static Location ofSheet(String file, String sheet) {
    return new Location(file, sheet, null, null);
  }

  public static Location ofRow(String file, String sheet, int row) {
    return new Location(file, sheet, row, null);
  }

  public static Location ofCell(String file, String sheet, int row, String column) {
    return new Location(file, sheet, row, column);
  }

  /** The same place, narrowed to one column. */
  public Location column(String name) {
    return new Location(file, sheet, row, name);
  }

  /** Reads as "file x.csv, sheet summary, row 2, column phase". */
  public String describe() {
    StringBuilder text = new StringBuilder("file ").append(file);
    if (sheet != null) {
      text.append(", sheet ").append(sheet);
    }
    if (row != null) {
      text.append(", row ").append(row);
    }
    if (column != null) {
      text.append(", column ").append(shown(column));
    }
    return text.toString();
  }

  /**
   * A column name as the file gave it, quoted and escaped when it holds control or invisible
   * characters, so a hostile header cannot forge or hide text in a report, and quoted and cut when
   * it is longer than any column's name, so a header of one huge cell does not make every message
   * of the file as long.
   */
  private static String shown(String column) {
    boolean plain =
        column.length() <= LONGEST_SHOWN
            && column
                .codePoints()
                .noneMatch(
                    c ->
                        Character.isISOControl(c)
                            || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    return plain ? column : Rule.quote(column);
  }
}
