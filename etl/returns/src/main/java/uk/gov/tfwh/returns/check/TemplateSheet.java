package uk.gov.tfwh.returns.check;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;
import uk.gov.tfwh.returns.sheet.CellValue;
import uk.gov.tfwh.returns.sheet.RowHandler;
import uk.gov.tfwh.returns.sheet.SheetReadException;
import uk.gov.tfwh.returns.sheet.SheetSource;

/**
 * Reads one sheet against the template: matches the header, skips blank rows (spreadsheets and
 * their CSV exports leave them), and checks each data row's shape before handing it on. A CSV row
 * with a different number of fields from the header is malformed (TFQR-F05); a workbook value under
 * a column without a header is a column not in the template (TFQR-S02).
 */
abstract class TemplateSheet implements RowHandler {
  protected final SheetSource source;
  protected final List<Finding> findings;
  private final List<String> expected;
  private Header header;

  /** A row read before the header that may be a title above it. */
  private record HeldRow(int row, List<CellValue> cells) {}

  /** Rows read before the header that may be a title above it. */
  private final List<HeldRow> above = new ArrayList<>();

  /** Rows above the header looked at before the first row is taken for the header after all. */
  private static final int MOST_ROWS_ABOVE = 5;

  /** A title has a cell or two; a row with more and no template name is a wrong header. */
  private static final int MOST_TITLE_CELLS = 2;

  TemplateSheet(SheetSource source, List<String> expected, List<Finding> findings) {
    this.source = requireNonNull(source, "source");
    this.expected = requireNonNull(expected, "expected");
    this.findings = requireNonNull(findings, "findings");
  }

  /** Reads the whole sheet; problems that stop the reading become findings. */
  final void readAll() {
    try {
      source.read(this);
    } catch (SheetReadException e) {
      findings.add(e.finding());
      stopped();
      return;
    }
    if (header == null && !above.isEmpty()) {
      try {
        takeFirstForHeader(List.of(), -1);
      } catch (SheetReadException e) {
        findings.add(e.finding());
        stopped();
        return;
      }
    }
    if (header == null) {
      findings.add(
          Rule.S03.at(
              Location.ofRow(source.file(), source.sheet(), 1),
              "the " + source.sheet() + " sheet has no header row"));
    }
  }

  @Override
  public final void row(int row, List<CellValue> cells) throws SheetReadException {
    if (header == null) {
      if (cells.stream().allMatch(CellValue::isBlank)) {
        return; // empty lines before the header, or between a title and the header
      }
      if (above.isEmpty()) {
        refuseSeparatorHint(row, cells);
        refuseOtherSeparator(row, cells);
      }
      int templateNames = templateNames(cells);
      if (templateNames >= 2 && !above.isEmpty()) {
        refuseRowsAboveHeader(row);
      }
      // Blank rows returned above, so a row here has at least one value.
      if (templateNames == 0
          && nonBlank(cells) <= MOST_TITLE_CELLS
          && above.size() < MOST_ROWS_ABOVE) {
        above.add(new HeldRow(row, cells));
        return;
      }
      if (!above.isEmpty()) {
        takeFirstForHeader(cells, row);
        return;
      }
      header = Header.match(source.file(), source.sheet(), row, cells, expected);
      findings.addAll(header.findings());
      return;
    }
    if (cells.stream().allMatch(CellValue::isBlank)) {
      return;
    }
    dataRow(row, cells, shapeIsRight(row, cells));
  }

  /**
   * Excel's "CSV for Excel" starts the file with a {@code sep=,} line before the header. Read as
   * the header, it made every column missing and every row malformed, a dozen findings none of
   * which said what was wrong: one finding that does, and the reading stops there.
   */
  private void refuseSeparatorHint(int row, List<CellValue> cells) throws SheetReadException {
    if (source.fixedWidthRows()
        && !cells.isEmpty()
        && cells.get(0).asText().strip().toLowerCase(Locale.ROOT).startsWith("sep=")
        && cells.stream().skip(1).allMatch(CellValue::isBlank)) {
      throw new SheetReadException(
          Rule.F05.at(
              Location.ofRow(source.file(), source.sheet(), row),
              "the first line "
                  + Rule.quote(String.join(",", cells.stream().map(CellValue::asText).toList()))
                  + " is the separator hint Excel adds, not the header row: save the file as"
                  + " \"CSV UTF-8 (comma delimited)\", or delete that line, and send it again"));
    }
  }

