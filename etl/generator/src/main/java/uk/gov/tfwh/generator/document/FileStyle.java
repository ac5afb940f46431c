package uk.gov.tfwh.generator.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How an authority's own system writes its CSV files. The contract allows all of these, so the
 * sample exercises them: a byte-order mark, CRLF or LF line ends, header names in capitals, and
 * columns in an order of its own.
 */
public record FileStyle(
    boolean byteOrderMark, boolean crlf, boolean upperCaseHeader, long columnSeed) {
  /** The plain style: no mark, CRLF, lower-case names in the contract's order. */
  public static final FileStyle PLAIN = new FileStyle(false, true, false, 0);

  public static FileStyle draw(SplittableRandom random) {
    return new FileStyle(
        random.nextDouble() < 0.3,
        random.nextDouble() < 0.7,
        random.nextDouble() < 0.1,
        random.nextDouble() < 0.15 ? 1 + random.nextLong(Long.MAX_VALUE - 1) : 0);
  }

  /** The positions of the columns in the written order. */
  public List<Integer> order(int columns) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      order.add(i);
    }
    if (columnSeed != 0) {
      Collections.shuffle(order, new java.util.Random(columnSeed));
    }
    return order;
  }

  public String headerName(String column) {
    return upperCaseHeader ? column.toUpperCase(Locale.ROOT) : column;
  }

  public String lineEnd() {
    return crlf ? "\r\n" : "\n";
  }
}
