package uk.gov.tfwh.returns.sheet;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One cell as the file typed it. CSV cells are always {@link Text}; XLSX cells keep their type, so
 * a date cell arrives as a {@link DateTime} and a number as a {@link Numeric} and is never
 * re-parsed from a display format. An empty or absent cell is an empty {@link Text}. A formula is
 * read by the value the workbook saved with it, never evaluated; one saved without a value is an
 * {@link UnsavedFormula}, and one whose formula failed is a {@link FormulaError}: neither is a
 * value, and no column accepts them.
 */
public sealed interface CellValue
    permits CellValue.Text, CellValue.Numeric, CellValue.DateTime, CellValue.NoValue {
  CellValue BLANK = new Text("");

  /**
   * A text cell's text as a cell: text, or the error it names. A spreadsheet saving a sheet as CSV
   * writes a failed formula's error in place of its value (a lookup that found nothing writes
   * {@code #N/A}); the same text typed or pasted into a workbook is taken the same way, so one rule
   * holds for every file.
   */
  static CellValue ofText(String text) {
    Optional<FormulaError> error = FormulaError.named(text);
    return error.isPresent() ? error.get() : new Text(text);
  }

  /** True when the cell holds nothing but white space. */
  boolean isBlank();

  /**
   * True when the file holds no value for the cell but says one was meant: a formula saved without
   * its value, or one that failed. Every column refuses such a cell, even one that takes any text.
   */
  default boolean isUnknown() {
    return false;
  }

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
   * A cell that the file says should hold a value but that holds none: neither blank nor any value,
   * so every column refuses it.
   */
  sealed interface NoValue extends CellValue permits UnsavedFormula, FormulaError {
    @Override
    default boolean isBlank() {
      return false;
    }

    @Override
    default boolean isUnknown() {
      return true;
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
  record UnsavedFormula(String formula) implements NoValue {
    public UnsavedFormula {
      requireNonNull(formula, "formula");
    }

    @Override
    public String asText() {
      return formula.isEmpty() ? "a shared formula" : "=" + formula;
    }
  }

  /**
   * The error a spreadsheet formula gave instead of a value ({@code #N/A}, {@code #REF!}, ...): an
   * XLSX cell of type {@code e}, or a text cell that is exactly one of these names. Its value is
   * unknown, so every column refuses it; a free-text column would otherwise take "#N/A" as, say,
   * the senior responsible owner's sign-off.
   *
   * @param code the error's name as the spreadsheet writes it, for example {@code #N/A}
   */
  record FormulaError(String code) implements NoValue {
    /**
     * Excel's error values (also those of LibreOffice and Google Sheets when saved as XLSX/CSV).
     */
    private static final Set<String> CODES =
        Set.of(
            "#N/A",
            "#VALUE!",
            "#REF!",
            "#DIV/0!",
            "#NUM!",
            "#NAME?",
            "#NULL!",
            "#SPILL!",
            "#CALC!",
            "#FIELD!",
            "#BLOCKED!",
            "#CONNECT!",
            "#BUSY!",
            "#UNKNOWN!",
            "#GETTING_DATA",
            "#PYTHON!");

    public FormulaError {
      requireNonNull(code, "code");
    }

    /** The error a text names, ignoring case and surrounding white space, if it names one. */
    public static Optional<FormulaError> named(String text) {
      // Called for every text cell read, and most have no # at all.
      if (text.indexOf('#') < 0) {
        return Optional.empty();
      }
      String code = text.strip().toUpperCase(Locale.ROOT);
      return CODES.contains(code) ? Optional.of(new FormulaError(code)) : Optional.empty();
    }

    /**
     * Whether the code is one of the spreadsheets' own: a workbook's error cell holds whatever text
     * its writer put there, which a message must then quote rather than print.
     */
    public boolean known() {
      return CODES.contains(code);
    }

    @Override
    public String asText() {
      return code;
    }
  }
}
