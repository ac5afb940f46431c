package uk.gov.tfwh.returns.sheet;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One cell as the file typed it. CSV cells are always {@link Text}; XLSX cells keep their type, so
 * a date cell arrives as a {@link DateTime} and a number as a {@link Numeric} and is never
 * re-parsed from a display format. An empty or absent cell is an empty {@link Text}. A formula is
 * read by the value the workbook saved with it, never evaluated; one saved without a value is an
 * {@link UnsavedFormula}, which no column accepts.
 */
public sealed interface CellValue
    permits CellValue.Text, CellValue.Numeric, CellValue.DateTime, CellValue.UnsavedFormula {
  CellValue BLANK = new Text("");

  /** True when the cell holds nothing but white space. */
  boolean isBlank();

  /** The value as text, for free-text columns and for messages. */
  String asText();

  /** A text cell, exactly as given. */
  record Text(String value) implements CellValue {
    public Text {
      requireNonNull(value, "value");
    }

    @Override
    public boolean isBlank() {
      return value.isBlank();
    }

    @Override
    public String asText() {
      return value;
    }
  }

  /** A numeric XLSX cell, exactly as stored (not as displayed). */
  record Numeric(BigDecimal value) implements CellValue {
    public Numeric {
      requireNonNull(value, "value");
    }

    @Override
    public boolean isBlank() {
      return false;
    }

    @Override
    public String asText() {
      return value.stripTrailingZeros().toPlainString();
    }
  }

  /** A numeric XLSX cell formatted as a date or time. */
  record DateTime(LocalDateTime value) implements CellValue {
    public DateTime {
      requireNonNull(value, "value");
    }

    @Override
    public boolean isBlank() {
      return false;
    }

    @Override
    public String asText() {
      return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
          ? value.toLocalDate().toString()
          : value.toString();
    }
  }

  /**
   * An XLSX formula cell saved without its value, as programs that write workbooks without
   * calculating them do (a script's library, for example). Its value is unknown, so it is neither
   * blank nor any value: every column refuses it and says why. Never evaluated: the formula is kept
   * only to be shown.
   *
   * @param formula the formula's text without its leading {@code =}; empty for a cell that shares
   *     another cell's formula
   */
  record UnsavedFormula(String formula) implements CellValue {
    public UnsavedFormula {
      requireNonNull(formula, "formula");
    }

    @Override
    public boolean isBlank() {
      return false;
    }

    @Override
    public String asText() {
      return formula.isEmpty() ? "a shared formula" : "=" + formula;
    }
  }
}
