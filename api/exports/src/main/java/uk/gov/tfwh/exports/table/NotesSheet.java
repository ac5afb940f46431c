package uk.gov.tfwh.exports.table;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.exports.source.Provenance;

/**
 * The Notes sheet every spreadsheet export ends with: the source snapshot, its publication status,
 * when the file was made, and what each column means. Built once here so XLSX and ODS say the same.
 */
public final class NotesSheet {
  public static final String NAME = "Notes";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

  private NotesSheet() {}

  public static ExportTable of(ExportWorkbook workbook) {
    Provenance p = workbook.provenance();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("Title", workbook.title()));
    rows.add(List.of("Source snapshot", p.snapshotId()));
    rows.add(List.of("Snapshot created (UTC)", UTC.format(p.snapshotCreatedAt())));
    rows.add(List.of("Reference data version", p.referenceVersion()));
    rows.add(List.of("Publication status", p.status()));
    rows.add(List.of("Generated (UTC)", UTC.format(p.generatedAt())));
    rows.add(
        List.of(
            "Text cells",
            "Text is stored as text, never as a formula. Text that begins with = + - @, a tab or"
                + " a carriage return is marked as literal text (shown as typed) so a spreadsheet"
                + " cannot run it as a formula or link."));
    Map<String, String> definitions = new LinkedHashMap<>();
    for (ExportTable table : workbook.tables()) {
      for (ExportColumn column : table.columns()) {
        if (!column.definition().isEmpty()) {
          definitions.putIfAbsent(column.heading(), column.definition());
        }
      }
    }
    definitions.forEach((heading, definition) -> rows.add(List.of(heading, definition)));
    return new ExportTable(
        NAME,
        "Source, status and definitions",
        List.of(
            new ExportColumn("Item", CellKind.TEXT, 28, ""),
            new ExportColumn("Value", CellKind.TEXT, 100, "")),
        rows);
  }
}
