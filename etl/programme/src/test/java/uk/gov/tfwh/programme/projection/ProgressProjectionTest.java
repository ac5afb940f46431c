package uk.gov.tfwh.programme.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

class ProgressProjectionTest {

  @Test
  void aSteadyPaceIsExtendedInAStraightLineToThePhasesLastQuarter() {
    Projection projection =
        ProgressProjection.project(
            Phase.ONE,
            1_000,
            figures("2013Q1", 100, "2013Q2", 200, "2013Q3", 300, "2013Q4", 400, "2014Q1", 500));

    assertThat(projection.averageQuarterlyIncrease()).isEqualTo(new BigDecimal("100.00"));
    assertThat(projection.baseQuarter()).isEqualTo(Quarter.parse("2013Q1"));
    assertThat(projection.path())
        .containsExactly(
            figure("2014Q2", 600),
            figure("2014Q3", 700),
            figure("2014Q4", 800),
            figure("2015Q1", 900),
            figure("2015Q2", 1_000));
    assertThat(projection.projectedTurnedAround()).isEqualTo(1_000);
    assertThat(projection.projectedPercentOfTarget()).isEqualTo(new BigDecimal("100.0"));
  }

  @Test
  void onlyTheLastFourQuartersSetThePace() {
    Projection projection =
        ProgressProjection.project(
            Phase.ONE,
            1_000,
            figures(
                "2012Q3", 0, "2012Q4", 300, "2013Q1", 400, "2013Q2", 410, "2013Q3", 420, "2013Q4",
                430, "2014Q1", 440));

    assertThat(projection.baseQuarter()).isEqualTo(Quarter.parse("2013Q1"));
    assertThat(projection.averageQuarterlyIncrease()).isEqualTo(new BigDecimal("10.00"));
    assertThat(projection.projectedTurnedAround()).isEqualTo(490);
  }

  @Test
  void aMissingQuarterIsSpannedNotGuessed() {
    Projection projection =
        ProgressProjection.project(
            Phase.ONE, 1_000, figures("2014Q1", 100, "2014Q3", 160, "2014Q4", 190));

    assertThat(projection.baseQuarter()).isEqualTo(Quarter.parse("2014Q1"));
    assertThat(projection.averageQuarterlyIncrease()).isEqualTo(new BigDecimal("30.00"));
    assertThat(projection.path()).containsExactly(figure("2015Q1", 220), figure("2015Q2", 250));
  }

  @Test
  void oneQuarterOfDataGivesAFlatProjection() {
    Projection projection = ProgressProjection.project(Phase.TWO, 500, figures("2015Q1", 40));

    assertThat(projection.baseQuarter()).isEqualTo(projection.latestQuarter());
    assertThat(projection.averageQuarterlyIncrease()).isEqualTo(new BigDecimal("0.00"));
    assertThat(projection.path())
        .hasSize(20)
        .allSatisfy(f -> assertThat(f.turnedAround()).isEqualTo(40));
    assertThat(projection.projectedTurnedAround()).isEqualTo(40);
    assertThat(projection.projectedPercentOfTarget()).isEqualTo(new BigDecimal("8.0"));
  }

  @Test
  void historyOlderThanTheWindowGivesNoPace() {
    Projection projection =
        ProgressProjection.project(Phase.ONE, 1_000, figures("2012Q3", 10, "2014Q1", 500));

    assertThat(projection.averageQuarterlyIncrease()).isEqualTo(new BigDecimal("0.00"));
    assertThat(projection.projectedTurnedAround()).isEqualTo(500);
  }

  @Test
  void aFlatRecordStaysFlat() {
    Projection projection =
        ProgressProjection.project(
            Phase.ONE, 1_000, figures("2014Q1", 300, "2014Q2", 300, "2014Q3", 300));

    assertThat(projection.projectedTurnedAround()).isEqualTo(300);
  }

  @Test
  void aFallIsNeverProjectedBelowTheLatestFigure() {
    Projection projection =
        ProgressProjection.project(
            Phase.ONE, 1_000, figures("2014Q1", 400, "2014Q2", 350, "2014Q3", 320));

    assertThat(projection.averageQuarterlyIncrease()).isEqualTo(new BigDecimal("0.00"));
    assertThat(projection.path()).allSatisfy(f -> assertThat(f.turnedAround()).isEqualTo(320));
  }

  @Test
  void anAuthorityAlreadyPastItsTargetIsProjectedPastItNotCut() {
    Projection projection =
        ProgressProjection.project(Phase.ONE, 100, figures("2014Q3", 100, "2014Q4", 110));

    assertThat(projection.projectedTurnedAround()).isEqualTo(130);
    assertThat(projection.projectedPercentOfTarget()).isEqualTo(new BigDecimal("130.0"));
  }

  @Test
  void theLatestQuarterBeingThePhasesLastLeavesNothingToProject() {
    Projection projection =
        ProgressProjection.project(Phase.ONE, 100, figures("2015Q1", 80, "2015Q2", 95));

    assertThat(projection.path()).isEmpty();
    assertThat(projection.projectedTurnedAround()).isEqualTo(95);
  }

  @Test
  void eachQuarterIsRoundedFromTheExactPaceSoRoundingDoesNotCompound() {
    // A rise of 1 over 3 quarters: a third of a family a quarter.
    Projection projection =
        ProgressProjection.project(Phase.ONE, 100, figures("2014Q1", 0, "2014Q4", 1));

    assertThat(projection.averageQuarterlyIncrease()).isEqualTo(new BigDecimal("0.33"));
    assertThat(projection.path()).containsExactly(figure("2015Q1", 1), figure("2015Q2", 2));
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> ProgressProjection.project(Phase.ONE, 100, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing reported");
    assertThatThrownBy(
            () -> ProgressProjection.project(Phase.ONE, 100, figures("2014Q1", 1, "2014Q1", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two figures for 2014Q1");
    assertThatThrownBy(() -> ProgressProjection.project(Phase.ONE, 100, figures("2016Q1", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside phase 1");
  }

  private static List<ReportedFigure> figures(Object... quartersAndValues) {
    List<ReportedFigure> figures = new ArrayList<>();
    for (int i = 0; i < quartersAndValues.length; i += 2) {
      figures.add(
          new ReportedFigure(
              Quarter.parse((String) quartersAndValues[i]),
              ((Integer) quartersAndValues[i + 1]).longValue()));
    }
    // Input order must not matter.
    java.util.Collections.reverse(figures);
    return figures;
  }

  private static ProjectedFigure figure(String quarter, long turnedAround) {
    return new ProjectedFigure(Quarter.parse(quarter), turnedAround);
  }
}
