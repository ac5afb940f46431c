package uk.gov.tfwh.api.totals;

import java.time.LocalDate;
import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/**
 * England's totals for one phase and quarter; as CSV, one row. The JSON carries the figures at the
 * top level and, for symmetry with CSV, the same row under {@code rows}.
 */
public record NationalTotals(
    int phase,
    LocalDate period,
    String quarterLabel,
    String snapshot,
    Release release,
    long authoritiesReporting,
    long authoritiesTotal,
    Long familiesIdentified,
    Long familiesAttached,
    Long turnedAround,
    Long target,
    java.math.BigDecimal percentOfTarget,
    Table table)
    implements Tabular {
  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
