package uk.gov.tfwh.export.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import uk.gov.tfwh.export.briefing.BriefingFigures.TrajectoryPoint;
import uk.gov.tfwh.export.text.FigureText;

/**
 * England's cumulative families turned around quarter by quarter against the phase's national
 * target, drawn as vector paths (lines, not an image) so it prints sharply at any size: a solid
 * line with markers for the figures, a dashed line for the target, grid lines with their values.
 */
final class TrajectoryChart implements TaggedLayout.Painter {
  private static final float[] BLUE = {0.11f, 0.33f, 0.62f};
  private static final float[] RED = {0.78f, 0.16f, 0.16f};
  private static final int GRID_LINES = 5;

  /** Left of the plot: the value labels and the vertical axis's title. */
  static final float LEFT_SPACE = 62;

  /** Right of the plot: the legend. */
  static final float RIGHT_SPACE = 90;

  private static final float LABEL_SIZE = 7;

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
    float left = x + LEFT_SPACE;
    float plotWidth = width - LEFT_SPACE - RIGHT_SPACE;
    List<String> labels = new java.util.ArrayList<>();
    List<Float> centres = new java.util.ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      labels.add(points.get(i).quarterLabel());
      centres.add(xOf(i, points.size(), left, plotWidth));
    }
    return AxisLabels.place(
        labels, centres, text -> PdfText.width(fonts.regular(), LABEL_SIZE, text));
  }

  @Override
  public void paint(PDPageContentStream out, float x, float y, float width, float height)
      throws IOException {
    float left = x + LEFT_SPACE;
    float bottom = y + 36;
    float plotWidth = width - LEFT_SPACE - RIGHT_SPACE;
    float plotHeight = height - 44;
    long max = 1;
    for (TrajectoryPoint p : points) {
      max = Math.max(max, Math.max(p.turnedAround(), p.target()));
    }
    long step = niceStep(max / (double) GRID_LINES);
    long top = step * (long) Math.ceil(max * 1.05 / step);

    out.setLineWidth(0.4f);
    out.setStrokingColor(0.8f, 0.8f, 0.8f);
    for (long v = 0; v <= top; v += step) {
      float gy = bottom + plotHeight * v / top;
      out.moveTo(left, gy);
      out.lineTo(left + plotWidth, gy);
      out.stroke();
      String label = FigureText.count(v);
      label(out, 7, left - 4 - PdfText.width(fonts.regular(), 7, label), gy - 2.5f, label);
    }
    out.setStrokingColor(0.3f, 0.3f, 0.3f);
    out.setLineWidth(0.8f);
    out.moveTo(left, bottom);
    out.lineTo(left + plotWidth, bottom);
    out.moveTo(left, bottom);
    out.lineTo(left, bottom + plotHeight);
    out.stroke();

    int n = points.size();
    for (AxisLabels.Placed label : quarterLabels(x, width)) {
      label(out, LABEL_SIZE, label.left(), bottom - 11, label.text());
    }
    String quarterTitle = "Quarter";
    label(
        out,
        7.5f,
        left + (plotWidth - PdfText.width(fonts.regular(), 7.5f, quarterTitle)) / 2,
        bottom - 26,
        quarterTitle);
    // The value axis's title, read bottom to top beside the values.
    out.beginText();
    out.setFont(fonts.regular(), 7.5f);
    out.setTextMatrix(
        org.apache.pdfbox.util.Matrix.getRotateInstance(
            Math.PI / 2,
            x + 9,
            bottom + (plotHeight - PdfText.width(fonts.regular(), 7.5f, valueTitle)) / 2));
    out.showText(PdfText.printable(fonts.regular(), valueTitle));
    out.endText();

    // The target: dashed.
    out.setStrokingColor(RED[0], RED[1], RED[2]);
    out.setLineWidth(1.2f);
    out.setLineDashPattern(new float[] {4, 3}, 0);
    if (n == 1) {
      float ty = bottom + plotHeight * points.get(0).target() / top;
      out.moveTo(left, ty);
      out.lineTo(left + plotWidth, ty);
    } else {
      for (int i = 0; i < n; i++) {
        float px = xOf(i, n, left, plotWidth);
        float py = bottom + plotHeight * points.get(i).target() / top;
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
      float ty = bottom + plotHeight * target / top;
      String targetLabel = "Target: " + FigureText.count(target);
      out.setNonStrokingColor(RED[0], RED[1], RED[2]);
      label(
          out,
          7,
          left + plotWidth - PdfText.width(fonts.regular(), 7, targetLabel),
          Math.min(ty + 3, bottom + plotHeight + 2),
          targetLabel);
      out.setNonStrokingColor(0f, 0f, 0f);
    }

    // The figures: solid, with a marker per quarter.
    out.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    out.setNonStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    out.setLineWidth(1.8f);
    for (int i = 0; i < n; i++) {
      float px = xOf(i, n, left, plotWidth);
      float py = bottom + plotHeight * points.get(i).turnedAround() / top;
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
      float px = xOf(i, n, left, plotWidth);
      float py = bottom + plotHeight * points.get(i).turnedAround() / top;
      out.addRect(px - 2, py - 2, 4, 4);
    }
    out.fill();
    out.setNonStrokingColor(0f, 0f, 0f);

    float legendX = left + plotWidth + 10;
    float legendY = bottom + plotHeight - 10;
    out.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    out.setLineWidth(1.8f);
    out.moveTo(legendX, legendY + 3);
    out.lineTo(legendX + 16, legendY + 3);
    out.stroke();
    label(out, 7.5f, legendX + 20, legendY, "Reported");
    out.setStrokingColor(RED[0], RED[1], RED[2]);
    out.setLineWidth(1.2f);
    out.setLineDashPattern(new float[] {4, 3}, 0);
    out.moveTo(legendX, legendY - 11);
    out.lineTo(legendX + 16, legendY - 11);
    out.stroke();
    out.setLineDashPattern(new float[] {}, 0);
    label(out, 7.5f, legendX + 20, legendY - 14, "Target");
    out.setStrokingColor(0f, 0f, 0f);
  }

  private static float xOf(int i, int n, float left, float width) {
    return n == 1 ? left + width / 2 : left + 8 + (width - 16) * i / (n - 1);
  }

  private void label(PDPageContentStream out, float size, float x, float y, String text)
      throws IOException {
    out.beginText();
    out.setFont(fonts.regular(), size);
    out.newLineAtOffset(x, y);
    out.showText(text);
    out.endText();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static long niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (int m : new int[] {1, 2, 5, 10}) {
      if (m * power >= raw) {
        return Math.max(1, (long) (m * power));
      }
    }
    return Math.max(1, (long) (10 * power));
  }
}
