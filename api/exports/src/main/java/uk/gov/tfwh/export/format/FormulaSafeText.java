package uk.gov.tfwh.export.format;

/**
 * The one rule for text that a spreadsheet could take for a formula or a link ("CSV injection"):
 * text beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return.
 * Numbers are never text here (they are typed cells), so a negative change is not affected.
 *
 * <p>How each format neutralises it:
 *
 * <ul>
 *   <li>CSV has no types: a spreadsheet program parses every field, so the text itself must change.
 *       It gets a leading apostrophe ({@link #forCsv}), which spreadsheet programs show as the
 *       marker of literal text.
 *   <li>XLSX and ODS keep the exact text (the warehouse's value, unchanged) in a string cell, which
 *       no spreadsheet evaluates, and mark the cell as literal text as well: XLSX's {@code
 *       quotePrefix} style (Excel's own apostrophe) and the text number format; in ODS the text
 *       data style. So the value stays inert even when someone edits the cell and presses Enter.
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

  /** The text as a CSV field's content: an apostrophe before risky text, the text otherwise. */
  public static String forCsv(String text) {
    return needsNeutralising(text) ? "'" + text : text;
  }
}
