package uk.gov.tfwh.programme.period;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhaseWrittenLooselyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Phase 1 | 1",
        "P2 | 2",
        "phase two | 2",
        "one | 1",
        "PHASE_1 | 1",
        "p-2 | 2",
        "2 | 2"
      })
  void aPhaseNamedAsPeopleWriteItIsRead(String text, int number) {
    assertThat(PhaseWrittenLoosely.read(text)).map(Phase::number).contains(number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "phase 3", "first", "1.5", "phase 12", "", "phases 1"})
  void nothingElseIsTakenForAPhase(String text) {
    assertThat(PhaseWrittenLoosely.read(text)).isEmpty();
  }
}
