package uk.gov.tfwh.exports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * The quarter labels of a chart never overlap, at each phase's length and at the widths the
 * documents draw their charts, and the first and last quarters are always labelled.
 */
class AxisLabelsTest {
  /** Roughly the width of "2019Q4" at 7 pt in the documents' sans-serif font. */
  private static final AxisLabels.Measure SEVEN_POINT = text -> text.length() * 3.9f;

  @ParameterizedTest(name = "phase {0} on {1} points")
  @CsvSource({"1,380", "2,380", "1,240", "2,240", "2,120", "1,60"})
  void labelsOfEveryQuarterOfAPhaseNeverOverlap(int phase, float width) {
    List<String> labels = new ArrayList<>();
    Phase p = Phase.ofNumber(phase);
    for (Quarter q = p.firstQuarter(); !q.isAfter(p.lastQuarter()); q = q.next()) {
      labels.add(q.label());
    }
    assertThat(labels).hasSize(phase == 1 ? 13 : 23);
    List<Float> centres = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      centres.add(width * i / (labels.size() - 1));
    }
    List<AxisLabels.Placed> placed = AxisLabels.place(labels, centres, SEVEN_POINT);
    assertThat(AxisLabels.clear(placed)).isTrue();
    assertThat(placed.get(placed.size() - 1).text()).isEqualTo(labels.get(labels.size() - 1));
    if (placed.size() > 1) {
      assertThat(placed.get(0).text()).isEqualTo(labels.get(0));
    }
    for (int i = 1; i < placed.size(); i++) {
      assertThat(placed.get(i).left())
          .as("%s after %s", placed.get(i).text(), placed.get(i - 1).text())
          .isGreaterThanOrEqualTo(placed.get(i - 1).right() + AxisLabels.GAP);
    }
  }

  @ParameterizedTest(name = "{0} quarters")
  @CsvSource({"1", "2", "4", "13", "23"})
  void everyQuarterIsLabelledWhereThereIsRoom(int quarters) {
    List<String> labels = new ArrayList<>();
    List<Float> centres = new ArrayList<>();
    for (int i = 0; i < quarters; i++) {
      labels.add("2019Q" + (i % 4 + 1));
      centres.add(40f * i);
    }
    assertThat(AxisLabels.place(labels, centres, SEVEN_POINT)).hasSize(quarters);
  }
}
