package uk.gov.tfwh.programme.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.period.Phase;

class TurnedAroundTest {

  @Test
  void phaseOneAddsCrimeAsbEducationAndEmploymentAsThePublishedReleasesDo() {
    assertThat(TurnedAround.of(Phase.ONE, 77_270L, 8_033, null)).isEqualTo(85_303);
  }

  @Test
  void phaseOneIgnoresAnySustainedProgressFigure() {
    assertThat(TurnedAround.of(Phase.ONE, 20_674L, 1_430, 999L)).isEqualTo(22_104);
  }

  @Test
  void phaseTwoAddsSustainedProgressAndEmployment() {
    assertThat(TurnedAround.of(Phase.TWO, null, 20_366, 171_890L)).isEqualTo(192_256);
  }

  @Test
  void phaseTwoIgnoresAnyCrimeAsbEducationFigure() {
    assertThat(TurnedAround.of(Phase.TWO, 500L, 3, 7L)).isEqualTo(10);
  }

  @Test
  void zeroResultsTurnNoFamilyAround() {
    assertThat(TurnedAround.of(Phase.ONE, 0L, 0, null)).isZero();
  }

  @Test
  void theMissingFigureOfThePhaseIsAnError() {
    assertThatThrownBy(() -> TurnedAround.of(Phase.ONE, null, 5, 5L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase 1 needs the crime/ASB/education figure, which is missing");
    assertThatThrownBy(() -> TurnedAround.of(Phase.TWO, 5L, 5, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase 2 needs the sustained progress figure, which is missing");
  }

  @Test
  void negativeFiguresAreRejected() {
    assertThatThrownBy(() -> TurnedAround.of(Phase.ONE, 3L, -1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("continuous employment");
  }
}
