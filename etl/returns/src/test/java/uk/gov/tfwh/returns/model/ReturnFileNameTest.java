package uk.gov.tfwh.returns.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.gov.tfwh.returns.model.ReturnFileName.Part;

class ReturnFileNameTest {

  @Test
  void eachPartIsItsSuffixAfterAStem() {
    assertThat(ReturnFileName.parse("E08000025-2014Q3-p1.summary.csv"))
        .contains(new ReturnFileName("E08000025-2014Q3-p1", Part.SUMMARY));
    assertThat(ReturnFileName.parse("kent.claims.csv"))
        .contains(new ReturnFileName("kent", Part.CLAIMS));
    assertThat(ReturnFileName.parse("kent.xlsx"))
        .contains(new ReturnFileName("kent", Part.WORKBOOK));
  }

  @Test
  void theSuffixIsComparedWithoutCaseAndTheStemKeepsItsOwn() {
    assertThat(ReturnFileName.parse("Kent.XLSX"))
        .contains(new ReturnFileName("Kent", Part.WORKBOOK));
    assertThat(ReturnFileName.parse("Kent.Summary.CSV"))
        .contains(new ReturnFileName("Kent", Part.SUMMARY));
    assertThat(ReturnFileName.parse("Kent.CLAIMS.csv"))
        .contains(new ReturnFileName("Kent", Part.CLAIMS));
    assertThat(ReturnFileName.parse("Kent.XLSX").orElseThrow().canonicalName())
        .isEqualTo("Kent.xlsx");
  }

  @Test
  void aNameThatIsOnlyASuffixNamesNoReturn() {
    assertThat(ReturnFileName.parse(".xlsx")).isEmpty();
    assertThat(ReturnFileName.parse(".summary.csv")).isEmpty();
    assertThat(ReturnFileName.parse(".CLAIMS.CSV")).isEmpty();
    assertThat(ReturnFileName.isPartOfReturn(".xlsx")).isFalse();
  }

  @Test
  void onlyTheLastSuffixCounts() {
    // A summary saved as a workbook is a workbook whose stem happens to end in .summary.csv.
    assertThat(ReturnFileName.parse("x.summary.csv.xlsx"))
        .contains(new ReturnFileName("x.summary.csv", Part.WORKBOOK));
    assertThat(ReturnFileName.parse("x.xlsx.summary.csv"))
        .contains(new ReturnFileName("x.xlsx", Part.SUMMARY));
    assertThat(ReturnFileName.parse("a.summary.claims.csv"))
        .contains(new ReturnFileName("a.summary", Part.CLAIMS));
  }

  @Test
  void aClaimsFileIsAPartOnItsOwnWhetherOrNotItsSummaryIsThere() {
    // Pairing is the landing folder's question, not a name's.
    assertThat(ReturnFileName.parse("a.claims.csv")).contains(new ReturnFileName("a", Part.CLAIMS));
    assertThat(ReturnFileName.isPartOfReturn("a.claims.csv")).isTrue();
  }

  @Test
  void doubleDotsAreLeftInTheStem() {
    // Whether such a name is safe is LandingFolder.unsafeReason's question, not this rule's.
    assertThat(ReturnFileName.parse("a..summary.csv"))
        .contains(new ReturnFileName("a.", Part.SUMMARY));
    assertThat(ReturnFileName.parse("a..xlsx")).contains(new ReturnFileName("a.", Part.WORKBOOK));
  }

  @Test
  void otherNamesAreNoPartOfAReturn() {
    assertThat(ReturnFileName.parse("kent")).isEmpty();
    assertThat(ReturnFileName.parse("")).isEmpty();
    assertThat(ReturnFileName.parse("kent.csv")).isEmpty();
    assertThat(ReturnFileName.parse("kent.summary")).isEmpty();
    assertThat(ReturnFileName.parse("kent.xls")).isEmpty();
    assertThat(ReturnFileName.parse("kent.xlsx.bak")).isEmpty();
    assertThat(ReturnFileName.parse("kent.summarycsv")).isEmpty();
    assertThat(ReturnFileName.isPartOfReturn("notes.txt")).isFalse();
  }

  @Test
  void aPartsNameIsBuiltFromAStem() {
    assertThat(Part.SUMMARY.nameFor("kent")).isEqualTo("kent.summary.csv");
    assertThat(Part.CLAIMS.nameFor("kent")).isEqualTo("kent.claims.csv");
    assertThat(Part.WORKBOOK.nameFor("kent")).isEqualTo("kent.xlsx");
    assertThat(ReturnFileName.parse(Part.CLAIMS.nameFor("k")))
        .contains(new ReturnFileName("k", Part.CLAIMS));
    assertThatThrownBy(() -> Part.WORKBOOK.nameFor(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachPartBelongsToItsFormatAndKeepsTheKeySidecarsRecord() {
    assertThat(Part.SUMMARY.format()).isEqualTo(ReturnFormat.CSV);
    assertThat(Part.CLAIMS.format()).isEqualTo(ReturnFormat.CSV);
    assertThat(Part.WORKBOOK.format()).isEqualTo(ReturnFormat.XLSX);
    assertThat(Part.values())
        .extracting(Part::key)
        .containsExactly("summary", "claims", "workbook");
    assertThat(Part.CLAIMS.is("claims")).isTrue();
    assertThat(Part.CLAIMS.is("other")).isFalse();
  }
}
