package uk.gov.tfwh.exports.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import uk.gov.tfwh.exports.table.ExportColumn;
import uk.gov.tfwh.exports.table.ExportTable;
import uk.gov.tfwh.exports.table.ExportWorkbook;
import uk.gov.tfwh.exports.table.NotesSheet;

/**
 * Writes a workbook as an OpenDocument spreadsheet (ODF 1.3, {@code .ods}), the open format the
 * government publishes in. Written directly with StAX rather than through an ODF library: the
 * format is a zip of four small XML files, and writing them ourselves gives typed cells, number
 * formats, a frozen header (view settings), filter buttons (a database range) and column widths in
 * a few milliseconds. The tests read every file back with an independent reader (ODF Toolkit).
 *
 * <p>Every text cell is a string cell ({@code office:value-type="string"}, never {@code
 * table:formula}) with the text data style, and risky text carries a leading apostrophe. See {@link
 * FormulaSafeText}.
 */
public final class OdsWorkbookWriter {
  static final String MEDIA_TYPE = "application/vnd.oasis.opendocument.spreadsheet";
  private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
  private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  private static final String NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
  private static final String FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
  private static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String CONFIG = "urn:oasis:names:tc:opendocument:xmlns:config:1.0";
  private static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
  private static final String VERSION = "1.3";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private OdsWorkbookWriter() {}

