package uk.gov.tfwh.returns.check;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
      refuseSeparatorHint(row, cells);
      refuseOtherSeparator(row, cells);
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

  private boolean shapeIsRight(int row, List<CellValue> cells) {
    if (source.fixedWidthRows()) {
      if (cells.size() != header.width()) {
        findings.add(
            Rule.F05.at(
                Location.ofRow(source.file(), source.sheet(), row),
                "the row has "
                    + cells.size()
                    + " values but the header has "
                    + header.width()
                    + " columns"));
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
