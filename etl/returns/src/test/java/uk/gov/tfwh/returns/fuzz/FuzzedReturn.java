package uk.gov.tfwh.returns.fuzz;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How one fuzz input becomes the files of one return in a landing folder. The first byte chooses
 * the shape; the rest is split into parts at {@link #SEPARATOR}, so a corpus entry stays readable
 * and the fuzzer can mutate each file on its own:
 *
 * <ul>
 *   <li>{@link Shape#CSV_SUMMARY}: part 1 is {@code fuzz.summary.csv};
 *   <li>{@link Shape#CSV_PAIR}: parts 1 and 2 are {@code fuzz.summary.csv} and {@code
 *       fuzz.claims.csv};
 *   <li>{@link Shape#XLSX_BYTES}: everything after the first byte is {@code fuzz.xlsx} as it is
 *       (reaches the zip and package checks);
 *   <li>{@link Shape#XLSX_SHEETS}: parts 1 to 3 are the summary sheet XML, the claims sheet XML and
 *       the shared strings XML of an otherwise valid workbook (reaches the sheet parser and the
 *       typed-cell rules, which random zip bytes almost never do).
 * </ul>
 */
final class FuzzedReturn {
  static final byte[] SEPARATOR = "\n\u0000--next-part--\u0000\n".getBytes(StandardCharsets.UTF_8);
  static final String STEM = "fuzz";

  enum Shape {
    CSV_SUMMARY,
    CSV_PAIR,
    XLSX_BYTES,
    XLSX_SHEETS
  }

  private final Shape shape;
  private final byte[] body;

  private FuzzedReturn(Shape shape, byte[] body) {
    this.shape = requireNonNull(shape, "shape");
    this.body = requireNonNull(body, "body");
  }

  static FuzzedReturn decode(byte[] input) {
    if (input.length == 0) {
      return new FuzzedReturn(Shape.CSV_SUMMARY, input);
    }
    Shape shape = Shape.values()[(input[0] & 0xFF) % Shape.values().length];
    return new FuzzedReturn(shape, Arrays.copyOfRange(input, 1, input.length));
  }

  /** The fuzz input for these files: how the seed corpus is written. */
  static byte[] encode(Shape shape, byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(shape.ordinal());
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.writeBytes(SEPARATOR);
      }
      out.writeBytes(parts[i]);
    }
    return out.toByteArray();
  }

  Shape shape() {
    return shape;
  }

  /** Writes the return's files into {@code dir}; returns their names. */
  List<String> writeTo(Path dir) {
    List<byte[]> parts = split(body);
    try {
      return switch (shape) {
        case CSV_SUMMARY -> List.of(write(dir, STEM + ".summary.csv", part(parts, 0)));
        case CSV_PAIR ->
            List.of(
                write(dir, STEM + ".summary.csv", part(parts, 0)),
                write(dir, STEM + ".claims.csv", part(parts, 1)));
        case XLSX_BYTES -> List.of(write(dir, STEM + ".xlsx", body));
        case XLSX_SHEETS ->
            List.of(
                write(
                    dir,
                    STEM + ".xlsx",
                    WorkbookTemplate.workbook(part(parts, 0), part(parts, 1), part(parts, 2))));
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Path dir, String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name), bytes);
    return name;
  }

  private static byte[] part(List<byte[]> parts, int index) {
    return index < parts.size() ? parts.get(index) : new byte[0];
  }

  static List<byte[]> split(byte[] bytes) {
    List<byte[]> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + SEPARATOR.length <= bytes.length; ) {
      if (Arrays.equals(bytes, i, i + SEPARATOR.length, SEPARATOR, 0, SEPARATOR.length)) {
        parts.add(Arrays.copyOfRange(bytes, start, i));
        i += SEPARATOR.length;
        start = i;
      } else {
        i++;
      }
    }
    parts.add(Arrays.copyOfRange(bytes, start, bytes.length));
    return parts;
  }
}
