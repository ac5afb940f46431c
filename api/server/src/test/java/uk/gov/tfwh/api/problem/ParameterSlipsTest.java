package uk.gov.tfwh.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterSlipsTest {

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource({
    "perod, period, true", // one left out
    "periiod, period, true", // one added
    "pariod, period, true", // one changed
    "preiod, period, true", // two swapped
    "peroid, period, true",
    "period, period, false", // the same is no slip
    "prd, period, false", // two left out
    "region, period, false",
    "phase, phases, true",
    "'', a, true",
    "ab, ba, true",
    "abc, cab, false",
  })
  void oneEditApartIsOneLetterAddedLeftOutChangedOrTwoSwapped(String a, String b, boolean one) {
    assertThat(ParameterSlips.oneEditApart(a, b)).isEqualTo(one);
    assertThat(ParameterSlips.oneEditApart(b, a)).isEqualTo(one);
  }

  @Test
  void aMissingParameterIsToldOfTheGivenNameMostLikeIt() {
    assertThat(ParameterSlips.likeTheMissing("phase", given("Phase", "period")))
        .contains("the request has Phase: parameter names are written in small letters");
    assertThat(ParameterSlips.likeTheMissing("period", given("phase", "perod")))
        .contains("the request has perod: did you mean period?");
    // short names are too easily one letter apart to be a slip
    assertThat(ParameterSlips.likeTheMissing("phase", given("pha", "x"))).isEmpty();
    assertThat(ParameterSlips.likeTheMissing("phase", given("region"))).isEmpty();
    assertThat(ParameterSlips.likeTheMissing("period", given("P".repeat(41)))).isEmpty();
  }

  private static List<String> given(String... names) {
    return List.of(names);
  }
}
