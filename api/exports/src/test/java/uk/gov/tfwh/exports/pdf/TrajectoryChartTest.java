package uk.gov.tfwh.exports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.tfwh.exports.briefing.BriefingFigures.TrajectoryPoint;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * The briefing chart's quarter labels, measured in the embedded font at the width the briefing
 * draws the chart: none overlap ("2019Q4" over "2020Q1" was the complaint) for a whole phase 1 (13
 * quarters) and phase 2 (23), and the first and last quarters are labelled.
 */
class TrajectoryChartTest {
  @ParameterizedTest(name = "phase {0}")
  @ValueSource(ints = {1, 2})
  void aWholePhasesQuarterLabelsDoNotOverlap(int number) throws IOException {
    Phase phase = Phase.ofNumber(number);
    List<TrajectoryPoint> points = new ArrayList<>();
    for (Quarter q = phase.firstQuarter(); !q.isAfter(phase.lastQuarter()); q = q.next()) {
      points.add(new TrajectoryPoint(q.end(), q.label(), 1000, 2000, BigDecimal.TEN, 152));
    }
    try (PDDocument document = new PDDocument()) {
      TrajectoryChart chart =
          new TrajectoryChart(points, PdfFonts.load(document), "Turned around (cumulative)");
      List<AxisLabels.Placed> labels = chart.quarterLabels(TaggedLayout.LEFT, TaggedLayout.WIDTH);
      assertThat(AxisLabels.clear(labels)).as(labels.toString()).isTrue();
      assertThat(labels.get(0).text()).isEqualTo(phase.firstQuarter().label());
      assertThat(labels.get(labels.size() - 1).text()).isEqualTo(phase.lastQuarter().label());
      // Enough labels to read the axis by: at least every third quarter.
      assertThat(labels.size()).isGreaterThanOrEqualTo(points.size() / 3);
    }
  }
}
