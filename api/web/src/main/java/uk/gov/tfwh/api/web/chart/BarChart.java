package uk.gov.tfwh.api.web.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars of percentages as server-side SVG, one per labelled row, with the value written
 * at the end of each bar. Always shown beside a table of the same figures.
 */
public record BarChart(int width, int height, int labelWidth, List<Bar> bars) {
  private static final int WIDTH = 720;
  private static final int LABEL_WIDTH = 230;
  private static final int ROW = 30;
  private static final int VALUE_ROOM = 70;

  public BarChart {
    bars = List.copyOf(bars);
  }

  /** One bar: its label, its value as text and its geometry. */
  public record Bar(String label, String value, double y, double length, boolean highlight) {}

  /** A row to draw: its label, its percentage, and whether to draw it in the highlight colour. */
  public record Row(String label, BigDecimal percent, boolean highlight) {}

  public static BarChart of(List<Row> rows) {
    BigDecimal max = BigDecimal.valueOf(100);
    for (Row row : rows) {
      if (row.percent() != null && row.percent().compareTo(max) > 0) {
        max = row.percent();
      }
    }
    double room = WIDTH - LABEL_WIDTH - VALUE_ROOM;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      BigDecimal value = row.percent() == null ? BigDecimal.ZERO : row.percent();
      bars.add(
          new Bar(
              row.label(),
              row.percent() == null ? "no figures" : row.percent().toPlainString() + "%",
              i * ROW,
              room * value.doubleValue() / max.doubleValue(),
              row.highlight()));
    }
    return new BarChart(WIDTH, Math.max(ROW, rows.size() * ROW), LABEL_WIDTH, bars);
  }

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }
}
