package uk.gov.tfwh.warehouse.iceberg.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.release.Publication;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseRecord;

class RetentionPlanTest {
  private static final List<ReleaseRecord> SIX =
      LongStream.rangeClosed(1, 6).mapToObj(RetentionPlanTest::release).toList();

  @Test
  void keepsTheNewestN() {
    RetentionPlan plan = RetentionPlan.of(SIX, List.of(), 2);

    assertThat(plan.kept()).extracting(ReleaseRecord::seq).containsExactly(5L, 6L);
    assertThat(plan.dropped()).extracting(ReleaseRecord::seq).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void keepsEveryReleaseEverPublishedWhateverItsAge() {
    RetentionPlan plan =
        RetentionPlan.of(SIX, List.of(publication(1, 2), publication(2, 4), publication(3, 2)), 1);

    assertThat(plan.kept()).extracting(ReleaseRecord::seq).containsExactly(2L, 4L, 6L);
    assertThat(plan.dropped()).extracting(ReleaseRecord::seq).containsExactly(1L, 3L, 5L);
    assertThat(plan.keptIds()).containsExactlyInAnyOrder(id(2), id(4), id(6));
  }

  @Test
  void keepsTheCurrentOneAlwaysAndAllWhenFewerThanN() {
    assertThat(RetentionPlan.of(List.of(SIX.get(5), SIX.get(2), SIX.get(0)), List.of(), 1).kept())
        .extracting(ReleaseRecord::seq)
        .containsExactly(6L);
    assertThat(RetentionPlan.of(SIX, List.of(), 10).dropped()).isEmpty();
    assertThat(RetentionPlan.of(List.of(), List.of(), 1).kept()).isEmpty();
  }

  @Test
  void keepingNoneIsRefused() {
    assertThatThrownBy(() -> RetentionPlan.of(SIX, List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keep at least one release, not 0");
  }

  private static ReleaseRecord release(long seq) {
    return new ReleaseRecord(
        seq,
        id(seq),
        seq == 1 ? Optional.empty() : Optional.of(id(seq - 1)),
        Instant.parse("2026-12-05T21:00:00Z").plusSeconds(seq),
        "reference-1",
        "digest",
        "{}",
        "{}",
        "test");
  }

  private static String id(long seq) {
    return "20261205T2100000" + seq + "0Z-abcdef12";
  }

  private static Publication publication(long seq, long releaseSeq) {
    return new Publication(seq, releaseSeq, id(releaseSeq), Instant.EPOCH, "test");
  }
}
