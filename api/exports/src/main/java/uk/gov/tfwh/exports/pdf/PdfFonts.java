package uk.gov.tfwh.exports.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The briefing's two fonts, DejaVu Sans Condensed regular and bold (Bitstream Vera licence, see
 * DejaVu-LICENSE.txt beside them), embedded as subsets so the document looks the same everywhere
 * and its text stays selectable and searchable (Type 0 fonts carry a Unicode mapping).
 *
 * <p>Two things keep a briefing fast: the glyph-substitution table (GSUB) is dropped from the font
 * once, so PDFBox does not run its ligature rules on every string (and "fi" stays two letters a
 * search finds); and each thread parses the fonts once and reuses them for every document it
 * writes, since a parsed font is not safe to share between threads.
 */
record PdfFonts(PDType0Font regular, PDType0Font bold) {
  private static final byte[] REGULAR = withoutTable(resource("DejaVuSansCondensed.ttf"), "GSUB");
  private static final byte[] BOLD = withoutTable(resource("DejaVuSansCondensed-Bold.ttf"), "GSUB");
  private static final ThreadLocal<TrueTypeFont[]> PARSED =
      ThreadLocal.withInitial(() -> new TrueTypeFont[] {parse(REGULAR), parse(BOLD)});

  PdfFonts {
    requireNonNull(regular, "regular");
    requireNonNull(bold, "bold");
  }

  static PdfFonts load(PDDocument document) throws IOException {
    TrueTypeFont[] fonts = PARSED.get();
    return new PdfFonts(
        PDType0Font.load(document, fonts[0], true), PDType0Font.load(document, fonts[1], true));
  }

  private static TrueTypeFont parse(byte[] bytes) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the briefing's font", e);
    }
  }

  /**
   * The font with one table left out of its table directory. The tables' data stay where they are
   * (their offsets are from the start of the file, so a shorter directory moves nothing).
   */
  static byte[] withoutTable(byte[] font, String tag) {
    ByteBuffer in = ByteBuffer.wrap(font);
    int tables = Short.toUnsignedInt(in.getShort(4));
    byte[] out = font.clone();
    ByteBuffer directory = ByteBuffer.wrap(out);
    int kept = 0;
    for (int t = 0; t < tables; t++) {
      int record = 12 + 16 * t;
      String name = new String(font, record, 4, StandardCharsets.US_ASCII);
      if (!name.equals(tag)) {
        System.arraycopy(font, record, out, 12 + 16 * kept, 16);
        kept++;
      }
    }
    if (kept == tables) {
      return font;
    }
    directory.putShort(4, (short) kept);
    int power = Integer.highestOneBit(kept);
    directory.putShort(6, (short) (power * 16));
    directory.putShort(8, (short) Integer.numberOfTrailingZeros(power));
    directory.putShort(10, (short) (kept * 16 - power * 16));
    // The gap the dropped record leaves is zeroed: nothing points to it.
    java.util.Arrays.fill(out, 12 + 16 * kept, 12 + 16 * tables, (byte) 0);
    return out;
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
