package uk.gov.tfwh.exports.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the briefing writes figures, the way GOV.UK statistics do: thousands separated by commas,
 * percentages to one decimal place (as the warehouse rounds them, never re-rounded), money in whole
 * pounds, dates in words, an explicit sign on changes. Empty (an en dash) for no figure.
 */
public final class FigureText {
  public static final String NONE = "–";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMMM uuuu HH:mm:ss 'UTC'", Locale.UK);

  private FigureText() {}

  public static String count(long value) {
    return grouped().format(value);
  }

  public static String count(Long value) {
    return value == null ? NONE : count(value.longValue());
  }

  public static String signedCount(Long value) {
    if (value == null) {
      return NONE;
    }
    return (value > 0 ? "+" : value < 0 ? "−" : "") + count(Math.abs(value));
  }

  /** A percentage as the warehouse holds it (one decimal place), such as {@code 20.0%}. */
  public static String percent(BigDecimal value) {
    return value == null ? NONE : value.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A change in percentage points, such as {@code +3.1 pts}. */
  public static String points(BigDecimal value) {
    if (value == null) {
      return NONE;
    }
    BigDecimal scaled = value.setScale(1, RoundingMode.HALF_UP);
    String sign = scaled.signum() > 0 ? "+" : scaled.signum() < 0 ? "−" : "";
    return sign + scaled.abs().toPlainString() + " pts";
  }

  /** Money in pounds and pence, such as {@code £1,234,567.00}. */
  public static String money(BigDecimal value) {
    if (value == null) {
      return NONE;
    }
    DecimalFormat format = grouped();
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return "£" + format.format(value);
  }

  /**
   * Money rounded for reading in running text, as GOV.UK statistics write it: {@code £393.0m} from
   * a million, {@code £45k} from a thousand, whole pounds below. The exact figure goes in a table.
   */
  public static String roundedMoney(BigDecimal value) {
    if (value == null) {
      return NONE;
    }
    BigDecimal abs = value.abs();
    String sign = value.signum() < 0 ? "−" : "";
    if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
      return sign
          + "£"
          + abs.divide(BigDecimal.valueOf(1_000_000))
              .setScale(1, RoundingMode.HALF_UP)
              .toPlainString()
          + "m";
    }
    if (abs.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
      return sign
          + "£"
          + abs.divide(BigDecimal.valueOf(1_000)).setScale(0, RoundingMode.HALF_UP).toPlainString()
          + "k";
    }
    return sign + "£" + abs.setScale(0, RoundingMode.HALF_UP).toPlainString();
  }

  public static String date(LocalDate date) {
    return date == null ? NONE : DATE.format(date);
  }

  public static String time(Instant instant) {
    return instant == null ? NONE : TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static DecimalFormat grouped() {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
  }
}
