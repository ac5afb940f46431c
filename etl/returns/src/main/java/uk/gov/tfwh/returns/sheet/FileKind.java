package uk.gov.tfwh.returns.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a file that cannot be read as its name says actually is, judged by its first bytes: the
 * usual mistakes of a sender whose file is refused as "not UTF-8" or "not a workbook" (a CSV saved
 * as "Unicode Text", a workbook renamed .csv, an Excel 97-2003 .xls renamed .xlsx, a CSV renamed
 * .xlsx). Naming it turns a byte position the sender cannot act on into the step that fixes it.
 */
enum FileKind {
  UTF16_TEXT(
      "it is UTF-16 text (it starts with a UTF-16 byte-order mark, as Excel's \"Unicode Text\""
          + " saves it)",
      "it is UTF-16 text, not a workbook: save the return as an Excel Workbook (.xlsx)"),
  ZIP_ARCHIVE(
      "it is a zip archive, such as an Excel workbook, not text: send a workbook as <stem>.xlsx,"
          + " or save it as \"CSV UTF-8 (comma delimited)\"",
      null),
  XLS_WORKBOOK(
      "it is an Excel 97-2003 workbook (.xls), not text: save it as \"CSV UTF-8 (comma"
          + " delimited)\", or as an Excel Workbook (.xlsx) named <stem>.xlsx",
      "it is an Excel 97-2003 workbook (.xls), which the template does not take: save it as an"
          + " Excel Workbook (.xlsx)"),
  PLAIN_TEXT(
      null,
      "it is text, such as a CSV file, not a workbook: name a CSV return <stem>.summary.csv"
          + " (and <stem>.claims.csv)");

  private static final int LOOK = 512;
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  private final String inCsv;
  private final String inWorkbook;

  FileKind(String inCsv, String inWorkbook) {
    this.inCsv = inCsv;
    this.inWorkbook = inWorkbook;
  }

  /** Why a file named as a CSV is not one, for a message; empty when it is none of these kinds. */
  static Optional<String> inCsv(Path path) {
    return of(path).map(kind -> kind.inCsv);
  }

  /** Why a file named as a workbook is not one, for a message; empty when unknown. */
  static Optional<String> inWorkbook(Path path) {
    return of(path).map(kind -> kind.inWorkbook);
  }

  private static Optional<FileKind> of(Path path) {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(LOOK);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (head.length >= 2
        && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
            || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
      return Optional.of(UTF16_TEXT);
    }
    if (startsWith(head, ZIP)) {
      return Optional.of(ZIP_ARCHIVE);
    }
    if (startsWith(head, OLE2)) {
      return Optional.of(XLS_WORKBOOK);
    }
    return isText(head) ? Optional.of(PLAIN_TEXT) : Optional.empty();
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }

  /** Printable UTF-8 (a character cut at the end of the look allowed), lines and tabs. */
  private static boolean isText(byte[] head) {
    if (head.length == 0) {
      return false;
    }
    int end = head.length;
    // a multi-byte character cut by the look's end is not a reason to call it binary
    while (end > 0 && head.length == LOOK && (head[end - 1] & 0xC0) == 0x80) {
      end--;
    }
    if (end > 0 && head.length == LOOK && (head[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(head, 0, end))
              .toString();
    } catch (CharacterCodingException e) {
      return false;
    }
    return text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t');
  }
}