  /**
   * A CSV saved with semicolons or tabs between its values (Excel's CSV in much of Europe, or "Text
   * (Tab delimited)") reads as one header cell holding every column name. Matched as it came, it
   * made one unknown column and every column of the template missing, fifteen findings none of
   * which named the separator: one finding that does, and the reading stops there. Only a first
   * cell that splits into at least two of the template's column names is taken for it, so a header
   * that is simply wrong keeps its findings.
   */
  private void refuseOtherSeparator(int row, List<CellValue> cells) throws SheetReadException {
    if (!source.fixedWidthRows() || cells.size() != 1) {
      return;
    }
    String only = cells.get(0).asText();
    for (String separator : List.of(";", "\t")) {
      long known =
          Arrays.stream(only.split(separator))
              .map(name -> name.strip().toLowerCase(Locale.ROOT))
              .filter(expected::contains)
              .count();
      if (known >= 2) {
        throw new SheetReadException(
            Rule.F05.at(
                Location.ofRow(source.file(), source.sheet(), row),
                "the values are separated by "
                    + (separator.equals(";") ? "semicolons (;)" : "tabs")
                    + ", not commas: save the file as \"CSV UTF-8 (comma delimited)\""));
      }
    }
  }

  /**
   * A title above the header ("Troubled Families quarterly return"), as a spreadsheet laid out for
   * reading has. Matched as the header, it made every column of the template missing and the header
   * a data row, fifteen findings none of which said what was wrong: one finding that does, and the
   * reading stops there. Only rows of a cell or two with no template name, followed by a row with
   * at least two, are taken for it.
   */
  private void refuseRowsAboveHeader(int headerRow) throws SheetReadException {
    int first = above.get(0).row();
    throw new SheetReadException(
        Rule.S03.at(
            Location.ofRow(source.file(), source.sheet(), first),
            (above.size() == 1
                    ? "row " + first + " ("
                    : "rows " + first + " to " + above.get(above.size() - 1).row() + " (")
                + above.stream()
                    .flatMap(held -> held.cells().stream())
                    .filter(cell -> !cell.isBlank())
                    .map(CellReading::shown)
                    .collect(Collectors.joining(", "))
                + ") "
                + (above.size() == 1 ? "is" : "are")
                + " above the header, which is row "
                + headerRow
                + ": nothing but empty rows may come before the header; delete "
                + (above.size() == 1 ? "that row" : "those rows")));
  }

  /**
   * No header came after the rows held as a possible title: the first of them is the header after
   * all, as it would have been, and the others are read as data, then the row in hand.
   */
  private void takeFirstForHeader(List<CellValue> cells, int row) throws SheetReadException {
    List<HeldRow> held = List.copyOf(above);
    above.clear();
    HeldRow first = held.get(0);
    header = Header.match(source.file(), source.sheet(), first.row(), first.cells(), expected);
    findings.addAll(header.findings());
    for (HeldRow data : held.subList(1, held.size())) {
      row(data.row(), data.cells());
    }
    if (row >= 0) {
      row(row, cells);
    }
  }

  /** A row saved inside one pair of quotes: one value that splits at commas into the header's. */
  private boolean wholeRowQuoted(List<CellValue> cells) {
    return cells.size() == 1
        && header.width() > 1
        && cells.get(0).asText().split(",", -1).length == header.width();
  }

  private int templateNames(List<CellValue> cells) {
    return (int)
        cells.stream()
            .map(cell -> cell.asText().strip().toLowerCase(Locale.ROOT))
            .filter(expected::contains)
            .count();
  }

  private static int nonBlank(List<CellValue> cells) {
    return (int) cells.stream().filter(cell -> !cell.isBlank()).count();
  }

  private boolean shapeIsRight(int row, List<CellValue> cells) {
    if (source.fixedWidthRows()) {
      if (cells.size() != header.width()) {
        findings.add(
            Rule.F05.at(
                Location.ofRow(source.file(), source.sheet(), row),
                "the row has "
                    + cells.size()
                    + (cells.size() == 1 ? " value" : " values")
                    + " but the header has "
                    + header.width()
                    + " columns"
                    + (wholeRowQuoted(cells)
                        ? " (its one value holds the whole row: remove the quotes around the row)"
                        : "")));
        return false;
      }
      return true;
    }
    boolean right = true;
    for (int i = 0; i < cells.size(); i++) {
      if (!header.names(i) && !cells.get(i).isBlank()) {
        findings.add(
            Rule.S02.at(
                Location.ofRow(source.file(), source.sheet(), row),
                "there is a value ("
                    + CellReading.shown(cells.get(i))
                    + ") in "
                    + Header.columnLabel(i)
                    + ", which has no header"));
        right = false;
      }
    }
    return right;
  }

  /** The matched header; null until the first row was read. */
  protected final Header header() {
    return header;
  }

  /** True when the header matched the template with no problem. */
  protected final boolean headerUsable() {
    return header != null && header.usable();
  }

  /**
   * One non-blank data row.
   *
   * @param wellFormed false when the row's shape was already reported as a problem
   */
  protected abstract void dataRow(int row, List<CellValue> cells, boolean wellFormed)
      throws SheetReadException;

  /** Called when reading stopped part-way through the sheet. */
  protected void stopped() {}
}
