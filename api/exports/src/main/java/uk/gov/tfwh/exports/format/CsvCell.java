package uk.gov.tfwh.exports.format;

import java.math.BigDecimal;

/**
 * One CSV field, the same in every CSV the service writes (the API's for programs, the exports' and
 * the pages' for people): empty for null, numbers and booleans as they are (plain decimals, so a
 * negative change stays a number), dates and instants in ISO 8601, text neutralised by {@link
 * FormulaSafeText}, and quoted by RFC 4180 when it holds a comma, quote, CR or LF (quotes doubled).
 */
public final class CsvCell {
  private CsvCell() {}

  public static String of(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    String text =
        value instanceof CharSequence chars
            ? FormulaSafeText.neutralise(chars.toString())
            : value.toString();
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\r') >= 0
            || text.indexOf('\n') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
