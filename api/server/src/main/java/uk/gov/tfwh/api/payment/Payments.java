package uk.gov.tfwh.api.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.FinancialYear;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * Payments as the load worked them out with the programme's {@code PaymentRules}
 * (docs/methodology.md, "Payments"); this only selects and sums what was paid in the rows shown.
 */
@Component
public class Payments {
  static final String[] COLUMNS = {
    "authority_code",
    "authority_name",
    "period=period_end",
    "quarter_label",
    "financial_year",
    "attached_families_paid",
    "attachment_fee_gbp",
    "results_crime_asb_education_gbp",
    "results_continuous_employment_gbp",
    "results_progress_to_work_gbp",
    "results_sustained_progress_gbp",
    "total_gbp",
    "cumulative_gbp",
    "cap_gbp",
    "remaining_cap_gbp",
    "capped"
  };

  private final WarehouseQueries queries;
  private final Authorities authorities;

  public Payments(WarehouseQueries queries, Authorities authorities) {
    this.queries = queries;
    this.authorities = authorities;
  }

  public PaymentList payments(
      PinnedSnapshot snapshot, Phase phase, String authority, FinancialYear financialYear) {
    if (authority != null) {
      authorities.require(snapshot, authority);
    }
    String year = financialYear == null ? null : financialYear.label();
    QueryResult result = run(snapshot, phase, authority, year);
    return new PaymentList(
        phase.number(),
        authority,
        year,
        snapshot.id(),
        snapshot.release(),
        totals(result),
        Table.from(result, PaymentList.ROW.picks()));
  }

  /** An authority's payments quarter by quarter in the phase, for the pages. */
  public List<PaymentQuarter> quarters(PinnedSnapshot snapshot, Phase phase, String authority) {
    return PaymentQuarter.of(run(snapshot, phase, authority, null));
  }

  private QueryResult run(PinnedSnapshot snapshot, Phase phase, String authority, String year) {
    return queries.run(
        snapshot,
        QueryArguments.of(Query.PAYMENTS).phase(phase).authority(authority).financialYear(year));
  }

  /** Per authority, in the result's order (by code): rows are by authority, then quarter. */
  private static List<AuthorityPaymentTotal> totals(QueryResult result) {
    Map<String, AuthorityPaymentTotal> totals = new LinkedHashMap<>();
    for (ResultRow row : result) {
      String code = row.text("authority_code");
      AuthorityPaymentTotal before = totals.get(code);
      BigDecimal paid = row.decimal("total_gbp");
      BigDecimal cumulative = row.decimal("cumulative_gbp");
      BigDecimal cap = row.decimal("cap_gbp");
      totals.put(
          code,
          new AuthorityPaymentTotal(
              code,
              row.text("authority_name"),
              row.date("period_end"),
              before == null ? paid : before.paidInRows().add(paid),
              cumulative,
              cap,
              row.decimal("remaining_cap_gbp"),
              cumulative.compareTo(cap) >= 0));
    }
    return new ArrayList<>(totals.values());
  }
}
