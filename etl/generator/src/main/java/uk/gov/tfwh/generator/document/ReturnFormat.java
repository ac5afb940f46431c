package uk.gov.tfwh.generator.document;

/** How a return is delivered: a CSV pair or one XLSX workbook. */
public enum ReturnFormat {
  CSV,
  XLSX
}
