package uk.gov.tfwh.returns.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import uk.gov.tfwh.returns.Fixtures;

/**
 * A valid TFQR-1 workbook (the contract's Bristol example) whose two sheets and shared strings are
 * replaced by given XML, so the fuzzer mutates what the sheet parser reads rather than zip bytes.
 */
final class WorkbookTemplate {
  static final String EXAMPLE = "valid-p2-bristol-2015Q2.xlsx";
  static final String SUMMARY_SHEET = "xl/worksheets/sheet1.xml";
  static final String CLAIMS_SHEET = "xl/worksheets/sheet2.xml";
  static final String SHARED_STRINGS = "xl/sharedStrings.xml";
  private static final String CONTENT_TYPES = "[Content_Types].xml";
  private static final String SHARED_STRINGS_TYPE =
      "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";

  private static Map<String, byte[]> template;

  private WorkbookTemplate() {}

  /** The parts of a workbook file, by name, in zip order. */
  static Map<String, byte[]> parts(Path xlsx) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        try (InputStream in = zip.getInputStream(entry)) {
          parts.put(entry.getName(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parts;
  }

  private static synchronized Map<String, byte[]> template() {
    if (template == null) {
      Map<String, byte[]> parts = parts(Fixtures.examples().resolve(EXAMPLE));
      String types = new String(parts.get(CONTENT_TYPES), StandardCharsets.UTF_8);
      if (!types.contains("/xl/sharedStrings.xml")) {
        types = types.replace("</Types>", SHARED_STRINGS_TYPE + "</Types>");
      }
      parts.put(CONTENT_TYPES, types.getBytes(StandardCharsets.UTF_8));
      template = parts;
    }
    return template;
  }

  /** A workbook with these sheets and shared strings (an empty array leaves a part out). */
  static byte[] workbook(byte[] summarySheet, byte[] claimsSheet, byte[] sharedStrings) {
    Map<String, byte[]> parts = new LinkedHashMap<>(template());
    parts.put(SUMMARY_SHEET, summarySheet);
    parts.put(CLAIMS_SHEET, claimsSheet);
    parts.put(SHARED_STRINGS, sharedStrings);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> part : parts.entrySet()) {
        if (part.getValue().length == 0) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes a workbook file (for tests that want one on disk). */
  static Path write(Path file, byte[] summarySheet, byte[] claimsSheet, byte[] sharedStrings)
      throws IOException {
    return Files.write(file, workbook(summarySheet, claimsSheet, sharedStrings));
  }
}
