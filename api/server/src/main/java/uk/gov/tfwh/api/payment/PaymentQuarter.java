package uk.gov.tfwh.api.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;

/** One quarter of an authority's payment-by-results claims, as the warehouse worked them out. */
public record PaymentQuarter(
    LocalDate period,
    String quarterLabel,
    String financialYear,
    long attachedFamiliesPaid,
    BigDecimal attachmentFee,
    BigDecimal results,
    BigDecimal total,
    BigDecimal cumulative,
    BigDecimal cap,
    BigDecimal remainingCap,
    boolean capped) {

  static List<PaymentQuarter> of(QueryResult rows) {
    List<PaymentQuarter> payments = new ArrayList<>();
    for (ResultRow row : rows) {
      BigDecimal results =
          sum(
              row.decimal("results_crime_asb_education_gbp"),
              row.decimal("results_continuous_employment_gbp"),
              row.decimal("results_progress_to_work_gbp"),
              row.decimal("results_sustained_progress_gbp"));
      payments.add(
          new PaymentQuarter(
              row.date("period_end"),
              row.text("quarter_label"),
              row.text("financial_year"),
              orZero(row.longValue("attached_families_paid")),
              row.decimal("attachment_fee_gbp"),
              results,
              row.decimal("total_gbp"),
              row.decimal("cumulative_gbp"),
              row.decimal("cap_gbp"),
              row.decimal("remaining_cap_gbp"),
              row.isTrue("capped")));
    }
    return payments;
  }

  private static BigDecimal sum(BigDecimal... parts) {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal part : parts) {
      if (part != null) {
        total = total.add(part);
      }
    }
    return total;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
