package uk.gov.tfwh.warehouse.iceberg.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseRecordTest {
  private static final Instant AT = Instant.parse("2026-12-05T21:00:00.123Z");
  private static final String ID = "20261205T210000123Z-abcdef12";
  private static final String PARENT = "20261204T210000123Z-12345678";

  @Test
  void releaseOneHasNoParentAndEveryLaterReleaseNamesOne() {
    assertThat(record(1, Optional.empty()).parentSeq()).isZero();
    assertThat(record(2, Optional.of(PARENT)).parentSeq()).isEqualTo(1);

    assertThatThrownBy(() -> record(0, Optional.empty()))
        .hasMessage("a release's seq is 1 or more, not 0");
    assertThatThrownBy(() -> record(1, Optional.of(PARENT)))
        .hasMessage("release 1 (" + ID + ") has no parent");
    assertThatThrownBy(() -> record(2, Optional.empty()))
        .hasMessage("release 2 (" + ID + ") names its parent, release 1");
    assertThatThrownBy(() -> record(2, Optional.of(ID)))
        .hasMessage("release " + ID + " cannot be its own parent");
  }

  @Test
  void idsAreOfTheSnapshotStoresFormAndTextFitsItsColumn() {
    assertThatThrownBy(
            () -> new ReleaseRecord(1, "../x", Optional.empty(), AT, "r", "d", "{}", "{}", "w"))
        .hasMessageContaining("id must be a release id");
    assertThatThrownBy(
            () ->
                new ReleaseRecord(
                    1, "a".repeat(65), Optional.empty(), AT, "r", "d", "{}", "{}", "w"))
        .hasMessageContaining("at most 64");
    assertThatThrownBy(
            () ->
                new ReleaseRecord(
                    1, ID, Optional.empty(), AT, "r", "d".repeat(65), "{}", "{}", "w"))
        .hasMessageStartingWith("inputsDigest must be text of 1 to 64 characters");
    assertThatThrownBy(() -> new ReleaseTable("warehouse", "", 1, 0, 0, 0))
        .hasMessageStartingWith("name must be text of 1 to 255 characters");
    assertThatThrownBy(() -> new ReleaseTable("warehouse", "fact_claim", 1, 0, -1, 0))
        .hasMessageContaining("are 0 or more, not 0, -1, 0");
  }

  @Test
  void aReleaseNamesEachTableOnceAndKeepsThemInNamespaceAndNameOrder() {
    ReleaseTable state = new ReleaseTable("tfwh_state", "claim_row", 3, 0, 10, 1);
    ReleaseTable fact = new ReleaseTable("warehouse", "fact_claim", 1, 0, 10, 1);
    ReleaseTable dim = new ReleaseTable("warehouse", "dim_authority", 2, 0, 10, 1);
    ReleaseRecord record = record(1, Optional.empty());

    assertThat(new Release(record, List.of(fact, state, dim)).tables())
        .containsExactly(state, dim, fact);
    assertThat(new Release(record, List.of(fact, dim)))
        .isEqualTo(new Release(record, List.of(dim, fact)));
    assertThat(new Release(record, List.of(fact)).table("warehouse", "fact_claim")).contains(fact);
    assertThatThrownBy(() -> new Release(record, List.of()))
        .hasMessage("release " + ID + " names no table");
    assertThatThrownBy(() -> new Release(record, List.of(fact, fact)))
        .hasMessage("release " + ID + " names table warehouse.fact_claim twice");
  }

  private static ReleaseRecord record(long seq, Optional<String> parent) {
    return new ReleaseRecord(seq, ID, parent, AT, "r", "d", "{}", "{}", "w");
  }
}
