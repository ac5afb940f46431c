package uk.gov.tfwh.api.web.authority;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.web.page.PageTable;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;

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
    for (ResultRow row : rows) {
      BigDecimal results =
          sum(
              row.decimal("results_crime_asb_education_gbp"),
              row.decimal("results_continuous_employment_gbp"),
              row.decimal("results_progress_to_work_gbp"),
              row.decimal("results_sustained_progress_gbp"));
      payments.add(
          new PaymentRow(
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
