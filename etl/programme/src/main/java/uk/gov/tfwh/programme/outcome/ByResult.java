package uk.gov.tfwh.programme.outcome;

import static java.util.Objects.requireNonNull;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Figures kept by result, one per {@link ClaimResult} given: counts of families or claims ({@link
 * #counts}) or amounts in pounds ({@link #pounds}). A result that was not given reads as zero, as
 * the results a phase does not have are; {@link #has} tells the two apart where a missing figure is
 * an error. No figure is negative.
 *
 * <p>Immutable, equal to another holding the same figures for the same results, and serializable:
 * Spark ships the payments' inputs and outputs to its executors.
 *
 * @param <V> the figure: {@code Long} for counts, {@code BigDecimal} for pounds
 */
public final class ByResult<V extends Comparable<V> & Serializable> implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private static final BigDecimal NO_POUNDS = BigDecimal.ZERO.setScale(2);

  /** An unmodifiable {@link EnumMap}: in the results' declaration order. */
  private final Map<ClaimResult, V> figures;

  private final V zero;

  private ByResult(Map<ClaimResult, V> figures, V zero) {
    requireNonNull(figures, "figures");
    requireNonNull(zero, "zero");
    Map<ClaimResult, V> copy = new EnumMap<>(ClaimResult.class);
    figures.forEach(
        (result, figure) -> {
          requireNonNull(result, "a figure's result");
          requireNonNull(figure, () -> "the " + result.label() + " figure");
          if (figure.compareTo(zero) < 0) {
            throw new IllegalArgumentException(
                result.label() + " figure must not be negative, not " + figure);
          }
          copy.put(result, figure);
        });
    this.figures = Collections.unmodifiableMap(copy);
    this.zero = zero;
  }

  /** Counts by result, e.g. {@code counts(Map.of(SUSTAINED_PROGRESS, 10L))}; others read 0. */
  public static ByResult<Long> counts(Map<ClaimResult, Long> counts) {
    return new ByResult<>(counts, 0L);
  }

  /** Amounts in pounds by result; a result not given reads as £0.00. */
  public static ByResult<BigDecimal> pounds(Map<ClaimResult, BigDecimal> amounts) {
    return new ByResult<>(amounts, NO_POUNDS);
  }

  /** The result's figure, or zero if none was given for it. */
  public V get(ClaimResult result) {
    return figures.getOrDefault(requireNonNull(result, "result"), zero);
  }

  /** True if a figure (perhaps zero) was given for the result. */
  public boolean has(ClaimResult result) {
    return figures.containsKey(requireNonNull(result, "result"));
  }

  /** The figures given, unmodifiable, in the results' declaration order. */
  public Map<ClaimResult, V> asMap() {
    return figures;
  }

  /**
   * The sum of the figures given, zero if none.
   *
   * @param plus how two figures add, e.g. {@code Math::addExact} for counts or {@code
   *     BigDecimal::add} for pounds
   */
  public V sum(BinaryOperator<V> plus) {
    requireNonNull(plus, "plus");
    return figures.values().stream().reduce(zero, plus);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByResult<?> that
        && figures.equals(that.figures)
        && zero.equals(that.zero);
  }

  @Override
  public int hashCode() {
    return figures.hashCode();
  }

  @Override
  public String toString() {
    return figures.toString();
  }

  /** A deserialized copy is checked as a constructed one is. */
  @Serial
  private Object readResolve() {
    return new ByResult<>(figures, zero);
  }
}
