package uk.gov.tfwh.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterSlipsTest {

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
