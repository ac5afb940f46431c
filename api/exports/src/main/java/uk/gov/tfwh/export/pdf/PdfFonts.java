package uk.gov.tfwh.export.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The briefing's two fonts, DejaVu Sans Condensed regular and bold (Bitstream Vera licence, see
 * DejaVu-LICENSE.txt beside them), embedded as subsets so the document looks the same everywhere
 * and its text stays selectable and searchable (Unicode mapping comes with Type 0 fonts). The TTF
 * bytes are read from the classpath once; each document parses its own copy, because PDFBox's
 * parsed fonts are not safe to share between documents built on different threads.
 */
record PdfFonts(PDType0Font regular, PDType0Font bold) {
  private static final byte[] REGULAR = resource("DejaVuSansCondensed.ttf");
  private static final byte[] BOLD = resource("DejaVuSansCondensed-Bold.ttf");

  PdfFonts {
    requireNonNull(regular, "regular");
    requireNonNull(bold, "bold");
  }

  static PdfFonts load(PDDocument document) throws IOException {
    return new PdfFonts(
        PDType0Font.load(document, new java.io.ByteArrayInputStream(REGULAR), true),
        PDType0Font.load(document, new java.io.ByteArrayInputStream(BOLD), true));
  }

  private static byte[] resource(String name) {
    try (InputStream in = PdfFonts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("font " + name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read font " + name, e);
    }
  }
}
