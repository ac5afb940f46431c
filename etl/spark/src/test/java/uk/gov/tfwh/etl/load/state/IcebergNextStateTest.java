package uk.gov.tfwh.etl.load.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * When a load adds its new landing stamps beside the previous release's instead of writing them all
 * again (the files themselves: {@code IcebergLoadStateTest}).
 */
class IcebergNextStateTest {
  private static final int LIMIT = IcebergNextState.LANDING_FILES_BEFORE_REWRITE;

  @Test
  void addsOnlyWhenEveryEarlierStampWasKeptAndFewFilesHoldThem() {
    assertThat(IcebergNextState.addsToEarlierStamps(true, 1)).isTrue();
    assertThat(IcebergNextState.addsToEarlierStamps(true, LIMIT - 1)).isTrue();
  }

  @Test
  void writesAllAgainWhenAnEarlierStampWentOrTheFilesPiledUp() {
    assertThat(IcebergNextState.addsToEarlierStamps(false, 1)).isFalse();
    assertThat(IcebergNextState.addsToEarlierStamps(true, LIMIT)).isFalse();
    assertThat(IcebergNextState.addsToEarlierStamps(true, Long.MAX_VALUE))
        .as("a branch without landing_file: nothing to add to")
        .isFalse();
  }
}
