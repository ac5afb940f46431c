package uk.gov.tfwh.exports.table;

import static java.util.Objects.requireNonNull;

import java.util.List;
import uk.gov.tfwh.exports.source.Provenance;

/**
 * What a spreadsheet export holds: its tables (the first is the main one), where the figures came
 * from, and a title. Writers add a Notes sheet from the provenance and the columns' definitions.
 */
public record ExportWorkbook(String title, List<ExportTable> tables, Provenance provenance) {
  /** What a pre-release workbook's title and every table's sheet name carry. */
  public static final String PRE_RELEASE = "PRE-RELEASE";

  public ExportWorkbook {
    requireNonNull(title, "title");
    requireNonNull(provenance, "provenance");
    tables = List.copyOf(tables);
    if (!provenance.published()) {
      // Marked in the file itself, on every sheet a reader may copy from, not only in its name
      // and its notes.
      if (!title.startsWith(PRE_RELEASE)) {
        title = PRE_RELEASE + " (not yet published): " + title;
      }
      tables = tables.stream().map(ExportWorkbook::marked).toList();
    }
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a workbook needs at least one table");
    }
    if (tables.stream().map(ExportTable::name).distinct().count() != tables.size()) {
      throw new IllegalArgumentException("two tables of " + title + " share a name");
    }
  }

  private static ExportTable marked(ExportTable table) {
    if (table.name().endsWith(PRE_RELEASE)) {
      return table;
    }
    String suffix = " " + PRE_RELEASE;
    String base = table.name();
    if (base.length() + suffix.length() > 31) {
      base = base.substring(0, 31 - suffix.length()).strip();
    }
    return new ExportTable(base + suffix, table.title(), table.columns(), table.rows());
  }

  /** The main table: the one a CSV export holds. */
  public ExportTable main() {
    return tables.get(0);
  }
}
