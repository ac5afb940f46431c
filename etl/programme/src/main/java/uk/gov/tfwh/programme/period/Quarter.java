package uk.gov.tfwh.programme.period;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A calendar quarter, identified by its last day (the contract's {@code period_end}). */
public record Quarter(LocalDate end) implements Comparable<Quarter>, Serializable {

  public Quarter {
    requireNonNull(end, "end");
    if (!isQuarterEnd(end)) {
      throw new IllegalArgumentException(end + " is not the last day of a calendar quarter");
    }
  }

  public static Quarter endingOn(LocalDate end) {
    return new Quarter(end);
  }

  /** The quarter with the given number (1 to 4) of a calendar year. */
  public static Quarter of(int year, int quarterOfYear) {
    if (quarterOfYear < 1 || quarterOfYear > 4) {
      throw new IllegalArgumentException("quarter of year must be 1 to 4, not " + quarterOfYear);
    }
    return new Quarter(YearMonth.of(year, quarterOfYear * 3).atEndOfMonth());
  }

  /** The quarter a day falls in. */
  public static Quarter containing(LocalDate day) {
    requireNonNull(day, "day");
    return of(day.getYear(), (day.getMonthValue() + 2) / 3);
  }

  /** Parses a label such as {@code 2013Q3} or a date such as {@code 2013-09-30}. */
  public static Quarter parse(String text) {
    requireNonNull(text, "text");
    String trimmed = text.trim();
    if (trimmed.matches("\\d{4}[Qq][1-4]")) {
      return of(
          Integer.parseInt(trimmed.substring(0, 4)), Character.getNumericValue(trimmed.charAt(5)));
    }
    try {
      return new Quarter(LocalDate.parse(trimmed));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is neither a quarter such as 2013Q3 nor a quarter-end date", e);
    }
  }

  public static boolean isQuarterEnd(LocalDate date) {
    return date.getMonthValue() % 3 == 0
        && date.getDayOfMonth() == YearMonth.from(date).lengthOfMonth();
  }

  public LocalDate start() {
    return end.withDayOfMonth(1).minusMonths(2);
  }

  public int year() {
    return end.getYear();
  }

  public int quarterOfYear() {
    return end.getMonthValue() / 3;
  }

  public Quarter previous() {
    return new Quarter(YearMonth.from(end).minusMonths(3).atEndOfMonth());
  }

  public Quarter next() {
    return new Quarter(YearMonth.from(end).plusMonths(3).atEndOfMonth());
  }

  /**
   * How many quarters from this one to {@code other}: 1 for the next quarter, negative if before.
   */
  public int quartersUntil(Quarter other) {
    requireNonNull(other, "other");
    long months = YearMonth.from(end).until(YearMonth.from(other.end), ChronoUnit.MONTHS);
    return Math.toIntExact(months / 3);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start()) && !date.isAfter(end);
  }

  public FinancialYear financialYear() {
    return FinancialYear.containing(end);
  }

  public boolean isBefore(Quarter other) {
    return end.isBefore(other.end);
  }

  public boolean isAfter(Quarter other) {
    return end.isAfter(other.end);
  }

  /** The months it spans, as a reader says them: {@code July to September 2013}. */
  public String months() {
    return start().getMonth().getDisplayName(TextStyle.FULL, Locale.UK)
        + " to "
        + end.getMonth().getDisplayName(TextStyle.FULL, Locale.UK)
        + " "
        + year();
  }

  /** The label used in file names, URLs and tables, such as {@code 2013Q3}. */
  public String label() {
    return year() + "Q" + quarterOfYear();
  }

  @Override
  public int compareTo(Quarter other) {
    return end.compareTo(other.end);
  }

  @Override
  public String toString() {
    return label();
  }
}
