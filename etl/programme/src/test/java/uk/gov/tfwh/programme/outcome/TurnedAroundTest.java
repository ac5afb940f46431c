package uk.gov.tfwh.programme.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CONTINUOUS_EMPLOYMENT;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CRIME_ASB_EDUCATION;
import static uk.gov.tfwh.programme.outcome.ClaimResult.PROGRESS_TO_WORK;
import static uk.gov.tfwh.programme.outcome.ClaimResult.SUSTAINED_PROGRESS;

import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.period.Phase;

class TurnedAroundTest {

  @Test
  void phaseOneAddsCrimeAsbEducationAndEmploymentAsThePublishedReleasesDo() {
    assertThat(
            TurnedAround.of(
                Phase.ONE,
                ByResult.counts(
                    Map.of(CRIME_ASB_EDUCATION, 77_270L, CONTINUOUS_EMPLOYMENT, 8_033L))))
        .isEqualTo(85_303);
  }

  @Test
  void phaseOneDoesNotCountProgressToWorkNorAnySustainedProgressFigure() {
    ByResult<Long> figures =
        ByResult.counts(
            Map.of(
                CRIME_ASB_EDUCATION, 20_674L,
                CONTINUOUS_EMPLOYMENT, 1_430L,
                PROGRESS_TO_WORK, 5_000L,
                SUSTAINED_PROGRESS, 999L));

    assertThat(TurnedAround.of(Phase.ONE, figures)).isEqualTo(22_104);
  }

  @Test
  void phaseTwoAddsSustainedProgressAndEmployment() {
    assertThat(
            TurnedAround.of(
                Phase.TWO,
                ByResult.counts(
                    Map.of(SUSTAINED_PROGRESS, 171_890L, CONTINUOUS_EMPLOYMENT, 20_366L))))
        .isEqualTo(192_256);
  }

  @Test
  void phaseTwoIgnoresAnyCrimeAsbEducationFigure() {
    ByResult<Long> figures =
        ByResult.counts(
            Map.of(CRIME_ASB_EDUCATION, 500L, SUSTAINED_PROGRESS, 7L, CONTINUOUS_EMPLOYMENT, 3L));

    assertThat(TurnedAround.of(Phase.TWO, figures)).isEqualTo(10);
  }

  @Test
  void zeroResultsTurnNoFamilyAround() {
    assertThat(
            TurnedAround.of(
                Phase.ONE,
                ByResult.counts(Map.of(CRIME_ASB_EDUCATION, 0L, CONTINUOUS_EMPLOYMENT, 0L))))
        .isZero();
  }

  @Test
  void theMissingFigureOfThePhaseIsAnError() {
    assertThatThrownBy(
            () ->
                TurnedAround.of(
                    Phase.ONE,
                    ByResult.counts(Map.of(CONTINUOUS_EMPLOYMENT, 5L, SUSTAINED_PROGRESS, 5L))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase 1 needs the crime/ASB/education figure, which is missing");
    assertThatThrownBy(
            () ->
                TurnedAround.of(
                    Phase.TWO,
                    ByResult.counts(Map.of(CRIME_ASB_EDUCATION, 5L, CONTINUOUS_EMPLOYMENT, 5L))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase 2 needs the sustained progress figure, which is missing");
  }

  @Test
  void aMissingContinuousEmploymentFigureIsAnErrorNotZero() {
    assertThatThrownBy(
            () -> TurnedAround.of(Phase.TWO, ByResult.counts(Map.of(SUSTAINED_PROGRESS, 5L))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase 2 needs the continuous employment figure, which is missing");
  }

  @Test
  void negativeFiguresAreRejected() {
    assertThatThrownBy(
            () ->
                TurnedAround.of(
                    Phase.ONE,
                    ByResult.counts(Map.of(CRIME_ASB_EDUCATION, 3L, CONTINUOUS_EMPLOYMENT, -1L))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("continuous employment figure must not be negative, not -1");
  }

  @Test
  void aCountPastTheLongRangeOverflowsRatherThanWrapping() {
    ByResult<Long> figures =
        ByResult.counts(Map.of(CRIME_ASB_EDUCATION, Long.MAX_VALUE, CONTINUOUS_EMPLOYMENT, 1L));

    assertThatThrownBy(() -> TurnedAround.of(Phase.ONE, figures))
        .isInstanceOf(ArithmeticException.class);
  }
}
