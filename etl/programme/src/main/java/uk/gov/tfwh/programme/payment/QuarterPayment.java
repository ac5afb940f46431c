package uk.gov.tfwh.programme.payment;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.period.FinancialYear;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * What an authority is paid for one quarter of a phase; one row of the warehouse table {@code
 * fact_payment}. Amounts are in pounds to the penny; {@code total} is the attachment fee plus the
 * results payments and {@code cumulative} the total paid in the phase up to and including this
 * quarter.
 *
 * @param financialYear the financial year in which the quarter ends, whose rates apply
 * @param attachedFamiliesPaid families whose attachment fee falls due this quarter (the rise in
 *     attached families, counted only up to the target)
 * @param results the results payment for each result; a result the phase does not pay reads as
 *     £0.00
 * @param cap the most the authority can be paid in the phase
 * @param capped true when the cap cut this quarter's payment below what the rules made due
 */
public record QuarterPayment(
    String authorityCode,
    Phase phase,
    Quarter quarter,
    FinancialYear financialYear,
    long attachedFamiliesPaid,
    BigDecimal attachmentFee,
    ByResult<BigDecimal> results,
    BigDecimal total,
    BigDecimal cumulative,
    BigDecimal cap,
    boolean capped)
    implements Serializable {

  public QuarterPayment {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(phase, "phase");
    requireNonNull(quarter, "quarter");
    requireNonNull(financialYear, "financialYear");
    requireNonNull(attachmentFee, "attachmentFee");
    requireNonNull(results, "results");
    requireNonNull(total, "total");
    requireNonNull(cumulative, "cumulative");
    requireNonNull(cap, "cap");
    BigDecimal sum = attachmentFee.add(results.sum(BigDecimal::add));
    if (sum.compareTo(total) != 0) {
      throw new IllegalArgumentException(
          "total " + total + " is not the sum of the amounts (" + sum + ")");
    }
  }
}
