package uk.gov.tfwh.api.web.chart;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a line chart drawn as server-side SVG: a reported series (solid), its projection
 * (dashed, starting from the last reported point) and a target line, over quarters on the x axis.
 * The page always shows the same figures in a table beside it; the chart is a picture of that
 * table, hidden from nobody but described by its title.
 *
 * @param reported "x,y" points of the reported series, for a {@code polyline}
 * @param projected "x,y" points of the projection, starting at the last reported point; empty when
 *     there is none
 * @param dots one marker per reported quarter
 * @param targetY the target line's y, or -1 when there is no target
 */
public record LineChart(
    int width,
    int height,
    int left,
    int right,
    int top,
    int bottom,
    String reported,
    String projected,
    List<Point> dots,
    double targetY,
    List<Tick> yTicks,
    List<Tick> xTicks) {

  public static final int WIDTH = 720;
  public static final int HEIGHT = 360;
  private static final int LEFT = 70;
  // Room for half of the last quarter's label ("2020Q1" at 14px is about 50px wide), centred on
  // the right edge of the plot.
  private static final int RIGHT = 40;
  private static final int TOP = 20;
  private static final int BOTTOM = 60;

  public LineChart {
    requireNonNull(reported, "reported");
    requireNonNull(projected, "projected");
    dots = List.copyOf(dots);
    yTicks = List.copyOf(yTicks);
    xTicks = List.copyOf(xTicks);
  }

  /** A point on the chart, in SVG coordinates. */
  public record Point(double x, double y) {}

  /** An axis label at a position along its axis. */
  public record Tick(double at, String label) {}

  /** A value of a series at one quarter of the x axis. */
  public record Value(int quarter, long value) {}

  /**
   * Lays out the chart.
   *
   * @param quarterLabels every quarter of the x axis, in order
   * @param reported reported values by quarter position
   * @param projected projected values by quarter position (after the last reported one)
   * @param target the target, or null
   */
  public static LineChart of(
      List<String> quarterLabels, List<Value> reported, List<Value> projected, Long target) {
    long max = target == null ? 0 : target;
    for (Value v : reported) {
      max = Math.max(max, v.value());
    }
    for (Value v : projected) {
      max = Math.max(max, v.value());
    }
    long step = niceStep(Math.max(max, 1) / 4.0);
    long top = Math.max(step, ((max + step - 1) / step) * step);
    Scale scale = new Scale(quarterLabels.size(), top);
    List<Point> dots = new ArrayList<>();
    for (Value v : reported) {
      dots.add(scale.point(v));
    }
    List<Point> projectedPoints = new ArrayList<>();
    if (!projected.isEmpty() && !dots.isEmpty()) {
      projectedPoints.add(dots.get(dots.size() - 1));
      for (Value v : projected) {
        projectedPoints.add(scale.point(v));
      }
    }
    List<Tick> yTicks = new ArrayList<>();
    for (long y = 0; y <= top; y += step) {
      yTicks.add(new Tick(scale.y(y), String.format(Locale.UK, "%,d", y)));
    }
    List<Tick> xTicks = new ArrayList<>();
    int every = Math.max(1, (quarterLabels.size() + 7) / 8);
    for (int i = 0; i < quarterLabels.size(); i += every) {
      xTicks.add(new Tick(scale.x(i), quarterLabels.get(i)));
    }
    return new LineChart(
        WIDTH,
        HEIGHT,
        LEFT,
        WIDTH - RIGHT,
        TOP,
        HEIGHT - BOTTOM,
        polyline(dots),
        polyline(projectedPoints),
        dots,
        target == null ? -1 : scale.y(target),
        yTicks,
        xTicks);
  }

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  private static String polyline(List<Point> points) {
    StringBuilder text = new StringBuilder();
    for (Point p : points) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
    }
    return text.toString();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static long niceStep(double rough) {
    long power = 1;
    while (power * 10 <= rough) {
      power *= 10;
    }
    for (long m : new long[] {1, 2, 5, 10}) {
      if (m * power >= rough) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private record Scale(int quarters, long top) {
    double x(int quarter) {
      double span = (WIDTH - RIGHT) - LEFT;
      return quarters <= 1 ? LEFT : LEFT + span * quarter / (quarters - 1);
    }

    double y(long value) {
      double span = (HEIGHT - BOTTOM) - TOP;
      return (HEIGHT - BOTTOM) - span * value / top;
    }

    Point point(Value v) {
      return new Point(x(v.quarter()), y(v.value()));
    }
  }
}
