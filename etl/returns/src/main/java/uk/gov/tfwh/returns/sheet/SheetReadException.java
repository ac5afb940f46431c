package uk.gov.tfwh.returns.sheet;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.returns.model.Finding;

/**
 * A sheet that cannot be read any further (not UTF-8, malformed CSV, not a workbook, over a limit).
 * It carries the finding that explains it; readers never let other exceptions out.
 */
public final class SheetReadException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Finding finding;

  public SheetReadException(Finding finding) {
    super(requireNonNull(finding, "finding").message());
    this.finding = finding;
  }

  public Finding finding() {
    return finding;
  }
}
