package uk.gov.tfwh.exports.table;

import static java.util.Objects.requireNonNull;

/**
 * A column of an exported table.
 *
 * @param heading what the header row says
 * @param kind how its values are written
 * @param widthChars the column's display width in characters (spreadsheets)
 * @param definition what the figure means, listed on the Notes sheet; empty for none
 */
public record ExportColumn(String heading, CellKind kind, int widthChars, String definition) {
  public ExportColumn {
    requireNonNull(heading, "heading");
    requireNonNull(kind, "kind");
    requireNonNull(definition, "definition");
    if (widthChars < 1) {
      throw new IllegalArgumentException("column " + heading + " needs a width of at least 1");
    }
  }
}
