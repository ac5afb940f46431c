package uk.gov.tfwh.exports.format;

/**
 * The one rule for text that a spreadsheet could take for a formula or a link ("CSV injection"):
 * text beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return.
 * Numbers are never text here (they are typed cells), so a negative change is not affected.
 *
 * <p>How each format neutralises it:
 *
 * <ul>
 *   <li>Every spreadsheet format ({@link #neutralise}): risky text gets a leading apostrophe, the
 *       marker of literal text spreadsheet programs know. CSV has no types, so this is the only
 *       defence there. XLSX and ODS could keep the exact text in a string cell (which is never
 *       evaluated), but a re-save of that sheet as CSV, or a copy and paste of the cell, would make
 *       the value live again; with the apostrophe in the value it stays inert wherever it travels.
 *       XLSX and ODS also write every text cell as a string cell (never a formula) with the text
 *       number format, and XLSX marks risky cells {@code quotePrefix} (Excel's own apostrophe) so
 *       an edited cell stays text.
 *   <li>PDF draws text as glyphs and creates no link annotations.
 * </ul>
 */
public final class FormulaSafeText {
  private FormulaSafeText() {}

  /** Whether a spreadsheet could read this text as the start of a formula or link. */
  public static boolean needsNeutralising(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /** The text as a spreadsheet cell's content: an apostrophe before risky text, else the text. */
  public static String neutralise(String text) {
    return needsNeutralising(text) ? "'" + text : text;
  }
}
