package uk.gov.tfwh.exports.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import uk.gov.tfwh.exports.briefing.BriefingFigures.TrajectoryPoint;
import uk.gov.tfwh.exports.text.FigureText;

/**
 * England's cumulative families turned around quarter by quarter against the phase's national
 * target, drawn as vector paths (lines, not an image) so it prints sharply at any size: a solid
 * line with markers for the figures, a dashed line for the target, grid lines with their values.
 */
final class TrajectoryChart implements TaggedLayout.Painter {
  private static final float[] BLUE = ChartFrame.BLUE;
  private static final float[] RED = ChartFrame.RED;

  /** Left of the plot: the value labels and the vertical axis's title. */
  static final float LEFT_SPACE = 62;

  /** Right of the plot: the legend. */
  static final float RIGHT_SPACE = 90;

  private final List<TrajectoryPoint> points;
  private final PdfFonts fonts;
  private final String valueTitle;

  /**
   * @param valueTitle the vertical axis's title, such as "Turned around (cumulative)"
   */
  TrajectoryChart(List<TrajectoryPoint> points, PdfFonts fonts, String valueTitle) {
    this.points = List.copyOf(points);
    this.fonts = requireNonNull(fonts, "fonts");
    this.valueTitle = requireNonNull(valueTitle, "valueTitle");
  }

  /** The quarter labels as drawn on a chart of {@code width} points: placed so none overlap. */
  List<AxisLabels.Placed> quarterLabels(float x, float width) {
    return ChartFrame.quarterLabels(
        fonts, x + LEFT_SPACE, width - LEFT_SPACE - RIGHT_SPACE, labels());
  }

  private List<String> labels() {
    return points.stream().map(TrajectoryPoint::quarterLabel).toList();
  }

  @Override
  public void paint(PDPageContentStream out, float x, float y, float width, float height)
      throws IOException {
    long max = 1;
    for (TrajectoryPoint p : points) {
      max = Math.max(max, Math.max(p.turnedAround(), p.target()));
    }
    ChartFrame frame =
        new ChartFrame(
            fonts,
            x + LEFT_SPACE,
            y + 36,
            width - LEFT_SPACE - RIGHT_SPACE,
            height - 44,
            max,
            1.05);
    frame.drawGrid(out);
    frame.drawAxes(out, labels(), "Quarter", valueTitle, x + 9);
    int n = points.size();

    // The target: dashed.
    out.setStrokingColor(RED[0], RED[1], RED[2]);
    out.setLineWidth(1.2f);
    out.setLineDashPattern(new float[] {4, 3}, 0);
    if (n == 1) {
      float ty = frame.y(points.get(0).target());
      out.moveTo(frame.left(), ty);
      out.lineTo(frame.right(), ty);
    } else {
      for (int i = 0; i < n; i++) {
        float px = frame.x(i, n);
        float py = frame.y(points.get(i).target());
        if (i == 0) {
          out.moveTo(px, py);
        } else {
          out.lineTo(px, py);
        }
      }
    }
    out.stroke();
    out.setLineDashPattern(new float[] {}, 0);
    if (n > 0) {
      long target = points.get(n - 1).target();
      String targetLabel = "Target: " + FigureText.count(target);
      out.setNonStrokingColor(RED[0], RED[1], RED[2]);
      frame.text(
          out,
          ChartFrame.LABEL,
          frame.right() - PdfText.width(fonts.regular(), ChartFrame.LABEL, targetLabel),
          Math.min(frame.y(target) + 3, frame.plotTop() + 2),
          targetLabel);
      out.setNonStrokingColor(0f, 0f, 0f);
    }

    // The figures: solid, with a marker per quarter.
    out.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    out.setNonStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    out.setLineWidth(1.8f);
    for (int i = 0; i < n; i++) {
      float px = frame.x(i, n);
      float py = frame.y(points.get(i).turnedAround());
      if (i == 0) {
        out.moveTo(px, py);
      } else {
        out.lineTo(px, py);
      }
    }
    if (n > 1) {
      out.stroke();
    }
    for (int i = 0; i < n; i++) {
      out.addRect(frame.x(i, n) - 2, frame.y(points.get(i).turnedAround()) - 2, 4, 4);
    }
    out.fill();
    out.setNonStrokingColor(0f, 0f, 0f);

    frame.legend(
        out,
        10,
        List.of(
            new ChartFrame.LegendKey(BLUE, 1.8f, false, List.of("Reported")),
            new ChartFrame.LegendKey(RED, 1.2f, true, List.of("Target"))));
  }
}
