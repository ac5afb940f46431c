package uk.gov.tfwh.export.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;
import uk.gov.tfwh.export.text.FigureText;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * One authority's cumulative figure quarter by quarter across its whole phase, drawn as vector
 * paths: the reported figures solid with markers, the programme's projection dashed from the latest
 * figure to the end of the phase, the target a labelled horizontal line, both axes titled. Every
 * quarter of the phase has its place on the axis, so a gap in reporting shows as a gap and the
 * distance still to go shows as space; the labels are placed by {@link AxisLabels}, so none
 * overlap.
 */
final class ProgressChart implements TaggedLayout.Painter {
  private static final float[] BLUE = {0.11f, 0.33f, 0.62f};
  private static final float[] RED = {0.78f, 0.16f, 0.16f};
  private static final int GRID_LINES = 5;
  private static final float LABEL = 7;

  /** A figure at a quarter: reported or projected. */
  record Point(Quarter quarter, long value) {
    Point {
      requireNonNull(quarter, "quarter");
    }
  }

  private final Phase phase;
  private final List<Point> reported;
  private final List<Point> projected;
  private final Integer target;
  private final String valueTitle;
  private final PdfFonts fonts;

  /**
   * @param projected the projection's path, starting after the latest reported quarter
   * @param target the authority's target for the phase, or null
   * @param valueTitle what the vertical axis counts
   */
  ProgressChart(
      Phase phase,
      List<Point> reported,
      List<Point> projected,
      Integer target,
      String valueTitle,
      PdfFonts fonts) {
    this.phase = requireNonNull(phase, "phase");
    this.reported = List.copyOf(reported);
    this.projected = List.copyOf(projected);
    this.target = target;
    this.valueTitle = requireNonNull(valueTitle, "valueTitle");
    this.fonts = requireNonNull(fonts, "fonts");
  }

