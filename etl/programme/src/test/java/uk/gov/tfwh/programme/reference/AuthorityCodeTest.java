package uk.gov.tfwh.programme.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two rules of an authority code, at their edges. */
class AuthorityCodeTest {
  @ParameterizedTest(name = "[{0}] well formed {1}, an authority''s entity {2}")
  @CsvSource({
    "E10000016, true, true",
    "E06000001, true, true",
    "E07000001, true, true",
    "E11000001, true, true",
    "E12000001, true, false",
    "E99999999, true, false",
    "e10000016, false, false",
    "E1000001, false, false",
    "E100000160, false, false",
    "W06000001, false, false",
    "' E10000016', false, false"
  })
  void wellFormedIsTheShapeAndAnAuthorityHasOneOfSixEntities(
      String code, boolean wellFormed, boolean entity) {
    assertThat(AuthorityCode.isWellFormed(code)).isEqualTo(wellFormed);
    assertThat(AuthorityCode.isAuthorityEntity(code)).isEqualTo(entity);
  }

  @Test
  void nullEmptyAndATrailingLineBreakAreNeither() {
    for (String code : new String[] {"", "E10000016\n", "E10000016 "}) {
      assertThat(AuthorityCode.isWellFormed(code)).as("[%s]", code).isFalse();
      assertThat(AuthorityCode.isAuthorityEntity(code)).as("[%s]", code).isFalse();
    }
    assertThat(AuthorityCode.isWellFormed(null)).isFalse();
    assertThat(AuthorityCode.isAuthorityEntity(null)).isFalse();
  }

  /** A code refused for its letters or the spaces around it is told how it is written. */
  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "e10000016 | code must be an authority code such as E06000001, not 'e10000016' (codes are"
            + " written in capitals: E10000016)",
        "' E10000016 ' | code must be an authority code such as E06000001, not ' E10000016 '"
            + " (codes are written in capitals: E10000016)",
        "Kent | code must be an authority code such as E06000001, not 'Kent'",
        "e1000001 | code must be an authority code such as E06000001, not 'e1000001'",
      })
  void aMalformedCodeIsToldHowItIsWrittenWhenOnlyItsLettersWereWrong(String code, String refusal) {
    assertThat(AuthorityCode.malformed("code", code)).isEqualTo(refusal);
  }

  @Test
  void aWellFormedCodeOrNoneHasNoOtherWriting() {
    assertThat(AuthorityCode.asCodesAreWritten("E10000016")).isEmpty();
    assertThat(AuthorityCode.asCodesAreWritten(null)).isEmpty();
    assertThat(AuthorityCode.asCodesAreWritten("kent")).isEmpty();
  }
}
