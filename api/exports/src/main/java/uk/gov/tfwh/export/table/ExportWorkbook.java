package uk.gov.tfwh.export.table;

import static java.util.Objects.requireNonNull;

import java.util.List;
import uk.gov.tfwh.export.source.Provenance;

/**
 * What a spreadsheet export holds: its tables (the first is the main one), where the figures came
 * from, and a title. Writers add a Notes sheet from the provenance and the columns' definitions.
 */
public record ExportWorkbook(String title, List<ExportTable> tables, Provenance provenance) {
  public ExportWorkbook {
    requireNonNull(title, "title");
    requireNonNull(provenance, "provenance");
    tables = List.copyOf(tables);
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a workbook needs at least one table");
    }
    if (tables.stream().map(ExportTable::name).distinct().count() != tables.size()) {
      throw new IllegalArgumentException("two tables of " + title + " share a name");
    }
  }

  /** The main table: the one a CSV export holds. */
  public ExportTable main() {
    return tables.get(0);
  }
}
