package uk.gov.tfwh.api.web.authority;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.warehouse.query.QueryResult;

/** One quarter of an authority's payment-by-results claims, as the warehouse worked them out. */
public record PaymentRow(
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

  public static List<PaymentRow> of(QueryResult rows) {
    List<PaymentRow> payments = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      BigDecimal results =
          sum(
              rows.value(i, "results_crime_asb_education_gbp", BigDecimal.class),
              rows.value(i, "results_continuous_employment_gbp", BigDecimal.class),
              rows.value(i, "results_progress_to_work_gbp", BigDecimal.class),
              rows.value(i, "results_sustained_progress_gbp", BigDecimal.class));
      payments.add(
          new PaymentRow(
              rows.value(i, "period_end", LocalDate.class),
              rows.value(i, "quarter_label", String.class),
              rows.value(i, "financial_year", String.class),
              orZero(rows.value(i, "attached_families_paid", Long.class)),
              rows.value(i, "attachment_fee_gbp", BigDecimal.class),
              results,
              rows.value(i, "total_gbp", BigDecimal.class),
              rows.value(i, "cumulative_gbp", BigDecimal.class),
              rows.value(i, "cap_gbp", BigDecimal.class),
              rows.value(i, "remaining_cap_gbp", BigDecimal.class),
              Boolean.TRUE.equals(rows.value(i, "capped", Boolean.class))));
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

  /** The payments as the page's table, with the cap the page states in its "Capped" tags. */
  public static PageTable table(List<PaymentRow> payments) {
    PageTable.Builder table =
        PageTable.under(
            "Quarter",
            "Financial year",
            "Capped",
            "Families attached (paid)",
            "Attachment fees",
            "Results payments",
            "Total",
            "Total so far",
            "Cap",
            "Cap left");
    for (PaymentRow p : payments) {
      table.row(
          p.quarterLabel(),
          p.financialYear(),
          p.capped(),
          p.attachedFamiliesPaid(),
          p.attachmentFee(),
          p.results(),
          p.total(),
          p.cumulative(),
          p.cap(),
          p.remainingCap());
    }
    return table.build();
  }
}
