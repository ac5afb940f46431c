package uk.gov.tfwh.returns.read;

import java.io.Serializable;
import uk.gov.tfwh.returns.sheet.XlsxLimits;

/**
 * How much a single return may hold before it is refused (TFQR-F03) without being read in full.
 *
 * @param maxFileBytes largest file of a return, checked before the file is opened
 * @param maxXlsxUncompressedBytes most bytes a workbook may expand to when unzipped
 * @param maxXlsxExpansionRatio most times any part of a workbook may expand (zip-bomb guard)
 * @param maxClaimRows most claim rows in one return
 */
public record ReadLimits(
    long maxFileBytes, long maxXlsxUncompressedBytes, int maxXlsxExpansionRatio, int maxClaimRows)
    implements Serializable {
  public static final long MIB = 1024L * 1024L;

  public ReadLimits {
    if (maxFileBytes <= 0 || maxXlsxUncompressedBytes <= 0 || maxClaimRows <= 0) {
      throw new IllegalArgumentException("read limits must be positive");
    }
    if (maxXlsxExpansionRatio <= 1) {
      throw new IllegalArgumentException(
          "the expansion ratio must be above 1, not " + maxXlsxExpansionRatio);
    }
  }

  /**
   * 50 MiB per file; a workbook may unzip to 1 GiB with no part expanding more than 100 times
   * (POI's own default; sheet XML usually compresses about 10 to 20 times); 250,000 claim rows per
   * return. A return holds one quarter's new claims of one authority: the largest authority's whole
   * phase 2 target is about 10,000 families, so this is ten times even the scale-10 benchmark
   * sample. The reader keeps a return's accepted claims, about 400 bytes each, so the row limit is
   * also what bounds its memory: a compact workbook of a million rows (15 MB) ran a 512 MiB heap
   * out of memory under the earlier limit of 2,000,000 (MillionClaimRowsTest).
   */
  public static ReadLimits defaults() {
    return new ReadLimits(50 * MIB, 1024 * MIB, 100, 250_000);
  }

  XlsxLimits xlsx() {
    return new XlsxLimits(maxXlsxUncompressedBytes, maxXlsxExpansionRatio);
  }
}
