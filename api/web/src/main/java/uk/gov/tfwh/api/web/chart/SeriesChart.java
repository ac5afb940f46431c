package uk.gov.tfwh.api.web.chart;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a chart of several series of percentages over quarters, drawn as server-side SVG:
 * an authority against its comparators, or authorities side by side. Series are told apart by line
 * style and marker as well as colour (so by more than colour alone), named in a legend, and always
 * paired with a table of the same figures.
 *
 * @param lines one polyline per series, in the order of the legend
 */
public record SeriesChart(
    int width,
    int height,
    int left,
    int right,
    int top,
    int bottom,
    List<Line> lines,
    List<LineChart.Tick> yTicks,
    List<LineChart.Tick> xTicks) {

  public static final int WIDTH = 720;
  public static final int HEIGHT = 360;
  private static final int LEFT = 70;
  private static final int RIGHT = 40;
  private static final int TOP = 20;
  private static final int BOTTOM = 60;

  /** The styles series take in turn: CSS classes of dashed, dotted and solid lines. */
  private static final List<String> STYLES =
      List.of("series-1", "series-2", "series-3", "series-4", "series-5");

  public SeriesChart {
    lines = List.copyOf(lines);
    yTicks = List.copyOf(yTicks);
    xTicks = List.copyOf(xTicks);
  }

  /** One series: its name, its values by quarter (null where it has none). */
  public record Series(String name, List<BigDecimal> values) {
    public Series {
      requireNonNull(name, "name");
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /**
   * One series as drawn.
   *
   * @param points "x,y" points for a {@code polyline} (a gap in the values splits nothing: the line
   *     joins the quarters that have a value)
   * @param dots one marker per value
   * @param style the CSS class that gives its line style and marker
   */
  public record Line(String name, String points, List<LineChart.Point> dots, String style) {}

  public static SeriesChart of(List<String> quarterLabels, List<Series> series) {
    double max = 0;
    for (Series s : series) {
      for (BigDecimal v : s.values()) {
        if (v != null) {
          max = Math.max(max, v.doubleValue());
        }
      }
    }
    long step = LineChart.niceStep(Math.max(max, 1) / 4.0);
    long top = Math.max(step, (long) Math.ceil(max / step) * step);
    int quarters = quarterLabels.size();
    List<Line> lines = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      List<LineChart.Point> dots = new ArrayList<>();
      List<BigDecimal> values = series.get(s).values();
      for (int q = 0; q < values.size(); q++) {
        if (values.get(q) != null) {
          dots.add(new LineChart.Point(x(q, quarters), y(values.get(q).doubleValue(), top)));
        }
      }
      StringBuilder points = new StringBuilder();
      for (LineChart.Point p : dots) {
        if (!points.isEmpty()) {
          points.append(' ');
        }
        points.append(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
      }
      lines.add(
          new Line(series.get(s).name(), points.toString(), dots, STYLES.get(s % STYLES.size())));
    }
    List<LineChart.Tick> yTicks = new ArrayList<>();
    for (long v = 0; v <= top; v += step) {
      yTicks.add(new LineChart.Tick(y(v, top), v + "%"));
    }
    List<LineChart.Tick> xTicks = new ArrayList<>();
    int every = Math.max(1, (quarters + 7) / 8);
    for (int i = 0; i < quarters; i += every) {
      xTicks.add(new LineChart.Tick(x(i, quarters), quarterLabels.get(i)));
    }
    return new SeriesChart(
        WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, lines, yTicks, xTicks);
  }

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  private static double x(int quarter, int quarters) {
    double span = (WIDTH - RIGHT) - LEFT;
    return quarters <= 1 ? LEFT : LEFT + span * quarter / (quarters - 1);
  }

  private static double y(double value, long top) {
    double span = (HEIGHT - BOTTOM) - TOP;
    return (HEIGHT - BOTTOM) - span * value / top;
  }
}
