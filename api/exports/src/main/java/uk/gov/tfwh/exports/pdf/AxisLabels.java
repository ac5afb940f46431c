package uk.gov.tfwh.exports.pdf;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Which quarter labels a chart's horizontal axis shows, and where, so that no two overlap: every
 * label is centred under its point, the first and the last are always shown, and the others at the
 * smallest regular step (every label, every second, every third...) that leaves at least {@link
 * #GAP} points between neighbours. Where the last label would crowd the one before it, that one is
 * dropped instead. One rule for every chart of every document (phase 1's 13 quarters and phase 2's
 * 23 alike), tested on its own.
 */
public final class AxisLabels {
  /** The least space between two labels, in points. */
  public static final float GAP = 4;

  private AxisLabels() {}

  /** A label placed on the axis: its text, its left edge and its width, in points. */
  public record Placed(String text, float left, float width) {
    public Placed {
      requireNonNull(text, "text");
    }

    public float right() {
      return left + width;
    }
  }

  /** How wide a text is drawn, in points. */
  @FunctionalInterface
  public interface Measure {
    float width(String text);
  }

  /**
   * @param labels one per point, in order
   * @param centres the x of each point, increasing
   * @param measure the width of a label as drawn
   */
  public static List<Placed> place(List<String> labels, List<Float> centres, Measure measure) {
    if (labels.size() != centres.size()) {
      throw new IllegalArgumentException("a label per point");
    }
    int n = labels.size();
    for (int step = 1; step <= Math.max(1, n); step++) {
      List<Placed> placed = new ArrayList<>();
      for (int i = 0; i < n; i += step) {
        placed.add(at(labels, centres, measure, i));
      }
      if (n > 0 && (n - 1) % step != 0) {
        Placed last = at(labels, centres, measure, n - 1);
        // The last quarter is the one a reader looks for: it stays, its crowding neighbour goes.
        while (!placed.isEmpty()
            && placed.size() > 1
            && placed.get(placed.size() - 1).right() + GAP > last.left()) {
          placed.remove(placed.size() - 1);
        }
        placed.add(last);
      }
      if (clear(placed)) {
        return placed;
      }
    }
    return n == 0 ? List.of() : List.of(at(labels, centres, measure, n - 1));
  }

  /** Whether no two labels come closer than {@link #GAP}. */
  public static boolean clear(List<Placed> placed) {
    for (int i = 1; i < placed.size(); i++) {
      if (placed.get(i - 1).right() + GAP > placed.get(i).left()) {
        return false;
      }
    }
    return true;
  }

  private static Placed at(List<String> labels, List<Float> centres, Measure measure, int i) {
    float width = measure.width(labels.get(i));
    return new Placed(labels.get(i), centres.get(i) - width / 2, width);
  }
}
