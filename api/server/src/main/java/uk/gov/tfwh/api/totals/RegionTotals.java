package uk.gov.tfwh.api.totals;

import java.time.LocalDate;
import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/** Each region's totals for one phase and quarter. */
public record RegionTotals(
    int phase, LocalDate period, String quarterLabel, String snapshot, Release release, Table table)
    implements Tabular {
  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
