package uk.gov.tfwh.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageClockTest {
  @Test
  void aStageIsSaidBeforeAndAfterAndTimed() {
    List<String> said = new ArrayList<>();
    StageClock clock = new StageClock(said::add);

    String result = clock.time("scan", () -> "done", r -> r + " here");

    assertThat(result).isEqualTo("done");
    assertThat(said).hasSize(2);
    assertThat(said.get(0)).matches("\\[ +\\d+\\.\\ds\\] scan \\.\\.\\.");
    assertThat(said.get(1)).matches("\\[ +\\d+\\.\\ds\\] scan: done here \\(\\d+ ms\\)");
    assertThat(clock.millis()).containsKeys("scan", "total");
  }

  @Test
  void theOpeningIsSaidOnlyOnceDoneSoTheFirstLineFollowsTheWork() {
    List<String> said = new ArrayList<>();
    StageClock clock = new StageClock(said::add);

    clock.timeSayingAfter(
        "open",
        () -> {
          assertThat(said).as("nothing said while opening").isEmpty();
          return "lock";
        },
        r -> "writer " + r + " held");

    assertThat(said).singleElement().asString().contains("open: writer lock held (");
    assertThat(clock.millis()).containsKey("open");
  }
}
