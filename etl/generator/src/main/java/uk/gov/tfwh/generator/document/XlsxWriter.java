package uk.gov.tfwh.generator.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a workbook with sheets {@code summary} and {@code claims}, cells typed as the contract
 * asks: numbers as numbers, dates as dates (a date-formatted serial number), text as inline text.
 *
 * <p>The SpreadsheetML is written directly rather than through POI: it is many times faster (a
 * thousand workbooks per sample), and every byte is under our control, so the same return always
 * gives the same bytes (fixed zip entry times, a fixed document date, no generator timestamps). The
 * return reader (POI) proves the files are readable.
 */
public final class XlsxWriter {
  private static final LocalDateTime FIXED_ENTRY_TIME = LocalDateTime.of(2012, 4, 1, 0, 0);
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL_NS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PKG_REL_NS =
      "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String XML_HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

  private XlsxWriter() {}

  /**
   * The workbook's bytes.
   *
   * @param created the document's creation date (docProps), fixed so bytes repeat
   */
  public static byte[] write(Table summary, Table claims, LocalDate created) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", contentTypes());
      entry(zip, "_rels/.rels", rootRels());
      entry(zip, "docProps/core.xml", coreProperties(created));
      entry(zip, "xl/workbook.xml", workbook());
      entry(zip, "xl/_rels/workbook.xml.rels", workbookRels());
      entry(zip, "xl/styles.xml", styles());
      entry(zip, "xl/worksheets/sheet1.xml", sheet(summary));
      entry(zip, "xl/worksheets/sheet2.xml", sheet(claims));
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(FIXED_ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String contentTypes() {
    String sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    return XML_HEAD
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\""
        + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
        + sheet
        + "\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\""
        + sheet
        + "\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
        + "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\""
        + " ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "</Types>";
  }

  private static String rootRels() {
    return XML_HEAD
        + "<Relationships xmlns=\""
        + PKG_REL_NS
        + "\">"
        + "<Relationship Id=\"rId1\" Type=\""
        + REL_NS
        + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\""
        + PKG_REL_NS
        + "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>";
  }

  private static String coreProperties(LocalDate created) {
    String at = created + "T00:00:00Z";
    return XML_HEAD
        + "<cp:coreProperties"
        + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " xmlns:dcterms=\"http://purl.org/dc/terms/\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:creator>case management system</dc:creator>"
        + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
        + at
        + "</dcterms:created>"
        + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"
        + at
        + "</dcterms:modified>"
        + "</cp:coreProperties>";
  }

  private static String workbook() {
    return XML_HEAD
        + "<workbook xmlns=\""
        + MAIN_NS
        + "\" xmlns:r=\""
        + REL_NS
        + "\"><sheets>"
        + "<sheet name=\"summary\" sheetId=\"1\" r:id=\"rId1\"/>"
        + "<sheet name=\"claims\" sheetId=\"2\" r:id=\"rId2\"/>"
        + "</sheets></workbook>";
  }

  private static String workbookRels() {
    return XML_HEAD
        + "<Relationships xmlns=\""
        + PKG_REL_NS
        + "\">"
        + "<Relationship Id=\"rId1\" Type=\""
        + REL_NS
        + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\""
        + REL_NS
        + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\""
        + REL_NS
        + "/styles\" Target=\"styles.xml\"/>"
        + "</Relationships>";
  }

  /** Style 0 is general, style 1 a yyyy-mm-dd date. */
  private static String styles() {
    return XML_HEAD
        + "<styleSheet xmlns=\""
        + MAIN_NS
        + "\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
        + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "</borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
        + "</cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\""
        + " xfId=\"0\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
        + " applyNumberFormat=\"1\"/></cellXfs>"
        + "</styleSheet>";
  }

  private static String sheet(Table table) {
    StringBuilder xml = new StringBuilder(256 + table.rows().size() * 400);
    xml.append(XML_HEAD).append("<worksheet xmlns=\"").append(MAIN_NS).append("\"><sheetData>");
    row(xml, 1, List.copyOf(table.header()));
    int r = 2;
    for (List<Object> values : table.rows()) {
      row(xml, r++, values);
    }
    xml.append("</sheetData></worksheet>");
    return xml.toString();
  }

  private static void row(StringBuilder xml, int r, List<?> values) {
    xml.append("<row r=\"").append(r).append("\">");
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value == null) {
        continue;
      }
      String ref = column(i) + r;
      if (value instanceof Long || value instanceof Integer) {
        xml.append("<c r=\"").append(ref).append("\"><v>").append(value).append("</v></c>");
      } else if (value instanceof Double number) {
        xml.append("<c r=\"").append(ref).append("\"><v>").append(number).append("</v></c>");
      } else if (value instanceof LocalDate date) {
        xml.append("<c r=\"")
            .append(ref)
            .append("\" s=\"1\"><v>")
            .append(ChronoUnit.DAYS.between(EXCEL_EPOCH, date))
            .append("</v></c>");
      } else {
        xml.append("<c r=\"")
            .append(ref)
            .append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        escape(xml, value.toString());
        xml.append("</t></is></c>");
      }
    }
    xml.append("</row>");
  }

  /** A1-style column letters: 0 is A, 25 is Z, 26 is AA. */
  static String column(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  private static void escape(StringBuilder xml, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        case '"' -> xml.append("&quot;");
        default -> {
          // XML 1.0 cannot carry most control characters; a spreadsheet would not hold them.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            xml.append(c);
          }
        }
      }
    }
  }
}
