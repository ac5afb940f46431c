package uk.gov.tfwh.returns.check;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.tfwh.returns.sheet.CellValue;

/**
 * What a refused value most likely meant, said after the refusal so that a sender can correct it at
 * once: a date written day first or with other separators, a spreadsheet's day number, a code in
 * other letters. Never used to accept a value: the contract's formats are exact, and a hint only
 * helps the sender meet them.
 */
final class LikelyMeant {
  private static final Pattern ISO_SHAPED = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final Pattern YEAR_FIRST =
      Pattern.compile("([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})");
  private static final Pattern DAY_FIRST =
      Pattern.compile("([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})");
  private static final Pattern DAY_MONTH_NAMED =
      Pattern.compile("([0-9]{1,2})[-/. ]+([A-Za-z]{3,9})[-/. ]+([0-9]{4})");
  private static final Pattern DAY_NUMBER = Pattern.compile("[0-9]{5}");
  private static final Pattern WORD_BREAKS = Pattern.compile("[\\s-]+");

  /** Spreadsheets count days from 1899-12-30 (day 1 is 1900-01-01, after Lotus's leap year). */
  private static final LocalDate DAY_ZERO = LocalDate.of(1899, 12, 30);

  /** Day numbers of the programme's years and a little around them, 2010 to 2029. */
  private static final long FIRST_DAY_NUMBER = 40179;

  private static final long LAST_DAY_NUMBER = 47483;

  private LikelyMeant() {}

  /**
   * A hint for a cell that is not a date, in brackets with a leading space, or "" when nothing is
   * likely: an impossible day of the calendar, a date written day first or year first with other
   * separators, or a spreadsheet's day number (a date column saved as numbers).
   */
  static String date(CellValue cell) {
    if (cell instanceof CellValue.Numeric numeric) {
      return dayNumber(numeric.value());
    }
    if (!(cell instanceof CellValue.Text text)) {
      return "";
    }
    String value = text.value().strip();
    Matcher iso = ISO_SHAPED.matcher(value);
    if (iso.matches()) {
      return noSuchDay(iso.group(1), iso.group(2), iso.group(3));
    }
    Matcher yearFirst = YEAR_FIRST.matcher(value);
    if (yearFirst.matches()) {
      return asIso(yearFirst.group(1), yearFirst.group(2), yearFirst.group(3), "");
    }
    Matcher dayFirst = DAY_FIRST.matcher(value);
    if (dayFirst.matches()) {
      return asIso(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1), "written day first: ");
    }
    Matcher named = DAY_MONTH_NAMED.matcher(value);
    if (named.matches()) {
      return month(named.group(2))
          .map(m -> asIso(named.group(3), Integer.toString(m), named.group(1), ""))
          .orElse("");
    }
    if (DAY_NUMBER.matcher(value).matches()) {
      return dayNumber(new BigDecimal(value));
    }
    return "";
  }

  /**
   * The name a refused code was likely meant to be, when it is one of {@code names} written in
   * other letters or with spaces or hyphens for underscores ({@code sustained progress} for {@code
   * SUSTAINED_PROGRESS}).
   */
  static Optional<String> name(String text, Collection<String> names) {
    String spelled = WORD_BREAKS.matcher(text.strip()).replaceAll("_").toUpperCase(Locale.ROOT);
    return names.stream().filter(spelled::equals).findFirst();
  }

  /** The month an English name or its first three letters names (Sept too), 1 to 12. */
  private static Optional<Integer> month(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
      if (full.equals(lower)
          || full.startsWith(lower) && lower.length() >= 3 && lower.length() <= 4) {
        return Optional.of(month.getValue());
      }
    }
    return Optional.empty();
  }

  private static String noSuchDay(String year, String month, String day) {
    int y = Integer.parseInt(year);
    int m = Integer.parseInt(month);
    if (m < 1 || m > 12) {
      return " (there is no month " + m + ")";
    }
    YearMonth yearMonth = YearMonth.of(y, m);
    int d = Integer.parseInt(day);
    if (d >= 1 && d <= yearMonth.lengthOfMonth()) {
      return ""; // a day that exists: refused for another reason than its calendar
    }
    return " (no such day: "
        + yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.UK)
        + " "
        + y
        + " has "
        + yearMonth.lengthOfMonth()
        + " days)";
  }

  private static String asIso(String year, String month, String day, String how) {
    try {
      LocalDate date =
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return " (" + how + "as YYYY-MM-DD it is " + date + ")";
    } catch (DateTimeException e) {
      return "";
    }
  }

  private static String dayNumber(BigDecimal number) {
    BigDecimal whole = number.stripTrailingZeros();
    if (whole.scale() > 0
        || whole.compareTo(BigDecimal.valueOf(FIRST_DAY_NUMBER)) < 0
        || whole.compareTo(BigDecimal.valueOf(LAST_DAY_NUMBER)) > 0) {
      return "";
    }
    LocalDate date = DAY_ZERO.plusDays(whole.longValueExact());
    return " (a spreadsheet's day number, which is "
        + date
        + ": format the column as dates, or type the date as YYYY-MM-DD)";
  }
}
