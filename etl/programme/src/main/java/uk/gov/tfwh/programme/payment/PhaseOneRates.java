package uk.gov.tfwh.programme.payment;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.period.FinancialYear;

/**
 * Phase 1 payment rates per family for one financial year, before the 5/6 factor. A family could
 * earn the attachment fee and then either crime/ASB/education with progress to work, or continuous
 * employment: £4,000 in every year. The 2012/13 row is published; the later results amounts are
 * derived so that each year sums to £4,000 ({@code reference/programme-facts.md}).
 */
public record PhaseOneRates(
    FinancialYear financialYear,
    BigDecimal attachmentFee,
    BigDecimal crimeAsbEducation,
    BigDecimal progressToWork,
    BigDecimal continuousEmployment) {

  private static final List<PhaseOneRates> TABLE =
      List.of(
          rates(2012, 3_200, 700, 100, 800),
          rates(2013, 2_400, 1_500, 100, 1_600),
          rates(2014, 1_600, 2_300, 100, 2_400));

  public PhaseOneRates {
    requireNonNull(financialYear, "financialYear");
    requireNonNull(attachmentFee, "attachmentFee");
    requireNonNull(crimeAsbEducation, "crimeAsbEducation");
    requireNonNull(progressToWork, "progressToWork");
    requireNonNull(continuousEmployment, "continuousEmployment");
  }

  /**
   * The rates of a financial year. Phase 1 ran into 2015/16 (to May 2015) without a new rate table,
   * so years after 2014/15 keep the 2014/15 rates; years before 2012/13 had no phase 1.
   */
  public static PhaseOneRates forYear(FinancialYear year) {
    requireNonNull(year, "year");
    PhaseOneRates first = TABLE.get(0);
    if (year.compareTo(first.financialYear) < 0) {
      throw new IllegalArgumentException(
          "phase 1 paid nothing before " + first.financialYear + "; no rates for " + year);
    }
    PhaseOneRates chosen = first;
    for (PhaseOneRates rates : TABLE) {
      if (rates.financialYear.compareTo(year) <= 0) {
        chosen = rates;
      }
    }
    return chosen;
  }

  /**
   * The rate of one of phase 1's results.
   *
   * @throws IllegalArgumentException for sustained progress, which phase 1 does not pay
   */
  public BigDecimal result(ClaimResult result) {
    return switch (requireNonNull(result, "result")) {
      case CRIME_ASB_EDUCATION -> crimeAsbEducation;
      case CONTINUOUS_EMPLOYMENT -> continuousEmployment;
      case PROGRESS_TO_WORK -> progressToWork;
      case SUSTAINED_PROGRESS ->
          throw new IllegalArgumentException("phase 1 pays no " + result.label() + " result");
    };
  }

  /**
   * The most one family could earn in the year before the 5/6 factor: the attachment fee and then
   * either crime/ASB/education with progress to work, or continuous employment. It is £4,000 in
   * every year of the table.
   */
  public BigDecimal mostPerFamily() {
    return attachmentFee.add(crimeAsbEducation.add(progressToWork).max(continuousEmployment));
  }

  private static PhaseOneRates rates(
      int startYear, int attachment, int crimeAsbEducation, int progressToWork, int employment) {
    return new PhaseOneRates(
        new FinancialYear(startYear),
        BigDecimal.valueOf(attachment),
        BigDecimal.valueOf(crimeAsbEducation),
        BigDecimal.valueOf(progressToWork),
        BigDecimal.valueOf(employment));
  }
}
