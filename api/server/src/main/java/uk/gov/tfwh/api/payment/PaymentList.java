package uk.gov.tfwh.api.payment;

import java.util.List;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/**
 * Payment-by-results per authority and quarter ({@code rows}, also the CSV), and per authority its
 * total so far against its cap ({@code authorities}, JSON only).
 */
public record PaymentList(
    int phase,
    String authority,
    String financialYear,
    String snapshot,
    Release release,
    List<AuthorityPaymentTotal> authorities,
    Table table)
    implements Tabular {
  /** The row of the table, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked("PaymentRow", RowShape.PHASE, Query.PAYMENTS, Payments.COLUMNS);

  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.phaseOf(phase);
  }
}
