package uk.gov.tfwh.exports.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Lays out a tagged A4 document top to bottom: headings, paragraphs, tables and figures, each drawn
 * inside marked content that a structure element (H1, H2, P, Table/TR/TH/TD, Figure) points to, so
 * screen readers and reflow see the document's structure, and a new page starts whenever the next
 * block does not fit. The protective marking and the footer are drawn on every page as pagination
 * artifacts, outside the structure (they repeat, and are not part of the content).
 */
final class TaggedLayout {
  static final PDRectangle PAGE = PDRectangle.A4;
  static final float MARGIN = 42;
  static final float LEFT = MARGIN;
  static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
  private static final float TOP = PAGE.getHeight() - MARGIN - 14;
  private static final float BOTTOM = MARGIN + 20;

  /** Space a heading needs below it on its page: a few lines or table rows of what it heads. */
  private static final float KEEP_WITH_NEXT = 60;

  /** Draws inside a figure's box; (x, y) is its lower left corner. */
  interface Painter {
    void paint(PDPageContentStream out, float x, float y, float width, float height)
        throws IOException;
  }

  /** A table column: heading, width in points, and whether values align right (numbers). */
  record Column(String heading, float width, boolean numeric) {
    Column {
      requireNonNull(heading, "heading");
    }
  }

  private final PDDocument document;
  private final PdfFonts fonts;
  private final String marking;
  private final String footer;
  private final PDStructureElement root;
  private final List<COSArray> parentsByPage = new ArrayList<>();
  private PDPage page;
  private PDPageContentStream out;
  private int mcid;
  private float y;

  /**
   * @param marking the protective marking drawn at the top and bottom of every page, or null
   * @param footer text at the foot of every page (the page number is added)
   */
  TaggedLayout(PDDocument document, PdfFonts fonts, String marking, String footer)
      throws IOException {
    this.document = requireNonNull(document, "document");
    this.fonts = requireNonNull(fonts, "fonts");
    this.marking = marking;
    this.footer = requireNonNull(footer, "footer");
    PDStructureTreeRoot tree = new PDStructureTreeRoot();
    document.getDocumentCatalog().setStructureTreeRoot(tree);
    root = new PDStructureElement("Document", tree);
    tree.appendKid(root);
    newPage();
  }

  PdfFonts fonts() {
    return fonts;
  }

  /** The space left on the page, in points. */
  float remaining() {
    return y - BOTTOM;
  }

