package uk.gov.tfwh.api.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.query.Arguments;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.FinancialYear;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
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
    QueryResult result =
        queries.run(
            snapshot,
            Query.PAYMENTS,
            Arguments.of("phase", phase.number(), "authority", authority, "financial_year", year));
    return new PaymentList(
        phase.number(),
        authority,
        year,
        snapshot.id(),
        snapshot.release(),
        totals(result),
        Table.from(result, PaymentList.ROW.picks()));
  }

  /** Per authority, in the result's order (by code): rows are by authority, then quarter. */
  private static List<AuthorityPaymentTotal> totals(QueryResult result) {
    Map<String, AuthorityPaymentTotal> totals = new LinkedHashMap<>();
    for (int i = 0; i < result.size(); i++) {
      String code = result.value(i, "authority_code", String.class);
      AuthorityPaymentTotal before = totals.get(code);
      BigDecimal paid = result.value(i, "total_gbp", BigDecimal.class);
      BigDecimal cumulative = result.value(i, "cumulative_gbp", BigDecimal.class);
      BigDecimal cap = result.value(i, "cap_gbp", BigDecimal.class);
      totals.put(
          code,
          new AuthorityPaymentTotal(
              code,
              result.value(i, "authority_name", String.class),
              result.value(i, "period_end", LocalDate.class),
              before == null ? paid : before.paidInRows().add(paid),
              cumulative,
              cap,
              result.value(i, "remaining_cap_gbp", BigDecimal.class),
              cumulative.compareTo(cap) >= 0));
    }
    return new ArrayList<>(totals.values());
  }
}
