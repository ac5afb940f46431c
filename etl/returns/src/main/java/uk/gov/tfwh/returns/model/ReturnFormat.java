package uk.gov.tfwh.returns.model;

/** How a return was delivered (contract TFQR-1, "Files"). */
public enum ReturnFormat {
  /** {@code <stem>.summary.csv} and an optional {@code <stem>.claims.csv}. */
  CSV,
  /** One workbook {@code <stem>.xlsx} with sheets {@code summary} and {@code claims}. */
  XLSX
}
