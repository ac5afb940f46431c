package uk.gov.tfwh.etl.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.returns.model.Claim;

class ClaimKeysTest {
  private static Claim claim(int row, String familyRef, ClaimResult result) {
    LocalDate day = LocalDate.of(2014, 1, 15);
    return new Claim(row, familyRef, day, result, day, new TreeSet<>());
  }

  private final ClaimKeys first =
      ClaimKeys.of(
          List.of(
              claim(2, "FAM-0001-ABCDEFGH", ClaimResult.CRIME_ASB_EDUCATION),
              claim(3, "FAM-0001-ABCDEFG", ClaimResult.PROGRESS_TO_WORK),
              claim(7, "FAM-0002-ZZZZZZZZ", ClaimResult.CONTINUOUS_EMPLOYMENT)));
  private final ClaimKeys second =
      ClaimKeys.of(List.of(claim(2, "FAM-0001-ABCDEFG", ClaimResult.CONTINUOUS_EMPLOYMENT)));

  @Test
  void eachClaimKeepsItsFamilyRowAndResult() {
    assertThat(first.size()).isEqualTo(3);
    assertThat(first.familyRef(0)).isEqualTo("FAM-0001-ABCDEFGH");
    assertThat(first.familyRef(2)).isEqualTo("FAM-0002-ZZZZZZZZ");
    assertThat(first.row(2)).isEqualTo(7);
    assertThat(first.result(1)).isEqualTo(ClaimResult.PROGRESS_TO_WORK);
  }

  @Test
  void theFamilyHashIsTheReferenceStringsHash() {
    for (int c = 0; c < first.size(); c++) {
      assertThat(first.familyHash(c)).isEqualTo(first.familyRef(c).hashCode());
    }
  }

  @Test
  void familiesAreTheSameOnlyWhenTheirReferencesAreEqual() {
    assertThat(first.sameFamily(1, second, 0)).isTrue();
    assertThat(second.sameFamily(0, first, 1)).isTrue();
    // One reference a prefix of the other, and the last of a return (no comma after it).
    assertThat(first.sameFamily(0, second, 0)).isFalse();
    assertThat(second.sameFamily(0, first, 0)).isFalse();
    assertThat(first.sameFamily(2, first, 2)).isTrue();
    assertThat(first.sameFamily(2, second, 0)).isFalse();
  }

  @Test
  void aReferenceWithACommaCannotBeKept() {
    assertThatThrownBy(() -> ClaimKeys.of(List.of(claim(2, "FAM,1", ClaimResult.PROGRESS_TO_WORK))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("comma");
  }
}
