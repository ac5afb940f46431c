package uk.gov.tfwh.exports.pdf;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text as the PDF can draw it. Figures come from returns and reference data and may hold anything:
 * control characters (a tab or carriage return in a hostile revision note) become spaces, and a
 * character the font has no glyph for becomes "?", rather than failing the whole briefing. Text is
 * only ever drawn as glyphs: no link annotations or actions are made from it, so text that would be
 * a formula or link elsewhere is inert here.
 */
final class PdfText {
  private PdfText() {}

  static String printable(PDFont font, String text) {
    if (text == null) {
      return "";
    }
    StringBuilder printable = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                printable.append(' ');
              } else if (hasGlyph(font, cp)) {
                printable.appendCodePoint(cp);
              } else {
                printable.append('?');
              }
            });
    return printable.toString();
  }

  /**
   * The width of {@code text} in points: the sum of its glyphs' advance widths (PDFBox applies no
   * kerning either), each looked up once per font and kept, as a briefing measures thousands of
   * strings made of the same few dozen characters.
   */
  static float width(PDFont font, float size, String text) {
    float[] widths = WIDTHS.computeIfAbsent(baseName(font), name -> newUnknownWidths());
    float total = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      float w = widths[ch];
      if (Float.isNaN(w)) {
        try {
          w = font.getStringWidth(String.valueOf(ch));
        } catch (IOException | IllegalArgumentException e) {
          w = 0;
        }
        widths[ch] = w;
      }
      total += w;
    }
    return total / 1000f * size;
  }

  private static final java.util.Map<String, float[]> WIDTHS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static float[] newUnknownWidths() {
    float[] widths = new float[Character.MAX_VALUE + 1];
    java.util.Arrays.fill(widths, Float.NaN);
    return widths;
  }

  /** The font's name without the subset prefix ("ABCDEF+"), the same in every document. */
  private static String baseName(PDFont font) {
    String name = font.getName();
    int plus = name.indexOf('+');
    return plus == 6 ? name.substring(plus + 1) : name;
  }

  private static boolean hasGlyph(PDFont font, int codePoint) {
    if (codePoint < 0x7F) {
      return true;
    }
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }
}
