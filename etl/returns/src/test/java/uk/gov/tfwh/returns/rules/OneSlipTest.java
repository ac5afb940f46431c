package uk.gov.tfwh.returns.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OneSlipTest {

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource({
    "perod, period, true", // one left out
    "periiod, period, true", // one added
    "pariod, period, true", // one changed
    "preiod, period, true", // two swapped
    "peroid, period, true",
    "familes_identified, families_identified, true",
    "families_identifeid, families_identified, true",
    "period, period, false", // the same is no slip
    "prd, period, false", // two left out
    "region, period, false",
    "phase, phases, true",
    "'', a, true",
    "ab, ba, true",
    "abc, cab, false",
    "families_attached, families_identified, false",
  })
  void oneSlipIsOneLetterAddedLeftOutChangedOrTwoSwapped(String a, String b, boolean one) {
    assertThat(OneSlip.between(a, b)).isEqualTo(one);
    assertThat(OneSlip.between(b, a)).isEqualTo(one);
  }

  @Test
  void aHintNamesTheOnlyLikelyNameNeverOneOfTwo() {
    assertThat(OneSlip.theOnly(List.of("phase", "period"), n -> OneSlip.between("perod", n)))
        .contains("period");
    assertThat(OneSlip.theOnly(List.of("phase", "phasf"), n -> OneSlip.between("phasg", n)))
        .isEmpty();
    assertThat(OneSlip.theOnly(List.of("phase"), n -> OneSlip.between("region", n))).isEmpty();
  }
}
