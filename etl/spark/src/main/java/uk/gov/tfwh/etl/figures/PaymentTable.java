package uk.gov.tfwh.etl.figures;

import static uk.gov.tfwh.programme.outcome.ClaimResult.CONTINUOUS_EMPLOYMENT;
import static uk.gov.tfwh.programme.outcome.ClaimResult.CRIME_ASB_EDUCATION;
import static uk.gov.tfwh.programme.outcome.ClaimResult.PROGRESS_TO_WORK;
import static uk.gov.tfwh.programme.outcome.ClaimResult.SUSTAINED_PROGRESS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.table.ContractRow;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.payment.CumulativeFigures;
import uk.gov.tfwh.programme.payment.OutcomeClaims;
import uk.gov.tfwh.programme.payment.PaymentRules;
import uk.gov.tfwh.programme.payment.QuarterPayment;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * {@code fact_payment}: the payment rules ({@link PaymentRules}) applied to every authority's
 * current returns, phase by phase; phase 2 results are paid on the claims accepted nationally.
 */
public final class PaymentTable {
  /** How a row is made: bump the version whenever {@link #rows} makes a row differently. */
  public static final String FORMAT = "fact_payment 1 " + WarehouseTable.FACT_PAYMENT.columns();

  private PaymentTable() {}

  public static List<Row> rows(
      ReferenceData reference,
      CurrentReturns current,
      Map<String, Map<ClaimResult, Long>> acceptedByReturn) {
    return rows(reference, current, acceptedByReturn, Set.of());
  }

  /**
   * The rows of every quarter but the kept ones ({@code 2014-03-31}), whose payments are still
   * worked out: a later quarter's are paid on their highs and under their cap.
   */
  public static List<Row> rows(
      ReferenceData reference,
      CurrentReturns current,
      Map<String, Map<ClaimResult, Long>> acceptedByReturn,
      Set<String> keptQuarters) {
    List<Row> rows = new ArrayList<>();
    for (List<ReadReturn> series : current.series()) {
      // A series kept whole (a phase that ended before the earliest change) has no rows to build.
      if (series.stream()
          .allMatch(read -> FigureQuarters.kept(keptQuarters, read.acceptedSummary().quarter()))) {
        continue;
      }
      ReturnSummary first = series.get(0).acceptedSummary();
      Target target =
          reference
              .target(first.authorityCode(), first.phase())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "reference set "
                              + reference.version()
                              + " has no phase "
                              + first.phase().number()
                              + " target for "
                              + first.authorityCode()));
      List<CumulativeFigures> figures = new ArrayList<>();
      Map<Quarter, OutcomeClaims> claims = new HashMap<>();
      for (ReadReturn read : series) {
        ReturnSummary summary = read.acceptedSummary();
        figures.add(
            new CumulativeFigures(
                summary.quarter(), summary.familiesAttached(), summary.results()));
        Map<ClaimResult, Long> accepted = acceptedByReturn.getOrDefault(read.returnId(), Map.of());
        if (summary.phase() == Phase.TWO && !accepted.isEmpty()) {
          claims.put(summary.quarter(), new OutcomeClaims(ByResult.counts(accepted)));
        }
      }
      List<QuarterPayment> payments =
          first.phase() == Phase.ONE
              ? PaymentRules.phaseOne(target, figures)
              : PaymentRules.phaseTwo(target, figures, claims);
      for (QuarterPayment payment : payments) {
        if (!FigureQuarters.kept(keptQuarters, payment.quarter())) {
          rows.add(row(payment));
        }
      }
    }
    return rows;
  }

  private static Row row(QuarterPayment payment) {
    return ContractRow.of(WarehouseTable.FACT_PAYMENT)
        .set("authority_code", payment.authorityCode())
        .set("phase", payment.phase().number())
        .set("period_end", payment.quarter().end())
        .set("financial_year", payment.financialYear().label())
        .set("attached_families_paid", payment.attachedFamiliesPaid())
        .set("attachment_fee_gbp", payment.attachmentFee())
        .set("results_crime_asb_education_gbp", payment.results().get(CRIME_ASB_EDUCATION))
        .set("results_continuous_employment_gbp", payment.results().get(CONTINUOUS_EMPLOYMENT))
        .set("results_progress_to_work_gbp", payment.results().get(PROGRESS_TO_WORK))
        .set("results_sustained_progress_gbp", payment.results().get(SUSTAINED_PROGRESS))
        .set("total_gbp", payment.total())
        .set("cumulative_gbp", payment.cumulative())
        .set("cap_gbp", payment.cap())
        .set("capped", payment.capped())
        .build();
  }
}
