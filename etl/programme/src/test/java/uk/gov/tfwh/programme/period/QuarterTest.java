package uk.gov.tfwh.programme.period;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuarterTest {

  @Test
  void quartersUntilCountsAcrossYearEnds() {
    assertThat(Quarter.parse("2012Q4").quartersUntil(Quarter.parse("2013Q1"))).isEqualTo(1);
    assertThat(Quarter.parse("2012Q2").quartersUntil(Quarter.parse("2015Q2"))).isEqualTo(12);
    assertThat(Quarter.parse("2013Q3").quartersUntil(Quarter.parse("2013Q3"))).isZero();
    assertThat(Quarter.parse("2014Q1").quartersUntil(Quarter.parse("2013Q3"))).isEqualTo(-2);
  }

  @Test
  void aQuarterBelongsToTheFinancialYearInWhichItEnds() {
    assertThat(Quarter.parse("2013-03-31").financialYear().label()).isEqualTo("2012/13");
    assertThat(Quarter.parse("2013-06-30").financialYear().label()).isEqualTo("2013/14");
  }
}
