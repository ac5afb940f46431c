package uk.gov.tfwh.programme.period;

import java.io.Serializable;
import java.time.LocalDate;

/** A UK government financial year, April to March, named by the calendar year it starts in. */
public record FinancialYear(int startYear) implements Comparable<FinancialYear>, Serializable {

  public static FinancialYear containing(LocalDate date) {
    return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
  }

  /** Parses {@code 2012/13} or {@code 2012-13}. */
  public static FinancialYear parse(String text) {
    String trimmed = text.trim();
    if (!trimmed.matches("\\d{4}[/-]\\d{2}")) {
      throw new IllegalArgumentException("'" + text + "' is not a financial year such as 2012/13");
    }
    int start = Integer.parseInt(trimmed.substring(0, 4));
    int end = Integer.parseInt(trimmed.substring(5));
    if ((start + 1) % 100 != end) {
      throw new IllegalArgumentException("'" + text + "' is not a financial year such as 2012/13");
    }
    return new FinancialYear(start);
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, 4, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  /** The label used in tables, such as {@code 2012/13}. */
  public String label() {
    return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
  }

  @Override
  public int compareTo(FinancialYear other) {
    return Integer.compare(startYear, other.startYear);
  }

  @Override
  public String toString() {
    return label();
  }
}
