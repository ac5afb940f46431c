package uk.gov.tfwh.programme.league;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeagueRankingTest {

  @Test
  void percentOfTargetIsRoundedHalfUpToOneDecimal() {
    assertThat(LeagueRanking.percentOfTarget(1, 3)).isEqualTo(new BigDecimal("33.3"));
    assertThat(LeagueRanking.percentOfTarget(2, 3)).isEqualTo(new BigDecimal("66.7"));
    assertThat(LeagueRanking.percentOfTarget(1, 8)).isEqualTo(new BigDecimal("12.5"));
    assertThat(LeagueRanking.percentOfTarget(1, 16)).isEqualTo(new BigDecimal("6.3")); // 6.25
    assertThat(LeagueRanking.percentOfTarget(425, 425)).isEqualTo(new BigDecimal("100.0"));
    assertThat(LeagueRanking.percentOfTarget(0, 425)).isEqualTo(new BigDecimal("0.0"));
  }

  @Test
  void percentOfTargetCanPassOneHundred() {
    assertThat(LeagueRanking.percentOfTarget(450, 425)).isEqualTo(new BigDecimal("105.9"));
  }

  @Test
  void percentOfTargetRefusesANonPositiveTarget() {
    assertThatThrownBy(() -> LeagueRanking.percentOfTarget(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must be positive, not 0");
  }

  @Test
  void tiesShareARankAndTheNextRankSkips() {
    Map<String, Long> turnedAround = ordered("A", 90L, "B", 50L, "C", 100L, "D", 50L, "E", 10L);
    Map<String, Integer> targets = Map.of("A", 100, "B", 100, "C", 100, "D", 100, "E", 100);

    assertThat(LeagueRanking.rank(turnedAround, targets))
        .containsExactly(
            Map.entry("C", 1),
            Map.entry("A", 2),
            Map.entry("B", 3),
            Map.entry("D", 3),
            Map.entry("E", 5));
  }

  @Test
  void equalRatiosOnDifferentTargetsTie() {
    Map<String, Integer> ranks =
        LeagueRanking.rank(
            ordered("small", 50L, "large", 100L), Map.of("small", 100, "large", 200));

    assertThat(ranks).containsEntry("small", 1).containsEntry("large", 1);
  }

  @Test
  void theExactRatioSeparatesAuthoritiesShownAtTheSamePercent() {
    // 333/1000 = 33.30% and 1/3 = 33.33%: both show as 33.3, but 1/3 is the higher ratio.
    Map<String, Integer> targets = Map.of("x", 1000, "y", 3);
    Map<String, Long> turnedAround = ordered("x", 333L, "y", 1L);

    assertThat(LeagueRanking.percentOfTarget(333, 1000))
        .isEqualTo(LeagueRanking.percentOfTarget(1, 3));
    assertThat(LeagueRanking.rank(turnedAround, targets))
        .containsEntry("y", 1)
        .containsEntry("x", 2);
  }

  @Test
  void aSingleAuthorityRanksFirstInTheTopQuartile() {
    Map<String, Integer> ranks = LeagueRanking.rank(Map.of("only", 0), Map.of("only", 425));

    assertThat(ranks).containsExactly(Map.entry("only", 1));
    assertThat(LeagueRanking.quartile(1, 1)).isEqualTo(1);
  }

  @Test
  void anEmptyGroupHasNoRanks() {
    assertThat(LeagueRanking.rank(Map.<String, Long>of(), Map.of())).isEmpty();
  }

  @Test
  void aMemberWithoutATargetCannotBeRanked() {
    assertThatThrownBy(() -> LeagueRanking.rank(Map.of("A", 1L), Map.of("B", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no target for A");
  }

  @Test
  void quartilesSplitTheNationalRankingOf152IntoFourQuarters() {
    assertThat(LeagueRanking.quartile(1, 152)).isEqualTo(1);
    assertThat(LeagueRanking.quartile(38, 152)).isEqualTo(1);
    assertThat(LeagueRanking.quartile(39, 152)).isEqualTo(2);
    assertThat(LeagueRanking.quartile(76, 152)).isEqualTo(2);
    assertThat(LeagueRanking.quartile(77, 152)).isEqualTo(3);
    assertThat(LeagueRanking.quartile(115, 152)).isEqualTo(4);
    assertThat(LeagueRanking.quartile(152, 152)).isEqualTo(4);
  }

  @Test
  void quartilesOfSmallGroups() {
    assertThat(LeagueRanking.quartile(1, 3)).isEqualTo(1);
    assertThat(LeagueRanking.quartile(2, 3)).isEqualTo(2);
    assertThat(LeagueRanking.quartile(3, 3)).isEqualTo(3);
    assertThat(LeagueRanking.quartile(2, 2)).isEqualTo(3);
  }

  @Test
  void aRankOutsideTheGroupHasNoQuartile() {
    assertThatThrownBy(() -> LeagueRanking.quartile(0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeagueRanking.quartile(6, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changeSinceThePreviousQuarterIsShownEvenWhenItIsAFall() {
    assertThat(LeagueRanking.changeInTurnedAround(120L, 100)).isEqualTo(-20L);
    assertThat(LeagueRanking.changeInPercentPoints(new BigDecimal("28.2"), new BigDecimal("23.5")))
        .isEqualTo(new BigDecimal("-4.7"));
  }

  @Test
  void thereIsNoChangeWithoutAPreviousQuarter() {
    assertThat(LeagueRanking.changeInTurnedAround(null, 100)).isNull();
    assertThat(LeagueRanking.changeInPercentPoints(null, new BigDecimal("23.5"))).isNull();
  }

  private static Map<String, Long> ordered(Object... keysAndValues) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (Long) keysAndValues[i + 1]);
    }
    return map;
  }
}