  void space(float points) {
    y -= points;
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  void ensure(float height) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  /**
   * Keeps a block of {@code height} points (a heading and what it heads) on one page: starts a new
   * page when it does not fit on this one but would on a fresh one, so no page ends with a heading
   * and a line or two of a short list. A block taller than a page runs on as usual.
   */
  void keepTogether(float height) throws IOException {
    if (height <= TOP - BOTTOM) {
      ensure(height);
    }
  }

  /** The height {@link #table} takes for {@code rows} rows, its header and the space after it. */
  static float tableHeight(int rows, float size) {
    return (rows + 1) * size * 1.55f + size;
  }

  /** The height {@link #heading} takes, with the space around it. */
  static float headingHeight(float size) {
    return size * 2.1f;
  }

  /** The height {@link #definitionList} takes for these items. */
  float definitionListHeight(List<List<String>> items, float size, float labelWidth)
      throws IOException {
    float lineHeight = size * 1.3f;
    float height = 0;
    for (List<String> item : items) {
      int lines =
          wrap(
                  fonts.regular(),
                  size,
                  PdfText.printable(fonts.regular(), item.get(1)),
                  WIDTH - labelWidth)
              .size();
      height += lines * lineHeight + size * 0.35f;
    }
    return height;
  }

  /** Starts a new page unless this one is still empty (an annex starts on a page of its own). */
  void pageBreak() throws IOException {
    if (y < TOP) {
      newPage();
    }
  }

  /** A heading, kept on the same page as the start of what follows it. */
  void heading(String type, String text, float size) throws IOException {
    ensure(size * 2.6f + KEEP_WITH_NEXT);
    y -= size * 0.6f;
    PDStructureElement element = element(type, root);
    y -= size;
    tagged(element, () -> text(fonts.bold(), size, LEFT, y, text));
    y -= size * 0.5f;
  }

  /** A paragraph wrapped to the page width. */
  void paragraph(String text, float size, boolean bold) throws IOException {
    PDFont font = bold ? fonts.bold() : fonts.regular();
    List<String> lines = wrap(font, size, PdfText.printable(font, text), WIDTH);
    PDStructureElement element = element("P", root);
    for (String line : lines) {
      ensure(size * 1.35f);
      y -= size * 1.35f;
      tagged(element, () -> text(font, size, LEFT, y + size * 0.3f, line));
    }
    y -= size * 0.4f;
  }

  /**
   * Rows of label and value in two columns, as a list ("L" with "LI" items); a long value carries
   * on over the page.
   */
  void definitionList(List<List<String>> items, float size, float labelWidth) throws IOException {
    PDStructureElement list = element("L", root);
    float lineHeight = size * 1.3f;
    for (List<String> item : items) {
      String label = item.get(0);
      List<String> lines =
          wrap(
              fonts.regular(),
              size,
              PdfText.printable(fonts.regular(), item.get(1)),
              WIDTH - labelWidth);
      ensure(lineHeight * Math.min(lines.size(), 3));
      PDStructureElement li = element("LI", list);
      PDStructureElement lbl = element("Lbl", li);
      PDStructureElement body = element("LBody", li);
      tagged(lbl, () -> text(fonts.bold(), size, LEFT, y - lineHeight + size * 0.3f, label));
      for (String line : lines) {
        ensure(lineHeight);
        tagged(
            body,
            () ->
                text(fonts.regular(), size, LEFT + labelWidth, y - lineHeight + size * 0.3f, line));
        y -= lineHeight;
      }
      y -= 2;
    }
    y -= size * 0.4f;
  }

  /** A table with a shaded header row, repeated when the table continues on a new page. */
  void table(List<Column> columns, List<List<String>> rows, float size) throws IOException {
    float rowHeight = size * 1.55f;
    ensure(rowHeight * Math.min(3, rows.size() + 1));
    PDStructureElement table = element("Table", root);
    headerRow(table, columns, size, rowHeight);
    for (int r = 0; r < rows.size(); r++) {
      if (y - rowHeight < BOTTOM) {
        newPage();
        headerRow(table, columns, size, rowHeight);
      }
      List<String> values = rows.get(r);
      PDStructureElement tr = element("TR", table);
      if (r % 2 == 1) {
        artifact(
            () -> {
              out.setNonStrokingColor(0.95f, 0.95f, 0.95f);
              out.addRect(LEFT, y - rowHeight, WIDTH, rowHeight);
              out.fill();
              out.setNonStrokingColor(0f, 0f, 0f);
            });
      }
      cells(tr, "TD", columns, values, fonts.regular(), size, rowHeight);
      y -= rowHeight;
    }
    y -= size;
  }

  private void headerRow(PDStructureElement table, List<Column> columns, float size, float height)
      throws IOException {
    artifact(
        () -> {
          out.setNonStrokingColor(0.85f, 0.88f, 0.92f);
          out.addRect(LEFT, y - height, WIDTH, height);
          out.fill();
          out.setNonStrokingColor(0f, 0f, 0f);
        });
    PDStructureElement tr = element("TR", table);
    cells(
        tr,
        "TH",
        columns,
        columns.stream().map(Column::heading).toList(),
        fonts.bold(),
        size,
        height);
    y -= height;
  }

  private void cells(
      PDStructureElement tr,
      String cellType,
      List<Column> columns,
      List<String> values,
      PDFont font,
      float size,
      float height)
      throws IOException {
    float x = LEFT;
    float baseline = y - height + size * 0.45f;
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      PDStructureElement cell = element(cellType, tr);
      String value = fit(font, size, PdfText.printable(font, values.get(c)), column.width() - 6);
      float textX =
          column.numeric() ? x + column.width() - 3 - PdfText.width(font, size, value) : x + 3;
      if (!value.isEmpty()) {
        tagged(cell, () -> text(font, size, textX, baseline, value));
      }
      x += column.width();
    }
  }

  /** A figure of {@code height} points drawn by {@code painter}, with alternate text. */
  void figure(String alternateText, float height, Painter painter) throws IOException {
    ensure(height + 6);
    PDStructureElement figure = element("Figure", root);
    figure.setAlternateDescription(alternateText);
    float bottom = y - height;
    tagged(figure, () -> painter.paint(out, LEFT, bottom, WIDTH, height));
    y = bottom - 6;
  }

