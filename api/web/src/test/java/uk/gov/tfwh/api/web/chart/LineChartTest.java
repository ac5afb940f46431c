package uk.gov.tfwh.api.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {

  @Test
  void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(LineChart.niceStep(0.3)).isEqualTo(1);
    assertThat(LineChart.niceStep(3)).isEqualTo(5);
    assertThat(LineChart.niceStep(110)).isEqualTo(200);
    assertThat(LineChart.niceStep(1000)).isEqualTo(1000);
  }

  @Test
  void theProjectionStartsAtTheLastReportedPointAndTheTargetIsTheTopOfTheScale() {
    LineChart chart =
        LineChart.of(
            List.of("Q1", "Q2", "Q3", "Q4", "Q5"),
            List.of(new LineChart.Value(0, 100), new LineChart.Value(1, 200)),
            List.of(new LineChart.Value(4, 500)),
            400L);

    // x: 70 to 680 over four steps (40 px kept on the right for half the last label); y: 300
    // (zero) to 20 (the top of the scale: the largest value, 500, rounded up to a step of 200).
    assertThat(chart.reported()).isEqualTo("70.0,253.3 222.5,206.7");
    assertThat(chart.projected()).isEqualTo("222.5,206.7 680.0,66.7");
    assertThat(chart.targetY()).isCloseTo(113.33, org.assertj.core.data.Offset.offset(0.01));
    assertThat(chart.yTicks())
        .extracting(LineChart.Tick::label)
        .containsExactly("0", "200", "400", "600");
  }
}
