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
  void aSingleClaimAndNoClaimAreIndexedToo() {
    assertThat(second.familyHash(0)).isEqualTo("FAM-0001-ABCDEFG".hashCode());
    assertThat(second.familyRef(0)).isEqualTo("FAM-0001-ABCDEFG");
    ClaimKeys none = ClaimKeys.of(List.of());
    assertThat(none.size()).isZero();
    assertThat(ClaimKeys.packed(none.familyRefs(), none.rows(), none.results())).isEqualTo(none);
  }

  @Test
  void aReferenceReadBackFromTheStateIsIndexedAsWhenItWasRead() {
    ClaimKeys packed = ClaimKeys.packed(first.familyRefs(), first.rows(), first.results());
    for (int c = 0; c < first.size(); c++) {
      assertThat(packed.familyHash(c)).isEqualTo(first.familyRef(c).hashCode());
      assertThat(packed.familyRef(c)).isEqualTo(first.familyRef(c));
      assertThat(packed.sameFamily(c, first, c)).isTrue();
    }
  }

  @Test
  void aReferenceOfOtherCharactersIsHashedAsItsStringToo() {
    // Not what a family_ref may hold, but a state read back may: the hash and the references are
    // the strings' own whatever the text.
    List<String> references =
        List.of("famille-\u00e9t\u00e9-0001", "FAM?0001_\u4e00", "FAM-0001-ABCDEFGH");
    ClaimKeys keys =
        ClaimKeys.packed(String.join(",", references), new int[] {2, 3, 4}, new byte[] {0, 0, 0});
    for (int c = 0; c < references.size(); c++) {
      assertThat(keys.familyRef(c)).isEqualTo(references.get(c));
      assertThat(keys.familyHash(c)).isEqualTo(references.get(c).hashCode());
    }
  }

  @Test
  void packedKeysThatDoNotFitTogetherAreRefused() {
    int[] two = {2, 3};
    byte[] twoResults = {0, 1};
    assertThatThrownBy(() -> ClaimKeys.packed("FAM-0001-ABCDEFGH", two, twoResults))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 claim rows but 1 families");
    assertThatThrownBy(() -> ClaimKeys.packed("A-0000000000000001,B,C", two, twoResults))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 claim rows but more families");
    assertThatThrownBy(() -> ClaimKeys.packed("", two, twoResults))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 claim rows but 0 families");
    assertThatThrownBy(() -> ClaimKeys.packed("FAM-0001-ABCDEFGH", new int[0], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("0 claim rows but 1 families");
    assertThatThrownBy(() -> ClaimKeys.packed(",", new int[0], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("0 claim rows but more families");
    assertThatThrownBy(() -> ClaimKeys.packed("A,B", two, new byte[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 claim rows but 1 claim results");
    assertThatThrownBy(() -> ClaimKeys.packed("A,B", two, new byte[] {0, 99}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no claim result 99");
    assertThat(ClaimKeys.packed("A,B", two, twoResults).familyRef(1)).isEqualTo("B");
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
