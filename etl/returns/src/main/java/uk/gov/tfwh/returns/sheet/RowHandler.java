package uk.gov.tfwh.returns.sheet;

import java.util.List;

/** Receives the rows of one sheet in order as they are read, so large sheets are never held. */
public interface RowHandler {
  /**
   * One row; the first row of the sheet is the header. {@code cells} is indexed by column position
   * (the CSV field or the XLSX column letter); an XLSX row has absent cells as blanks.
   *
   * @param row 1-based row number (the header is row 1)
   */
  void row(int row, List<CellValue> cells) throws SheetReadException;
}
