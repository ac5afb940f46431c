package uk.gov.tfwh.generator.plan;

import java.util.Arrays;

/**
 * A cumulative national figure by quarter of a phase, as a fraction of its final value, read
 * between quarters by straight lines. Shifting the position in quarters (an authority's lag) gives
 * a related but different trajectory that still rises monotonically.
 */
public final class Curve {
  private final double[] fractions;
  private final double last;

  private Curve(double[] fractions, double last) {
    this.fractions = fractions;
    this.last = last;
  }

  /**
   * The curve through these national values, one per quarter of the phase, rising to the last.
   *
   * @throws IllegalArgumentException when the values fall or the last is not positive
   */
  public static Curve through(long... values) {
    double last = values[values.length - 1];
    if (last <= 0) {
      throw new IllegalArgumentException("a curve must end above 0");
    }
    double[] fractions = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      if (i > 0 && values[i] < values[i - 1]) {
        throw new IllegalArgumentException(
            "a cumulative curve cannot fall: " + Arrays.toString(values));
      }
      fractions[i] = values[i] / last;
    }
    return new Curve(fractions, last);
  }

  /** The fraction of the final value reached at a (fractional) quarter index. */
  public double at(double position) {
    if (position >= fractions.length - 1) {
      return 1.0;
    }
    if (position < 0) {
      // Before the first quarter the figure fades to nothing over one quarter.
      return fractions[0] * Math.max(0, 1 + position);
    }
    int below = (int) Math.floor(position);
    double weight = position - below;
    return fractions[below] * (1 - weight) + fractions[below + 1] * weight;
  }

  /** The national value the curve was drawn through at a quarter index. */
  public double valueAt(int quarter) {
    return fractions[quarter] * last;
  }

  public int quarters() {
    return fractions.length;
  }
}
