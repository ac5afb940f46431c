package uk.gov.tfwh.exports.pdf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import uk.gov.tfwh.exports.text.FigureText;
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
  private static final float[] BLUE = ChartFrame.BLUE;
  private static final float[] RED = ChartFrame.RED;

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
    ChartFrame frame =
        new ChartFrame(fonts, x + 58, y + 34, width - 58 - 112, height - 42, max, 1.08);
    frame.drawGrid(out);
    frame.drawAxes(
        out,
        quarters.stream().map(Quarter::label).toList(),
        "Quarter (phase " + phase.number() + ")",
        valueTitle,
        x + 9);

    // The target: a labelled horizontal line.
    if (target != null && target > 0) {
      float ty = frame.y(target);
      out.setStrokingColor(RED[0], RED[1], RED[2]);
      out.setLineWidth(1.1f);
      out.moveTo(frame.left(), ty);
      out.lineTo(frame.right(), ty);
      out.stroke();
      out.setNonStrokingColor(RED[0], RED[1], RED[2]);
      String label = "Target " + FigureText.count(target.longValue());
      frame.text(out, ChartFrame.LABEL, frame.left() + 4, ty + 3, label);
      out.setNonStrokingColor(0f, 0f, 0f);
    }

    // The projection: dashed, from the latest reported figure.
    if (!projected.isEmpty() && !reported.isEmpty()) {
      out.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
      out.setLineWidth(1.4f);
      out.setLineDashPattern(new float[] {4, 3}, 0);
      Point last = reported.get(reported.size() - 1);
      out.moveTo(px(frame, last, quarters), frame.y(last.value()));
      for (Point p : projected) {
        out.lineTo(px(frame, p, quarters), frame.y(p.value()));
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
        out.moveTo(px(frame, previous, quarters), frame.y(previous.value()));
        out.lineTo(px(frame, p, quarters), frame.y(p.value()));
        drawn = true;
      }
      previous = p;
    }
    if (drawn) {
      out.stroke();
    }
    for (Point p : reported) {
      out.addRect(px(frame, p, quarters) - 2, frame.y(p.value()) - 2, 4, 4);
    }
    if (!reported.isEmpty()) {
      out.fill();
    }
    out.setNonStrokingColor(0f, 0f, 0f);

    frame.legend(
        out,
        12,
        List.of(
            new ChartFrame.LegendKey(BLUE, 1.8f, false, List.of("Reported")),
            new ChartFrame.LegendKey(
                BLUE, 1.4f, true, List.of("Projection (trend,", "not a forecast)")),
            new ChartFrame.LegendKey(RED, 1.1f, false, List.of("Target for the phase"))));
  }

  private static float px(ChartFrame frame, Point p, List<Quarter> quarters) {
    return frame.x(quarters.indexOf(p.quarter()), quarters.size());
  }
}
