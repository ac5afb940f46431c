package uk.gov.tfwh.returns.sheet;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * A CSV file of a return: strict UTF-8 (a leading byte-order mark is skipped), RFC 4180 quoting,
 * CRLF or LF line ends. Rows are numbered as a spreadsheet that opens the file numbers them: by
 * record, the header being row 1 and an empty line a row of its own (which the sheet's reading
 * skips), so that "row 4" is the row the sender sees as 4 even where empty lines came before it.
 */
public final class CsvSheet implements SheetSource {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final Path path;
  private final String file;
  private final String sheet;

  /**
   * @param sheet the file's role, {@code summary} or {@code claims}, which messages show as the
   *     sheet
   */
  public CsvSheet(Path path, String sheet) {
    this.path = requireNonNull(path, "path");
    this.file = path.getFileName().toString();
    this.sheet = requireNonNull(sheet, "sheet");
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public String sheet() {
    return sheet;
  }

  @Override
  public boolean fixedWidthRows() {
    return true;
  }

  @Override
  public void read(RowHandler handler) throws SheetReadException {
    checkUtf8();
    try (InputStream stream = new BufferedInputStream(Files.newInputStream(path));
        Reader reader = new InputStreamReader(skipByteOrderMark(stream), strictUtf8());
        CSVParser parser = FORMAT.parse(reader)) {
      try {
        for (CSVRecord record : parser) {
          List<CellValue> cells = new ArrayList<>(record.size());
          for (String value : record) {
            cells.add(CellValue.ofText(value));
          }
          handler.row(Math.toIntExact(record.getRecordNumber()), cells);
        }
      } catch (UncheckedIOException e) {
        throw malformed(parser.getRecordNumber() + 1, e.getCause());
      }
    } catch (IOException e) {
      throw new SheetReadException(
          Rule.F05.at(
              Location.ofSheet(file, sheet), "the file could not be read: " + e.getMessage()));
    }
  }

  private SheetReadException malformed(long row, IOException cause) {
    return new SheetReadException(
        Rule.F05.at(
            Location.ofRow(file, sheet, Math.toIntExact(row)),
            "the CSV cannot be parsed from this row on (" + cause.getMessage() + ")"));
  }

  private void checkUtf8() throws SheetReadException {
    try {
      OptionalLong bad = Utf8Validation.firstInvalidByte(path);
      if (bad.isPresent()) {
        long offset = bad.getAsLong();
        long line = Utf8Validation.lineOf(path, offset);
        throw new SheetReadException(
            Rule.F01.at(
                Location.ofSheet(file, sheet),
                "the file is not valid UTF-8: byte "
                    + (offset + 1)
                    + " (counting from 1, on line "
                    + line
                    + ") does not start a valid UTF-8 character"
                    + FileKind.inCsv(path).map(kind -> "; " + kind).orElse("")));
      }
    } catch (IOException e) {
      throw new SheetReadException(
          Rule.F01.at(
              Location.ofSheet(file, sheet), "the file could not be read: " + e.getMessage()));
    }
  }

  private static java.nio.charset.CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static InputStream skipByteOrderMark(InputStream stream) throws IOException {
    stream.mark(3);
    byte[] head = stream.readNBytes(3);
    boolean bom =
        head.length == 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF;
    if (!bom) {
      stream.reset();
    }
    return stream;
  }
}
