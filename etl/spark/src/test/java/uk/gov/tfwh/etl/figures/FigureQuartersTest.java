package uk.gov.tfwh.etl.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.etl.ReadReturns;
import uk.gov.tfwh.etl.read.ReadReturn;

/** Which quarters of fact_payment and agg_authority_quarter a load may keep without their rows. */
class FigureQuartersTest {
  private static final ReadReturn Q1 = ReadReturns.accepted("q1", "E08000035", 1);
  private static final ReadReturn Q2 = ReadReturns.accepted("q2", "E08000035", 2);
  private static final ReadReturn Q3 = ReadReturns.accepted("q3", "E08000035", 3);
  private static final ReadReturn Q4 = ReadReturns.accepted("q4", "E08000035", 4);
  private static final List<ReadReturn> BEFORE = List.of(Q1, Q2, Q3);
  private static final List<ReadReturn> WITH_Q4 = List.of(Q1, Q2, Q3, Q4);
  private static final Set<String> FIRST_THREE = Set.of("2013-03-31", "2013-06-30", "2013-09-30");

  @Test
  void aNewQuarterKeepsEveryQuarterBeforeIt() {
    assertThat(FigureQuarters.unchanged(BEFORE, WITH_Q4, FIRST_THREE, FIRST_THREE))
        .containsExactly("2013-03-31", "2013-06-30", "2013-09-30");
  }

  @Test
  void aRevisedQuarterKeepsOnlyTheQuartersBeforeIt() {
    Set<String> revisedQ2 = Set.of("2013-03-31", "2013-09-30");
    assertThat(FigureQuarters.unchanged(BEFORE, WITH_Q4, revisedQ2, FIRST_THREE))
        .containsExactly("2013-03-31");
  }

  @Test
  void claimsRefusedAnewInAnEarlierQuarterKeepOnlyTheQuartersBeforeIt() {
    // A revision elsewhere can free or refuse a family's claim in a quarter no return changed.
    Set<String> claimsOfQ1Changed = Set.of("2013-06-30", "2013-09-30");
    assertThat(FigureQuarters.unchanged(BEFORE, WITH_Q4, FIRST_THREE, claimsOfQ1Changed)).isEmpty();
  }

  @Test
  void aQuarterGoneFromTheLandingFolderKeepsOnlyTheQuartersBeforeIt() {
    assertThat(
            FigureQuarters.unchanged(
                BEFORE, List.of(Q1, Q3), Set.of("2013-03-31", "2013-09-30"), FIRST_THREE))
        .containsExactly("2013-03-31");
  }

  @Test
  void nothingIsKeptWithoutAPreviousLoad() {
    assertThat(FigureQuarters.unchanged(List.of(), WITH_Q4, Set.of(), Set.of())).isEmpty();
  }
}
