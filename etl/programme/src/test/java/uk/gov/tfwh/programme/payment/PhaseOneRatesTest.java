package uk.gov.tfwh.programme.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.FinancialYear;

class PhaseOneRatesTest {

  @Test
  void theYearOf2012To13HasThePublishedRates() {
    PhaseOneRates rates = PhaseOneRates.forYear(FinancialYear.parse("2012/13"));

    assertThat(rates.attachmentFee()).isEqualByComparingTo("3200");
    assertThat(rates.crimeAsbEducation()).isEqualByComparingTo("700");
    assertThat(rates.progressToWork()).isEqualByComparingTo("100");
    assertThat(rates.continuousEmployment()).isEqualByComparingTo("800");
  }

  @Test
  void eachPhaseOneResultHasItsRateAndSustainedProgressNone() {
    PhaseOneRates rates = PhaseOneRates.forYear(FinancialYear.parse("2013/14"));

    assertThat(rates.result(ClaimResult.CRIME_ASB_EDUCATION)).isEqualByComparingTo("1500");
    assertThat(rates.result(ClaimResult.CONTINUOUS_EMPLOYMENT)).isEqualByComparingTo("1600");
    assertThat(rates.result(ClaimResult.PROGRESS_TO_WORK)).isEqualByComparingTo("100");
    assertThatThrownBy(() -> rates.result(ClaimResult.SUSTAINED_PROGRESS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase 1 pays no sustained progress result");
  }

  @Test
  void everyYearLetsAFamilyEarnAtMostFourThousand() {
    for (String year : new String[] {"2012/13", "2013/14", "2014/15", "2015/16"}) {
      assertThat(PhaseOneRates.forYear(FinancialYear.parse(year)).mostPerFamily())
          .as(year)
          .isEqualByComparingTo(PaymentRules.PHASE_ONE_PER_FAMILY);
    }
  }

  @Test
  void laterYearsKeepThe2014To15Rates() {
    assertThat(PhaseOneRates.forYear(FinancialYear.parse("2015/16")).financialYear())
        .isEqualTo(FinancialYear.parse("2014/15"));
  }

  @Test
  void thereAreNoRatesBeforeThePhaseBegan() {
    assertThatThrownBy(() -> PhaseOneRates.forYear(FinancialYear.parse("2011/12")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2011/12");
  }
}
