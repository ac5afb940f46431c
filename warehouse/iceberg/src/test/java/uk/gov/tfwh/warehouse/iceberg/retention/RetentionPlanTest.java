package uk.gov.tfwh.warehouse.iceberg.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.warehouse.iceberg.release.Publication;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseOutline;
import uk.gov.tfwh.warehouse.iceberg.release.ReleaseTable;

class RetentionPlanTest {
  private static final List<ReleaseOutline> SIX =
      LongStream.rangeClosed(1, 6).mapToObj(RetentionPlanTest::release).toList();

  @Test
  void keepsTheNewestN() {
    RetentionPlan plan = RetentionPlan.of(SIX, List.of(), 2);

    assertThat(plan.kept()).extracting(ReleaseOutline::seq).containsExactly(5L, 6L);
    assertThat(plan.dropped()).extracting(ReleaseOutline::seq).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void keepsEveryReleaseEverPublishedWhateverItsAge() {
    RetentionPlan plan =
        RetentionPlan.of(SIX, List.of(publication(1, 2), publication(2, 4), publication(3, 2)), 1);

    assertThat(plan.kept()).extracting(ReleaseOutline::seq).containsExactly(2L, 4L, 6L);
    assertThat(plan.dropped()).extracting(ReleaseOutline::seq).containsExactly(1L, 3L, 5L);
    assertThat(plan.keptIds()).containsExactlyInAnyOrder(id(2), id(4), id(6));
  }

  @Test
  void keepsTheCurrentOneAlwaysAndAllWhenFewerThanN() {
    assertThat(RetentionPlan.of(List.of(SIX.get(5), SIX.get(2), SIX.get(0)), List.of(), 1).kept())
        .extracting(ReleaseOutline::seq)
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

  private static ReleaseOutline release(long seq) {
    return new ReleaseOutline(
        seq, id(seq), List.of(new ReleaseTable("tfwh", "fact_claim", 100 + seq, 0, 1, 1)));
  }

  private static String id(long seq) {
    return "20261205T2100000" + seq + "0Z-abcdef12";
  }

  private static Publication publication(long seq, long releaseSeq) {
    return new Publication(seq, releaseSeq, id(releaseSeq), Instant.EPOCH, "test");
  }
}
