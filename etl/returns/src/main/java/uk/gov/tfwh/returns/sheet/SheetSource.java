package uk.gov.tfwh.returns.sheet;

/** One sheet of a return (a CSV file or a worksheet of a workbook) that can be read row by row. */
public interface SheetSource {
  /** The file name, as messages show it. */
  String file();

  /** {@code summary} or {@code claims}. */
  String sheet();

  /** True for CSV, where every row must have exactly as many fields as the header. */
  boolean fixedWidthRows();

  /** Feeds every row, header first, to the handler; stops at the first unreadable point. */
  void read(RowHandler handler) throws SheetReadException;
}
