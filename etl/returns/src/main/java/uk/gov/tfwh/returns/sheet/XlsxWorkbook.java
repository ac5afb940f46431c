package uk.gov.tfwh.returns.sheet;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.OneSlip;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * A TFQR-1 workbook read with POI's streaming API: the sheet XML is parsed with SAX, one row at a
 * time, so a large claims sheet is never held in memory. Before POI opens the file, the zip's
 * central directory is checked against the expansion limits, and while sheets are read the bytes
 * actually inflated are counted, so a zip bomb is refused (TFQR-F03) whatever its headers claim.
 */
public final class XlsxWorkbook implements Closeable {
  private static final int MAX_ZIP_ENTRIES = 1_000;

  private final String file;
  private final OPCPackage pkg;
  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final Map<String, PackagePart> sheetsByName;

  /** The sheets' names as the workbook writes them, in its order, to tell a sender what it has. */
  private final List<String> sheetNames;

  private final InflationBudget budget;

  private XlsxWorkbook(
      String file,
      OPCPackage pkg,
      ReadOnlySharedStringsTable strings,
      StylesTable styles,
      boolean date1904,
      Map<String, PackagePart> sheetsByName,
      List<String> sheetNames,
      InflationBudget budget) {
    this.file = file;
    this.pkg = pkg;
    this.strings = strings;
    this.styles = styles;
    this.date1904 = date1904;
    this.sheetsByName = sheetsByName;
    this.sheetNames = List.copyOf(sheetNames);
    this.budget = budget;
  }

  /**
   * Opens a workbook, refusing it with TFQR-F03 when it would expand beyond the limits and with
   * TFQR-F02 when it is not a readable XLSX workbook.
   */
  public static XlsxWorkbook open(Path path, XlsxLimits limits) throws SheetReadException {
    try {
      return openWorkbook(path, limits);
    } catch (SheetReadException e) {
      throw namingWhatItIs(path, e);
    }
  }

