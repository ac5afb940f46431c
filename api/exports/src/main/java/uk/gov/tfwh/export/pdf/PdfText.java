package uk.gov.tfwh.export.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  static float width(PDFont font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