  /** Closes the last page and writes the structure's parent tree. */
  void finish() throws IOException {
    out.close();
    Map<Integer, COSObjectable> parents = new HashMap<>();
    for (int i = 0; i < parentsByPage.size(); i++) {
      parents.put(i, parentsByPage.get(i));
    }
    PDNumberTreeNode parentTree = new PDNumberTreeNode(COSArray.class);
    parentTree.setNumbers(parents);
    PDStructureTreeRoot tree = document.getDocumentCatalog().getStructureTreeRoot();
    tree.setParentTree(parentTree);
    tree.setParentTreeNextKey(parentsByPage.size());
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    page = new PDPage(PAGE);
    document.addPage(page);
    int index = parentsByPage.size();
    page.setStructParents(index);
    page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
    parentsByPage.add(new COSArray());
    out = new PDPageContentStream(document, page);
    mcid = 0;
    int number = index + 1;
    artifact(
        () -> {
          if (marking != null) {
            float w = PdfText.width(fonts.bold(), 10, marking);
            float x = (PAGE.getWidth() - w) / 2;
            out.setNonStrokingColor(0.75f, 0f, 0f);
            text(fonts.bold(), 10, x, PAGE.getHeight() - 26, marking);
            text(fonts.bold(), 10, x, 16, marking);
            out.setNonStrokingColor(0f, 0f, 0f);
          }
          out.setNonStrokingColor(0.35f, 0.35f, 0.35f);
          text(fonts.regular(), 7, LEFT, 30, PdfText.printable(fonts.regular(), footer));
          String pageText = "Page " + number;
          text(
              fonts.regular(),
              7,
              LEFT + WIDTH - PdfText.width(fonts.regular(), 7, pageText),
              30,
              pageText);
          out.setNonStrokingColor(0f, 0f, 0f);
        });
    y = TOP;
  }

  private interface Drawing {
    void draw() throws IOException;
  }

  private PDStructureElement element(String type, PDStructureElement parent) {
    PDStructureElement element = new PDStructureElement(type, parent);
    element.setPage(page);
    parent.appendKid(element);
    return element;
  }

  /** Draws inside marked content with the next MCID and links it to {@code element}. */
  private void tagged(PDStructureElement element, Drawing drawing) throws IOException {
    COSDictionary properties = new COSDictionary();
    properties.setInt(COSName.MCID, mcid);
    out.beginMarkedContent(
        COSName.getPDFName(element.getStructureType()), PDPropertyList.create(properties));
    drawing.draw();
    out.endMarkedContent();
    PDMarkedContentReference reference = new PDMarkedContentReference();
    reference.setPage(page);
    reference.setMCID(mcid);
    element.appendKid(reference);
    parentsByPage.get(parentsByPage.size() - 1).add(element);
    mcid++;
  }

  private void artifact(Drawing drawing) throws IOException {
    COSDictionary properties = new COSDictionary();
    properties.setName(COSName.TYPE, "Pagination");
    out.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(properties));
    drawing.draw();
    out.endMarkedContent();
  }

  private void text(PDFont font, float size, float x, float baseline, String text)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, baseline);
    out.showText(text);
    out.endText();
  }

  static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (PdfText.width(font, size, candidate) <= width || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * The text cut with an ellipsis to fit {@code width}, measured once from its start: only as far
   * as the cell reaches, so a name of a million characters costs what a cell's worth does (it used
   * to be measured again for every character cut, which took minutes).
   */
  static String fit(PDFont font, float size, String text, float width) throws IOException {
    float used = 0;
    int end = 0;
    while (end < text.length()) {
      float next = PdfText.width(font, size, text.substring(end, end + 1));
      if (used + next > width) {
        break;
      }
      used += next;
      end++;
    }
    if (end == text.length()) {
      return text;
    }
    float ellipsis = PdfText.width(font, size, "…");
    while (end > 0 && used + ellipsis > width) {
      end--;
      used -= PdfText.width(font, size, text.substring(end, end + 1));
    }
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never cut a character in two
    }
    return text.substring(0, end) + "…";
  }
}