  private static XlsxWorkbook openWorkbook(Path path, XlsxLimits limits) throws SheetReadException {
    requireNonNull(limits, "limits");
    String file = path.getFileName().toString();
    checkCentralDirectory(path, file, limits);
    // POI's own zip-bomb guard is static, so every workbook opened in this JVM shares it; it is
    // set to the same limits as ours, as a second line behind the central-directory check.
    ZipSecureFile.setMinInflateRatio(1.0 / limits.maxExpansionRatio());
    ZipSecureFile.setMaxEntrySize(limits.maxUncompressedBytes());
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      boolean date1904 = isDate1904(reader);
      Map<String, PackagePart> sheets = new LinkedHashMap<>();
      List<String> names = new ArrayList<>();
      XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (iterator.hasNext()) {
        iterator.next().close();
        names.add(iterator.getSheetName());
        sheets.putIfAbsent(
            iterator.getSheetName().strip().toLowerCase(Locale.ROOT), iterator.getSheetPart());
      }
      return new XlsxWorkbook(
          file,
          pkg,
          strings,
          styles,
          date1904,
          sheets,
          names,
          new InflationBudget(limits.maxUncompressedBytes()));
    } catch (Exception | LinkageError e) {
      if (pkg != null) {
        pkg.revert();
      }
      throw unreadable(file, e);
    }
  }

  /**
   * A file refused as no workbook at all (TFQR-F02) that is recognisably something else (text, an
   * .xls) is refused saying what it is, which tells the sender what to do; "not a valid zip
   * archive" does not.
   */
  private static SheetReadException namingWhatItIs(Path path, SheetReadException refused) {
    if (!refused.finding().ruleId().equals(Rule.F02.id())) {
      return refused;
    }
    Optional<String> kind = FileKind.inWorkbook(path);
    if (kind.isEmpty()) {
      return refused;
    }
    return new SheetReadException(
        Rule.F02.at(
            Location.ofFile(path.getFileName().toString()),
            "the file is not a readable XLSX workbook: " + kind.get()));
  }

  private static SheetReadException unreadable(String file, Throwable e) {
    if (isZipBomb(e)) {
      return new SheetReadException(
          Rule.F03.at(
              Location.ofFile(file),
              "the workbook expands beyond the safe limit when unzipped (a possible zip bomb)"));
    }
    return new SheetReadException(
        Rule.F02.at(
            Location.ofFile(file),
            "the file is not a readable XLSX workbook (" + describe(e) + ")"));
  }

  private static boolean isZipBomb(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InflationLimitException) {
        return true;
      }
      String message = cause.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why the workbook could not be read, for its sender. The reader's own message is quoted: it may
   * hold names and text from the file, which must not forge or hide text in the finding.
   */
  private static String describe(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // POI's XML parsers refuse any DOCTYPE, so no entity of a workbook is ever read (XXE, the
      // "billion laughs"); the parser says so in its own terms.
      String message = cause.getMessage();
      if (message != null && message.contains("DOCTYPE is disallowed")) {
        return "a part of it declares a document type (<!DOCTYPE ...>), which no spreadsheet"
            + " writes in a workbook; nothing it declares was read";
      }
    }
    String message = e.getMessage();
    return "the reader said "
        + Rule.quote(message == null ? e.getClass().getSimpleName() : message, 200);
  }

  private static void checkCentralDirectory(Path path, String file, XlsxLimits limits)
      throws SheetReadException {
    try (ZipFile zip = new ZipFile(path.toFile())) {
      long total = 0;
      int entries = 0;
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (++entries > MAX_ZIP_ENTRIES) {
          throw bomb(file, "it holds more than " + MAX_ZIP_ENTRIES + " parts");
        }
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0 || compressed < 0) {
          continue; // sizes not declared: the inflation budget still counts what is read
        }
        total += size;
        if (total > limits.maxUncompressedBytes()) {
          throw bomb(
              file,
              "it expands to more than " + limits.maxUncompressedBytes() + " bytes when unzipped");
        }
        if (size > 1_000_000 && size > compressed * limits.maxExpansionRatio()) {
          throw bomb(
              file,
              "part "
                  + Rule.quote(entry.getName())
                  + " expands "
                  + (size / Math.max(1, compressed))
                  + " times (the limit is "
                  + limits.maxExpansionRatio()
                  + ")");
        }
      }
    } catch (IOException e) {
      throw new SheetReadException(
          Rule.F02.at(
              Location.ofFile(file),
              "the file is not a readable XLSX workbook (it is not a valid zip archive: "
                  + describe(e)
                  + ")"));
    }
  }

  private static SheetReadException bomb(String file, String why) {
    return new SheetReadException(
        Rule.F03.at(
            Location.ofFile(file), "the workbook is refused as a possible zip bomb: " + why));
  }

  private static boolean isDate1904(XSSFReader reader) throws Exception {
    boolean[] found = {false};
    XMLReader parser = XMLHelper.newXMLReader();
    parser.setContentHandler(
        new DefaultHandler() {
          @Override
          public void startElement(String uri, String local, String qName, Attributes atts) {
            if ("workbookPr".equals(local)) {
              String value = atts.getValue("date1904");
              found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
            }
          }
        });
    try (InputStream workbook = reader.getWorkbookData()) {
      parser.parse(new InputSource(workbook));
    }
    return found[0];
  }

  /** The sheet with this name (compared without case); TFQR-F02 when the workbook has none. */
  public SheetSource sheet(String name) throws SheetReadException {
    PackagePart part = sheetsByName.get(name.toLowerCase(Locale.ROOT));
    if (part == null) {
      throw new SheetReadException(
          Rule.F02.at(
              Location.ofFile(file),
              "the workbook has no sheet named "
                  + name
                  + (sheetNames.isEmpty()
                      ? " (it has no sheets)"
                      : " (it has: "
                          + sheetNames.stream().map(Rule::quote).collect(Collectors.joining(", "))
                          + ")"
                          + likelyMeant(name)
                              .map(n -> ": rename " + Rule.quote(n) + " to " + name)
                              .orElse(""))));
    }
    return new Worksheet(part, name);
  }

  /**
   * The one sheet likely meant for {@code name}: one slip of the keyboard from it ("Summery",
   * "Claim") or naming it among other words ("Claims 2015Q2", "TFQR-1 summary"). None when two are
   * alike, which is not chosen between.
   */
  private Optional<String> likelyMeant(String name) {
    Pattern word = Pattern.compile("(^|[^a-z])" + Pattern.quote(name) + "($|[^a-z])");
    return OneSlip.theOnly(
        sheetNames,
        sheet -> {
          String lower = sheet.strip().toLowerCase(Locale.ROOT);
          return OneSlip.between(lower, name) || word.matcher(lower).find();
        });
  }

  @Override
  public void close() {
    // Opened read-only: revert releases the file without trying to save anything.
    pkg.revert();
  }

  private final class Worksheet implements SheetSource {
    private final PackagePart part;
    private final String sheet;

    Worksheet(PackagePart part, String sheet) {
      this.part = part;
      this.sheet = sheet;
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
      return false;
    }

    @Override
    public void read(RowHandler handler) throws SheetReadException {
      SheetHandler sax = new SheetHandler(handler);
      try (InputStream stream = budget.track(part.getInputStream())) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(sax);
        parser.parse(new InputSource(stream));
      } catch (SAXException e) {
        if (e.getException() instanceof SheetReadException handlerProblem) {
          throw handlerProblem;
        }
        throw unreadable(file, e);
      } catch (Exception | LinkageError e) {
        throw unreadable(file, e);
      }
    }
  }

  /**
   * Turns the SAX events of one worksheet into typed rows. Cell types follow ECMA-376: {@code s}
   * shared string, {@code inlineStr}, {@code str} formula text, {@code b} boolean, {@code e} error;
   * anything else is a number, which is a date when its style's number format is a date format.
   */
  private final class SheetHandler extends DefaultHandler {
    private final RowHandler rows;
    private int rowNumber;
    private List<CellValue> cells;
    private int column;
    private String type;
    private int style;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private boolean inValue;
    private boolean inFormula;
    private boolean hasFormula;
    private boolean hasValue;
    private boolean inInlineText;
    private boolean inPhonetic;

    SheetHandler(RowHandler rows) {
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
      switch (local) {
        case "row" -> {
          String r = atts.getValue("r");
          rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
          cells = new ArrayList<>();
          column = -1;
        }
        case "c" -> {
          String ref = atts.getValue("r");
          column = ref == null ? column + 1 : columnIndex(ref);
          type = atts.getValue("t");
          String s = atts.getValue("s");
          style = s == null ? 0 : Integer.parseInt(s);
          value.setLength(0);
          inline.setLength(0);
          formula.setLength(0);
          hasFormula = false;
          hasValue = false;
        }
        case "v" -> {
          inValue = true;
          hasValue = true;
        }
        case "f" -> {
          inFormula = true;
          hasFormula = true;
        }
        case "t" -> inInlineText = !inPhonetic;
        case "rPh" -> inPhonetic = true;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        value.append(ch, start, length);
      } else if (inFormula) {
        formula.append(ch, start, length);
      } else if (inInlineText) {
        inline.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
      switch (local) {
        case "v" -> inValue = false;
        case "f" -> inFormula = false;
        case "t" -> inInlineText = false;
        case "rPh" -> inPhonetic = false;
        case "c" -> {
          while (cells.size() < column) {
            cells.add(CellValue.BLANK);
          }
          CellValue cell = cell();
          if (cells.size() == column) {
            cells.add(cell);
          } else {
            cells.set(column, cell);
          }
        }
        case "row" -> {
          try {
            rows.row(rowNumber, cells);
          } catch (SheetReadException e) {
            throw new SAXException(e);
          }
        }
        default -> {}
      }
    }

    private CellValue cell() {
      String raw = value.toString();
      if (hasFormula && unsaved(raw)) {
        return new CellValue.UnsavedFormula(formula.toString().strip());
      }
      if (type == null || type.equals("n")) {
        if (raw.isBlank()) {
          return CellValue.BLANK;
        }
        BigDecimal number = new BigDecimal(raw.strip());
        if (isDateStyle(style)) {
          return new CellValue.DateTime(
              DateUtil.getLocalDateTime(number.doubleValue(), date1904, true));
        }
        return new CellValue.Numeric(number);
      }
      return switch (type) {
        case "s" -> CellValue.ofText(strings.getItemAt(Integer.parseInt(raw.strip())).getString());
        case "inlineStr" -> CellValue.ofText(inline.toString());
        case "b" -> new CellValue.Text("1".equals(raw.strip()) ? "TRUE" : "FALSE");
        case "d" -> isoDate(raw);
        case "e" ->
            CellValue.FormulaError.named(raw).orElseGet(() -> new CellValue.FormulaError(raw));
        default -> CellValue.ofText(raw); // str: a formula's text
      };
    }

    /**
     * A cell of type {@code d}: a date written as ISO 8601 text, as strict Open XML and some
     * libraries save date cells. It is a date cell like a styled number, so it reads as one; text
     * that is not such a date stays text, for the column's rule to name.
     */
    private CellValue isoDate(String raw) {
      String value = raw.strip();
      if (value.endsWith("Z")) {
        value = value.substring(0, value.length() - 1);
      }
      try {
        return value.contains("T")
            ? new CellValue.DateTime(LocalDateTime.parse(value))
            : new CellValue.DateTime(LocalDate.parse(value).atStartOfDay());
      } catch (DateTimeParseException e) {
        return new CellValue.Text(raw);
      }
    }

    /**
     * Whether a formula cell's value was not saved: no value at all, or an empty one where only a
     * number can be (a formula of text that gives "" saves an empty value of type {@code str}).
     */
    private boolean unsaved(String raw) {
      return !hasValue || raw.isEmpty() && (type == null || type.equals("n"));
    }
  }

  private boolean isDateStyle(int index) {
    if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
      return false;
    }
    XSSFCellStyle cellStyle = styles.getStyleAt(index);
    String format = cellStyle.getDataFormatString();
    return format != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), format);
  }

  private static int columnIndex(String reference) {
    int index = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      index = index * 26 + (c - 'A' + 1);
    }
    return index - 1;
  }

  /** Counts the bytes inflated from every part read, across the whole workbook. */
  private static final class InflationBudget {
    private final long limit;
    private long used;

    InflationBudget(long limit) {
      this.limit = limit;
    }

    InputStream track(InputStream in) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          if (n > 0) {
            count(n);
          }
          return n;
        }
      };
    }

    private void count(int bytes) throws InflationLimitException {
      used += bytes;
      if (used > limit) {
        throw new InflationLimitException(limit);
      }
    }
  }

  private static final class InflationLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    InflationLimitException(long limit) {
      super("the workbook inflated beyond " + limit + " bytes");
    }
  }
}