  @Override
  public void paint(PDPageContentStream out, float x, float y, float width, float height)
      throws IOException {
    float left = x + 58;
    float bottom = y + 34;
    float legendWidth = 112;
    float plotWidth = width - 58 - legendWidth;
    float plotHeight = height - 42;
    List<Quarter> quarters = new ArrayList<>();
    for (Quarter q = phase.firstQuarter(); !q.isAfter(phase.lastQuarter()); q = q.next()) {
      quarters.add(q);
    }
    long max = 1;
    for (Point p : reported) {
      max = Math.max(max, p.value());
    }
    for (Point p : projected) {
      max = Math.max(max, p.value());
    }
    if (target != null) {
      max = Math.max(max, target);
    }
    long step = niceStep(max / (double) GRID_LINES);
    long top = step * (long) Math.ceil(max * 1.08 / step);

    // Grid and its values.
    out.setLineWidth(0.4f);
    out.setStrokingColor(0.82f, 0.82f, 0.82f);
    for (long v = 0; v <= top; v += step) {
      float gy = bottom + plotHeight * v / top;
      out.moveTo(left, gy);
      out.lineTo(left + plotWidth, gy);
      out.stroke();
      String label = FigureText.count(v);
      text(out, LABEL, left - 4 - PdfText.width(fonts.regular(), LABEL, label), gy - 2.5f, label);
    }
    out.setStrokingColor(0.3f, 0.3f, 0.3f);
    out.setLineWidth(0.8f);
    out.moveTo(left, bottom);
    out.lineTo(left + plotWidth, bottom);
    out.moveTo(left, bottom);
    out.lineTo(left, bottom + plotHeight);
    out.stroke();

    // Quarter labels, none overlapping, and the axis titles.
    List<String> labels = new ArrayList<>();
    List<Float> centres = new ArrayList<>();
    for (int i = 0; i < quarters.size(); i++) {
      labels.add(quarters.get(i).label());
      centres.add(xOf(i, quarters.size(), left, plotWidth));
    }
    for (AxisLabels.Placed placed :
        AxisLabels.place(labels, centres, t -> PdfText.width(fonts.regular(), LABEL, t))) {
      text(out, LABEL, placed.left(), bottom - 11, placed.text());
    }
    String xTitle = "Quarter (phase " + phase.number() + ")";
    text(
        out,
        7.5f,
        left + (plotWidth - PdfText.width(fonts.regular(), 7.5f, xTitle)) / 2,
        bottom - 27,
        xTitle);
    float titleWidth = PdfText.width(fonts.regular(), 7.5f, valueTitle);
    out.beginText();
    out.setFont(fonts.regular(), 7.5f);
    out.setTextMatrix(
        Matrix.getRotateInstance(
            Math.PI / 2, x + 9, bottom + Math.max(0, (plotHeight - titleWidth) / 2)));
    out.showText(valueTitle);
    out.endText();

    // The target: a labelled horizontal line.
    if (target != null && target > 0) {
      float ty = bottom + plotHeight * target / top;
      out.setStrokingColor(RED[0], RED[1], RED[2]);
      out.setLineWidth(1.1f);
      out.moveTo(left, ty);
      out.lineTo(left + plotWidth, ty);
      out.stroke();
      out.setNonStrokingColor(RED[0], RED[1], RED[2]);
      String label = "Target " + FigureText.count(target.longValue());
      text(out, LABEL, left + 4, ty + 3, label);
      out.setNonStrokingColor(0f, 0f, 0f);
    }

    // The projection: dashed, from the latest reported figure.
    if (!projected.isEmpty() && !reported.isEmpty()) {
      out.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
      out.setLineWidth(1.4f);
      out.setLineDashPattern(new float[] {4, 3}, 0);
      Point last = reported.get(reported.size() - 1);
      out.moveTo(px(last, quarters, left, plotWidth), py(last, bottom, plotHeight, top));
      for (Point p : projected) {
        out.lineTo(px(p, quarters, left, plotWidth), py(p, bottom, plotHeight, top));
      }
      out.stroke();
      out.setLineDashPattern(new float[] {}, 0);
    }

    // The reported figures: solid, a marker per quarter, broken where a quarter is missing.
    out.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    out.setNonStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    out.setLineWidth(1.8f);
    Point previous = null;
    boolean drawn = false;
    for (Point p : reported) {
      if (previous != null && previous.quarter().next().equals(p.quarter())) {
        out.moveTo(px(previous, quarters, left, plotWidth), py(previous, bottom, plotHeight, top));
        out.lineTo(px(p, quarters, left, plotWidth), py(p, bottom, plotHeight, top));
        drawn = true;
      }
      previous = p;
    }
    if (drawn) {
      out.stroke();
    }
    for (Point p : reported) {
      out.addRect(px(p, quarters, left, plotWidth) - 2, py(p, bottom, plotHeight, top) - 2, 4, 4);
    }
    if (!reported.isEmpty()) {
      out.fill();
    }
    out.setNonStrokingColor(0f, 0f, 0f);

    // Legend, to the right of the plot.
    float legendX = left + plotWidth + 12;
    float legendY = bottom + plotHeight - 10;
    out.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    out.setLineWidth(1.8f);
    out.moveTo(legendX, legendY + 3);
    out.lineTo(legendX + 16, legendY + 3);
    out.stroke();
    text(out, 7.5f, legendX + 20, legendY, "Reported");
    out.setLineWidth(1.4f);
    out.setLineDashPattern(new float[] {4, 3}, 0);
    out.moveTo(legendX, legendY - 11);
    out.lineTo(legendX + 16, legendY - 11);
    out.stroke();
    out.setLineDashPattern(new float[] {}, 0);
    text(out, 7.5f, legendX + 20, legendY - 14, "Projection (trend,");
    text(out, 7.5f, legendX + 20, legendY - 23, "not a forecast)");
    out.setStrokingColor(RED[0], RED[1], RED[2]);
    out.setLineWidth(1.1f);
    out.moveTo(legendX, legendY - 34);
    out.lineTo(legendX + 16, legendY - 34);
    out.stroke();
    text(out, 7.5f, legendX + 20, legendY - 37, "Target for the phase");
    out.setStrokingColor(0f, 0f, 0f);
  }

  private float px(Point p, List<Quarter> quarters, float left, float plotWidth) {
    return xOf(quarters.indexOf(p.quarter()), quarters.size(), left, plotWidth);
  }

  private static float py(Point p, float bottom, float plotHeight, long top) {
    return bottom + plotHeight * p.value() / top;
  }

  private static float xOf(int i, int n, float left, float width) {
    return n == 1 ? left + width / 2 : left + 8 + (width - 16) * i / (n - 1);
  }

  private void text(PDPageContentStream out, float size, float x, float y, String text)
      throws IOException {
    out.beginText();
    out.setFont(fonts.regular(), size);
    out.newLineAtOffset(x, y);
    out.showText(text);
    out.endText();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  private static long niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (int m : new int[] {1, 2, 5, 10}) {
      if (m * power >= raw) {
        return Math.max(1, (long) (m * power));
      }
    }
    return Math.max(1, (long) (10 * power));
  }
}
