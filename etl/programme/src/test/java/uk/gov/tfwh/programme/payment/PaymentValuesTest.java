package uk.gov.tfwh.programme.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CONTINUOUS_EMPLOYMENT;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CRIME_ASB_EDUCATION;
import static uk.gov.tfwh.programme.outcome.ClaimResult.PROGRESS_TO_WORK;
import static uk.gov.tfwh.programme.outcome.ClaimResult.SUSTAINED_PROGRESS;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.period.FinancialYear;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/** The checks the payments' inputs and outputs make of themselves. */
class PaymentValuesTest {
  private static final Quarter Q_2013_03 = Quarter.parse("2013-03-31");

  @Test
  void cumulativeFiguresRefuseNegativeAttachedFamilies() {
    assertThatThrownBy(() -> new CumulativeFigures(Q_2013_03, -1, ByResult.counts(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("familiesAttached must not be negative, not -1");
  }

  @Test
  void outcomeClaimsAreForPhaseTwosResultsOnly() {
    assertThatThrownBy(() -> new OutcomeClaims(ByResult.counts(Map.of(CRIME_ASB_EDUCATION, 1L))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("crime/ASB/education is not a phase 2 result");
    assertThatThrownBy(() -> new OutcomeClaims(ByResult.counts(Map.of(PROGRESS_TO_WORK, 0L))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outcomeClaimsTotalTheirResults() {
    OutcomeClaims claims =
        new OutcomeClaims(
            ByResult.counts(Map.of(SUSTAINED_PROGRESS, 10L, CONTINUOUS_EMPLOYMENT, 5L)));

    assertThat(claims.total()).isEqualTo(15);
    assertThat(OutcomeClaims.NONE.total()).isZero();
  }

  @Test
  void aPaymentsTotalIsTheAttachmentFeePlusItsResults() {
    ByResult<BigDecimal> results =
        ByResult.pounds(
            Map.of(CRIME_ASB_EDUCATION, money("10.00"), SUSTAINED_PROGRESS, money("0.01")));

    assertThat(payment(money("100.00"), results, money("110.01")).total())
        .isEqualTo(money("110.01"));
    assertThatThrownBy(() -> payment(money("100.00"), results, money("110.00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("total 110.00 is not the sum of the amounts (110.01)");
  }

  private static QuarterPayment payment(
      BigDecimal attachmentFee, ByResult<BigDecimal> results, BigDecimal total) {
    return new QuarterPayment(
        "E06000001",
        Phase.ONE,
        Q_2013_03,
        FinancialYear.parse("2012/13"),
        1,
        attachmentFee,
        results,
        total,
        total,
        money("1000000.00"),
        false);
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
