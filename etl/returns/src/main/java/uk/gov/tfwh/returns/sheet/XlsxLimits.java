package uk.gov.tfwh.returns.sheet;

/**
 * How far a workbook may expand when unzipped: in total, and as a ratio of any part's uncompressed
 * to compressed size. Real TFQR-1 workbooks are small and compress about ten to one; a zip bomb
 * expands thousands of times.
 */
public record XlsxLimits(long maxUncompressedBytes, int maxExpansionRatio) {
  public XlsxLimits {
    if (maxUncompressedBytes <= 0 || maxExpansionRatio <= 1) {
      throw new IllegalArgumentException("XLSX limits must be positive");
    }
  }
}
