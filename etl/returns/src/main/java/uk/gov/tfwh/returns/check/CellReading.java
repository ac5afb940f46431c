package uk.gov.tfwh.returns.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.gov.tfwh.returns.rules.Rule;
import uk.gov.tfwh.returns.sheet.CellValue;

/**
 * Reads the contract's types from cells. Text is read strictly (digits only, ISO dates); a typed
 * XLSX cell is read by its type, so a date cell is a date whatever its display format.
 */
final class CellReading {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
  private static final Pattern LONG_DIGITS = Pattern.compile("[0-9]{19,}");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final String NOT_A_DATE = ", not a date written as YYYY-MM-DD";

  private CellReading() {}

  /** A whole number of 0 or more. */
  static Optional<Long> wholeNumber(CellValue cell) {
    if (cell instanceof CellValue.Text text) {
      String value = text.value().strip();
      return DIGITS.matcher(value).matches()
          ? Optional.of(Long.parseLong(value))
          : Optional.empty();
    }
    if (cell instanceof CellValue.Numeric numeric) {
      BigDecimal value = numeric.value().stripTrailingZeros();
      if (value.signum() >= 0
          && value.scale() <= 0
          && value.compareTo(BigDecimal.valueOf(999_999_999_999_999_999L)) <= 0) {
        return Optional.of(value.longValueExact());
      }
    }
    return Optional.empty();
  }

  /** A calendar date: text {@code YYYY-MM-DD}, or an XLSX date cell with no time of day. */
  static Optional<LocalDate> date(CellValue cell) {
    if (cell instanceof CellValue.Text text) {
      String value = text.value().strip();
      if (!ISO_DATE.matcher(value).matches()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (cell instanceof CellValue.DateTime dateTime
        && dateTime.value().toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return Optional.of(dateTime.value().toLocalDate());
    }
    return Optional.empty();
  }

  /**
   * An ISO 8601 timestamp with its offset. Only text qualifies: a spreadsheet date-time cell has no
   * offset, so the moment it means cannot be known.
   */
  static Optional<OffsetDateTime> timestamp(CellValue cell) {
    if (cell instanceof CellValue.Text text) {
      try {
        return Optional.of(
            OffsetDateTime.parse(text.value().strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A cell that {@link #wholeNumber} refused, for a message: shown, and why it is no count. A whole
   * number too large for a count (more than 18 digits) is said to be so, not "not a whole number".
   */
  static String notACount(CellValue cell) {
    if (cell.isUnknown()) {
      return shown(cell);
    }
    boolean tooLarge =
        cell instanceof CellValue.Text text && LONG_DIGITS.matcher(text.value().strip()).matches()
            || cell instanceof CellValue.Numeric numeric
                && numeric.value().signum() >= 0
                && numeric.value().stripTrailingZeros().scale() <= 0;
    return shown(cell)
        + (tooLarge
            ? ", a whole number too large to be a count (at most 18 digits)"
            : ", not a non-negative whole number"
                + LikelyMeant.count(cell).map(h -> " (" + h + ")").orElse(""));
  }

  /**
   * A cell that {@link #date} refused, for a message: shown, why it is no date, and what it was
   * likely meant to be ({@link LikelyMeant#date}).
   */
  static String notADate(CellValue cell) {
    return shown(cell) + NOT_A_DATE + LikelyMeant.date(cell);
  }

  /**
   * As {@link #notADate}, for a return's {@code period_end}: a quarter or a month written for the
   * date is told the last day to write ({@link LikelyMeant#periodEnd}).
   */
  static String notAPeriodEnd(CellValue cell) {
    return shown(cell) + NOT_A_DATE + LikelyMeant.periodEnd(cell);
  }

  /**
   * How a value appears in a message: quoted text, the kind and value of a typed cell, a formula
   * whose value was not saved (which a sender fixes by typing the value, or by saving the workbook
   * from a program that calculates it), or a formula's error (fixed at the formula).
   */
  static String shown(CellValue cell) {
    if (cell instanceof CellValue.UnsavedFormula formula) {
      return "a formula ("
          + Rule.quote(formula.asText())
          + ") whose value the workbook did not save";
    }
    if (cell instanceof CellValue.FormulaError error) {
      return "the spreadsheet error "
          + (error.known() ? error.code() : Rule.quote(error.code()))
          + ", which a formula gives when it fails, not a value";
    }
    if (cell instanceof CellValue.Numeric numeric) {
      return "the number " + numeric.asText();
    }
    if (cell instanceof CellValue.DateTime dateTime) {
      return "the date " + dateTime.asText();
    }
    return cell.isBlank() ? "an empty cell" : quoted(cell.asText());
  }

  /** A sender's text, quoted, with what it holds that cannot be seen. */
  static String quoted(String text) {
    return Rule.quote(text) + LikelyMeant.unseen(text).map(h -> " (" + h + ")").orElse("");
  }
}