  public static void write(ExportWorkbook workbook, OutputStream out) {
    List<ExportTable> sheets = new ArrayList<>(workbook.tables());
    sheets.add(NotesSheet.of(workbook));
    try {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      storedMimetype(zip);
      entry(zip, "content.xml", content(sheets));
      entry(zip, "styles.xml", styles());
      entry(zip, "meta.xml", meta(workbook));
      entry(zip, "settings.xml", settings(sheets));
      entry(zip, "META-INF/manifest.xml", manifest());
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ODS of " + workbook.title(), e);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the ODS of " + workbook.title(), e);
    }
  }

  /** The package's first entry, uncompressed, so a reader can sniff the type at a fixed offset. */
  private static void storedMimetype(ZipOutputStream zip) throws IOException {
    byte[] bytes = MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);
    ZipEntry entry = new ZipEntry("mimetype");
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    entry.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static byte[] content(List<ExportTable> sheets) throws XMLStreamException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    XMLStreamWriter x = XML.createXMLStreamWriter(bytes, "UTF-8");
    x.writeStartDocument("UTF-8", "1.0");
    x.writeStartElement("office", "document-content", OFFICE);
    namespaces(x);
    x.writeAttribute("office", OFFICE, "version", VERSION);
    x.writeStartElement("office", "automatic-styles", OFFICE);
    dataStyles(x);
    TreeSet<Integer> widths = new TreeSet<>();
    sheets.forEach(s -> s.columns().forEach(c -> widths.add(c.widthChars())));
    for (int width : widths) {
      x.writeStartElement("style", "style", STYLE);
      x.writeAttribute("style", STYLE, "name", "co" + width);
      x.writeAttribute("style", STYLE, "family", "table-column");
      x.writeEmptyElement("style", "table-column-properties", STYLE);
      // A character of the default 10pt font is about 0.2 cm wide.
      x.writeAttribute(
          "style", STYLE, "column-width", String.format(Locale.ROOT, "%.2fcm", 0.2 * width + 0.3));
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeStartElement("office", "body", OFFICE);
    x.writeStartElement("office", "spreadsheet", OFFICE);
    for (ExportTable sheet : sheets) {
      table(x, sheet);
    }
    x.writeStartElement("table", "database-ranges", TABLE);
    int n = 0;
    for (ExportTable sheet : sheets) {
      if (sheet.name().equals(NotesSheet.NAME) || sheet.columns().isEmpty()) {
        continue;
      }
      x.writeEmptyElement("table", "database-range", TABLE);
      x.writeAttribute("table", TABLE, "name", "__Anonymous_Sheet_DB__" + n++);
      String quoted = "'" + sheet.name().replace("'", "''") + "'";
      x.writeAttribute(
          "table",
          TABLE,
          "target-range-address",
          quoted
              + ".A1:"
              + quoted
              + "."
              + columnLetters(sheet.columns().size() - 1)
              + (sheet.rows().size() + 1));
      x.writeAttribute("table", TABLE, "display-filter-buttons", "true");
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    return bytes.toByteArray();
  }

  private static void namespaces(XMLStreamWriter x) throws XMLStreamException {
    x.writeNamespace("office", OFFICE);
    x.writeNamespace("style", STYLE);
    x.writeNamespace("text", TEXT);
    x.writeNamespace("table", TABLE);
    x.writeNamespace("number", NUMBER);
    x.writeNamespace("fo", FO);
  }

  private static void dataStyles(XMLStreamWriter x) throws XMLStreamException {
    x.writeStartElement("number", "number-style", NUMBER);
    x.writeAttribute("style", STYLE, "name", "N_count");
    number(x, 0, true);
    x.writeEndElement();
    x.writeStartElement("number", "number-style", NUMBER);
    x.writeAttribute("style", STYLE, "name", "N_percent");
    number(x, 1, false);
    x.writeEndElement();
    x.writeStartElement("number", "number-style", NUMBER);
    x.writeAttribute("style", STYLE, "name", "N_money");
    x.writeStartElement("number", "text", NUMBER);
    x.writeCharacters("£");
    x.writeEndElement();
    number(x, 2, true);
    x.writeEndElement();
    x.writeStartElement("number", "date-style", NUMBER);
    x.writeAttribute("style", STYLE, "name", "N_date");
    dateParts(x);
    x.writeEndElement();
    x.writeStartElement("number", "date-style", NUMBER);
    x.writeAttribute("style", STYLE, "name", "N_timestamp");
    dateParts(x);
    literal(x, " ");
    x.writeEmptyElement("number", "hours", NUMBER);
    x.writeAttribute("number", NUMBER, "style", "long");
    literal(x, ":");
    x.writeEmptyElement("number", "minutes", NUMBER);
    x.writeAttribute("number", NUMBER, "style", "long");
    literal(x, ":");
    x.writeEmptyElement("number", "seconds", NUMBER);
    x.writeAttribute("number", NUMBER, "style", "long");
    x.writeEndElement();
    x.writeStartElement("number", "boolean-style", NUMBER);
    x.writeAttribute("style", STYLE, "name", "N_boolean");
    x.writeEmptyElement("number", "boolean", NUMBER);
    x.writeEndElement();
    x.writeStartElement("number", "text-style", NUMBER);
    x.writeAttribute("style", STYLE, "name", "N_text");
    x.writeEmptyElement("number", "text-content", NUMBER);
    x.writeEndElement();

    cellStyle(x, "ce_header", "N_text", true);
    cellStyle(x, "ce_text", "N_text", false);
    cellStyle(x, "ce_count", "N_count", false);
    cellStyle(x, "ce_percent", "N_percent", false);
    cellStyle(x, "ce_money", "N_money", false);
    cellStyle(x, "ce_date", "N_date", false);
    cellStyle(x, "ce_timestamp", "N_timestamp", false);
    cellStyle(x, "ce_yes_no", "N_boolean", false);
  }

  private static void number(XMLStreamWriter x, int decimals, boolean grouping)
      throws XMLStreamException {
    x.writeEmptyElement("number", "number", NUMBER);
    x.writeAttribute("number", NUMBER, "decimal-places", Integer.toString(decimals));
    x.writeAttribute("number", NUMBER, "min-decimal-places", Integer.toString(decimals));
    x.writeAttribute("number", NUMBER, "min-integer-digits", "1");
    x.writeAttribute("number", NUMBER, "grouping", Boolean.toString(grouping));
  }

  private static void dateParts(XMLStreamWriter x) throws XMLStreamException {
    x.writeEmptyElement("number", "year", NUMBER);
    x.writeAttribute("number", NUMBER, "style", "long");
    literal(x, "-");
    x.writeEmptyElement("number", "month", NUMBER);
    x.writeAttribute("number", NUMBER, "style", "long");
    literal(x, "-");
    x.writeEmptyElement("number", "day", NUMBER);
    x.writeAttribute("number", NUMBER, "style", "long");
  }

  private static void literal(XMLStreamWriter x, String text) throws XMLStreamException {
    x.writeStartElement("number", "text", NUMBER);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static void cellStyle(XMLStreamWriter x, String name, String dataStyle, boolean header)
      throws XMLStreamException {
    x.writeStartElement("style", "style", STYLE);
    x.writeAttribute("style", STYLE, "name", name);
    x.writeAttribute("style", STYLE, "family", "table-cell");
    x.writeAttribute("style", STYLE, "data-style-name", dataStyle);
    if (header) {
      x.writeEmptyElement("style", "table-cell-properties", STYLE);
      x.writeAttribute("fo", FO, "background-color", "#d9d9d9");
      x.writeAttribute("fo", FO, "wrap-option", "wrap");
      x.writeEmptyElement("style", "text-properties", STYLE);
      x.writeAttribute("fo", FO, "font-weight", "bold");
    }
    x.writeEndElement();
  }

  private static void table(XMLStreamWriter x, ExportTable sheet) throws XMLStreamException {
    x.writeStartElement("table", "table", TABLE);
    x.writeAttribute("table", TABLE, "name", sheet.name());
    for (ExportColumn column : sheet.columns()) {
      x.writeEmptyElement("table", "table-column", TABLE);
      x.writeAttribute("table", TABLE, "style-name", "co" + column.widthChars());
    }
    x.writeStartElement("table", "table-header-rows", TABLE);
    x.writeStartElement("table", "table-row", TABLE);
    for (ExportColumn column : sheet.columns()) {
      textCell(x, column.heading(), "ce_header");
    }
    x.writeEndElement();
    x.writeEndElement();
    for (List<Object> row : sheet.rows()) {
      x.writeStartElement("table", "table-row", TABLE);
      for (int c = 0; c < row.size(); c++) {
        cell(x, sheet.columns().get(c), row.get(c));
      }
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void cell(XMLStreamWriter x, ExportColumn column, Object value)
      throws XMLStreamException {
    if (value == null) {
      x.writeEmptyElement("table", "table-cell", TABLE);
      return;
    }
    switch (column.kind()) {
      case TEXT -> textCell(x, (String) value, "ce_text");
      case COUNT -> floatCell(x, value.toString(), "ce_count");
      case PERCENT -> floatCell(x, ((BigDecimal) value).toPlainString(), "ce_percent");
      case MONEY -> floatCell(x, ((BigDecimal) value).toPlainString(), "ce_money");
      case DATE -> dateCell(x, ((LocalDate) value).toString(), "ce_date");
      case TIMESTAMP -> {
        LocalDateTime utc =
            ((Instant) value)
                .truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC)
                .toLocalDateTime();
        dateCell(x, DATE_TIME.format(utc), "ce_timestamp");
      }
      case YES_NO -> {
        x.writeStartElement("table", "table-cell", TABLE);
        x.writeAttribute("table", TABLE, "style-name", "ce_yes_no");
        x.writeAttribute("office", OFFICE, "value-type", "boolean");
        x.writeAttribute("office", OFFICE, "boolean-value", value.toString());
        paragraph(x, ((Boolean) value) ? "TRUE" : "FALSE");
        x.writeEndElement();
      }
    }
  }

  private static void textCell(XMLStreamWriter x, String text, String style)
      throws XMLStreamException {
    x.writeStartElement("table", "table-cell", TABLE);
    x.writeAttribute("table", TABLE, "style-name", style);
    x.writeAttribute("office", OFFICE, "value-type", "string");
    paragraph(x, FormulaSafeText.neutralise(text));
    x.writeEndElement();
  }

  private static void floatCell(XMLStreamWriter x, String value, String style)
      throws XMLStreamException {
    x.writeStartElement("table", "table-cell", TABLE);
    x.writeAttribute("table", TABLE, "style-name", style);
    x.writeAttribute("office", OFFICE, "value-type", "float");
    x.writeAttribute("office", OFFICE, "value", value);
    paragraph(x, value);
    x.writeEndElement();
  }

  private static void dateCell(XMLStreamWriter x, String value, String style)
      throws XMLStreamException {
    x.writeStartElement("table", "table-cell", TABLE);
    x.writeAttribute("table", TABLE, "style-name", style);
    x.writeAttribute("office", OFFICE, "value-type", "date");
    x.writeAttribute("office", OFFICE, "date-value", value);
    paragraph(x, value.replace('T', ' '));
    x.writeEndElement();
  }

  /**
   * A text:p holding exactly {@code text}: ODF collapses runs of white space, so a second space is
   * {@code text:s}, a tab {@code text:tab} and a line end {@code text:line-break}; characters XML
   * cannot hold become U+FFFD instead of making the file unreadable.
   */
  private static void paragraph(XMLStreamWriter x, String text) throws XMLStreamException {
    x.writeStartElement("text", "p", TEXT);
    StringBuilder run = new StringBuilder();
    int spaces = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == ' ' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
        spaces++;
        continue;
      }
      if (spaces > 0) {
        flush(x, run);
        x.writeEmptyElement("text", "s", TEXT);
        x.writeAttribute("text", TEXT, "c", Integer.toString(spaces));
        spaces = 0;
      }
      if (ch == '\t') {
        flush(x, run);
        x.writeEmptyElement("text", "tab", TEXT);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          continue;
        }
        flush(x, run);
        x.writeEmptyElement("text", "line-break", TEXT);
      } else {
        run.append(xmlSafe(ch));
      }
    }
    if (spaces > 0) {
      flush(x, run);
      x.writeEmptyElement("text", "s", TEXT);
      x.writeAttribute("text", TEXT, "c", Integer.toString(spaces));
    }
    flush(x, run);
    x.writeEndElement();
  }

  private static void flush(XMLStreamWriter x, StringBuilder run) throws XMLStreamException {
    if (run.length() > 0) {
      x.writeCharacters(run.toString());
      run.setLength(0);
    }
  }

  private static char xmlSafe(char ch) {
    boolean allowed = ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF;
    return allowed ? ch : '\uFFFD';
  }

  private static byte[] styles() throws XMLStreamException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    XMLStreamWriter x = XML.createXMLStreamWriter(bytes, "UTF-8");
    x.writeStartDocument("UTF-8", "1.0");
    x.writeStartElement("office", "document-styles", OFFICE);
    namespaces(x);
    x.writeAttribute("office", OFFICE, "version", VERSION);
    x.writeEmptyElement("office", "styles", OFFICE);
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    return bytes.toByteArray();
  }

  private static byte[] meta(ExportWorkbook workbook) throws XMLStreamException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    XMLStreamWriter x = XML.createXMLStreamWriter(bytes, "UTF-8");
    x.writeStartDocument("UTF-8", "1.0");
    x.writeStartElement("office", "document-meta", OFFICE);
    x.writeNamespace("office", OFFICE);
    x.writeNamespace("meta", META);
    x.writeNamespace("dc", DC);
    x.writeAttribute("office", OFFICE, "version", VERSION);
    x.writeStartElement("office", "meta", OFFICE);
    element(x, "meta", META, "generator", "tfwh");
    element(x, "dc", DC, "title", workbook.title());
    element(
        x,
        "dc",
        DC,
        "description",
        "Source snapshot "
            + workbook.provenance().snapshotId()
            + "; "
            + workbook.provenance().status());
    element(x, "dc", DC, "language", "en-GB");
    String generated =
        DATE_TIME.format(
            workbook.provenance().generatedAt().atOffset(ZoneOffset.UTC).toLocalDateTime());
    element(x, "meta", META, "creation-date", generated);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    return bytes.toByteArray();
  }

  private static void element(XMLStreamWriter x, String prefix, String ns, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(prefix, name, ns);
    StringBuilder safe = new StringBuilder(text.length());
    text.chars().forEach(c -> safe.append(xmlSafe((char) c)));
    x.writeCharacters(safe.toString());
    x.writeEndElement();
  }

  /** View settings: the header row of every data sheet frozen, as LibreOffice writes it. */
  private static byte[] settings(List<ExportTable> sheets) throws XMLStreamException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    XMLStreamWriter x = XML.createXMLStreamWriter(bytes, "UTF-8");
    x.writeStartDocument("UTF-8", "1.0");
    x.writeStartElement("office", "document-settings", OFFICE);
    x.writeNamespace("office", OFFICE);
    x.writeNamespace("config", CONFIG);
    x.writeAttribute("office", OFFICE, "version", VERSION);
    x.writeStartElement("office", "settings", OFFICE);
    x.writeStartElement("config", "config-item-set", CONFIG);
    x.writeAttribute("config", CONFIG, "name", "ooo:view-settings");
    x.writeStartElement("config", "config-item-map-indexed", CONFIG);
    x.writeAttribute("config", CONFIG, "name", "Views");
    x.writeStartElement("config", "config-item-map-entry", CONFIG);
    configItem(x, "ViewId", "string", "view1");
    x.writeStartElement("config", "config-item-map-named", CONFIG);
    x.writeAttribute("config", CONFIG, "name", "Tables");
    for (ExportTable sheet : sheets) {
      x.writeStartElement("config", "config-item-map-entry", CONFIG);
      x.writeAttribute("config", CONFIG, "name", sheet.name());
      configItem(x, "HorizontalSplitMode", "short", "0");
      configItem(x, "VerticalSplitMode", "short", "2");
      configItem(x, "HorizontalSplitPosition", "int", "0");
      configItem(x, "VerticalSplitPosition", "int", "1");
      configItem(x, "ActiveSplitRange", "short", "2");
      configItem(x, "PositionLeft", "int", "0");
      configItem(x, "PositionRight", "int", "0");
      configItem(x, "PositionTop", "int", "0");
      configItem(x, "PositionBottom", "int", "1");
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    return bytes.toByteArray();
  }

  private static void configItem(XMLStreamWriter x, String name, String type, String value)
      throws XMLStreamException {
    x.writeStartElement("config", "config-item", CONFIG);
    x.writeAttribute("config", CONFIG, "name", name);
    x.writeAttribute("config", CONFIG, "type", type);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private static byte[] manifest() throws XMLStreamException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    XMLStreamWriter x = XML.createXMLStreamWriter(bytes, "UTF-8");
    x.writeStartDocument("UTF-8", "1.0");
    x.writeStartElement("manifest", "manifest", MANIFEST);
    x.writeNamespace("manifest", MANIFEST);
    x.writeAttribute("manifest", MANIFEST, "version", VERSION);
    manifestEntry(x, "/", MEDIA_TYPE, true);
    for (String file : List.of("content.xml", "styles.xml", "meta.xml", "settings.xml")) {
      manifestEntry(x, file, "text/xml", false);
    }
    x.writeEndElement();
    x.writeEndDocument();
    x.close();
    return bytes.toByteArray();
  }

  private static void manifestEntry(XMLStreamWriter x, String path, String type, boolean root)
      throws XMLStreamException {
    x.writeEmptyElement("manifest", "file-entry", MANIFEST);
    x.writeAttribute("manifest", MANIFEST, "full-path", path);
    if (root) {
      x.writeAttribute("manifest", MANIFEST, "version", VERSION);
    }
    x.writeAttribute("manifest", MANIFEST, "media-type", type);
  }

  /** A, B, ... Z, AA, AB ...: the column letters of a zero-based index. */
  static String columnLetters(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }
}
