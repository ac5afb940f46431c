package uk.gov.tfwh.exports.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;
import uk.gov.tfwh.exports.text.FigureText;

/**
 * What the documents' quarter-by-quarter line charts share, drawn once: the colours, a value scale
 * of round steps from zero, the grid with its values and the two axes, the quarter labels (placed
 * by {@link AxisLabels}, so none overlap) and both axis titles. Each chart draws its own lines and
 * legend inside the frame.
 */
final class ChartFrame {
  static final float[] BLUE = {0.11f, 0.33f, 0.62f};
  static final float[] RED = {0.78f, 0.16f, 0.16f};

  /** The size of values and quarter labels. */
  static final float LABEL = 7;

  private static final float TITLE = 7.5f;
  private static final int GRID_LINES = 5;

  private final PdfFonts fonts;
  private final float left;
  private final float bottom;
  private final float width;
  private final float height;
  private final long step;
  private final long top;

  /**
   * @param max the largest value the chart shows
   * @param headroom how far above {@code max} the scale reaches at least (1.05 is 5% more)
   */
  ChartFrame(
      PdfFonts fonts,
      float left,
      float bottom,
      float width,
      float height,
      long max,
      double headroom) {
    this.fonts = requireNonNull(fonts, "fonts");
    this.left = left;
    this.bottom = bottom;
    this.width = width;
    this.height = height;
    long largest = Math.max(1, max);
    this.step = niceStep(largest / (double) GRID_LINES);
    this.top = step * (long) Math.ceil(largest * headroom / step);
  }

  float left() {
    return left;
  }

  float right() {
    return left + width;
  }

  float bottom() {
    return bottom;
  }

  float plotTop() {
    return bottom + height;
  }

  /** The height of a value. */
  float y(long value) {
    return bottom + height * value / top;
  }

  /** The centre of the i-th of n quarters. */
  float x(int i, int n) {
    return xOf(i, n, left, width);
  }

  /** Grid lines with their values, then the two axes. */
  void drawGrid(PDPageContentStream out) throws IOException {
    out.setLineWidth(0.4f);
    out.setStrokingColor(0.8f, 0.8f, 0.8f);
    for (long v = 0; v <= top; v += step) {
      float gy = y(v);
      out.moveTo(left, gy);
      out.lineTo(right(), gy);
      out.stroke();
      String label = FigureText.count(v);
      text(out, LABEL, left - 4 - PdfText.width(fonts.regular(), LABEL, label), gy - 2.5f, label);
    }
    out.setStrokingColor(0.3f, 0.3f, 0.3f);
    out.setLineWidth(0.8f);
    out.moveTo(left, bottom);
    out.lineTo(right(), bottom);
    out.moveTo(left, bottom);
    out.lineTo(left, plotTop());
    out.stroke();
  }

  /**
   * The quarter labels under the axis, its title centred below them, and the value axis's title
   * read bottom to top at {@code titleX}.
   */
  void drawAxes(
      PDPageContentStream out,
      List<String> quarters,
      String quarterTitle,
      String valueTitle,
      float titleX)
      throws IOException {
    for (AxisLabels.Placed label : quarterLabels(fonts, left, width, quarters)) {
      text(out, LABEL, label.left(), bottom - 11, label.text());
    }
    text(
        out,
        TITLE,
        left + (width - PdfText.width(fonts.regular(), TITLE, quarterTitle)) / 2,
        bottom - 26,
        quarterTitle);
    String printable = PdfText.printable(fonts.regular(), valueTitle);
    float titleWidth = PdfText.width(fonts.regular(), TITLE, printable);
    out.beginText();
    out.setFont(fonts.regular(), TITLE);
    out.setTextMatrix(
        Matrix.getRotateInstance(
            Math.PI / 2, titleX, bottom + Math.max(0, (height - titleWidth) / 2)));
    out.showText(printable);
    out.endText();
  }

  /**
   * One line of a chart's legend: a short stroke in the series' colour, width and dash, and its
   * label (one or more lines).
   */
  record LegendKey(float[] colour, float width, boolean dashed, List<String> label) {
    LegendKey {
      requireNonNull(colour, "colour");
      label = List.copyOf(label);
    }
  }

  /**
   * The legend to the right of the plot, {@code gap} points from it, keys stacked from the plot's
   * top; each key's stroke sits level with the first line of its label.
   */
  void legend(PDPageContentStream out, float gap, List<LegendKey> keys) throws IOException {
    float x = right() + gap;
    float y = plotTop() - 10;
    for (LegendKey key : keys) {
      out.setStrokingColor(key.colour()[0], key.colour()[1], key.colour()[2]);
      out.setLineWidth(key.width());
      if (key.dashed()) {
        out.setLineDashPattern(new float[] {4, 3}, 0);
      }
      out.moveTo(x, y + 3);
      out.lineTo(x + 16, y + 3);
      out.stroke();
      if (key.dashed()) {
        out.setLineDashPattern(new float[] {}, 0);
      }
      for (String line : key.label()) {
        text(out, TITLE, x + 20, y, line);
        y -= 9;
      }
      y -= 5;
    }
    out.setStrokingColor(0f, 0f, 0f);
  }

  /** Text in the regular font at a point. */
  void text(PDPageContentStream out, float size, float x, float y, String text) throws IOException {
    out.beginText();
    out.setFont(fonts.regular(), size);
    out.newLineAtOffset(x, y);
    out.showText(text);
    out.endText();
  }

  /** The quarter labels as drawn under a plot from {@code left}, {@code width} points wide. */
  static List<AxisLabels.Placed> quarterLabels(
      PdfFonts fonts, float left, float width, List<String> quarters) {
    List<Float> centres = new ArrayList<>();
    for (int i = 0; i < quarters.size(); i++) {
      centres.add(xOf(i, quarters.size(), left, width));
    }
    return AxisLabels.place(quarters, centres, text -> PdfText.width(fonts.regular(), LABEL, text));
  }

  private static float xOf(int i, int n, float left, float width) {
    return n == 1 ? left + width / 2 : left + 8 + (width - 16) * i / (n - 1);
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
