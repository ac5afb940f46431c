package uk.gov.tfwh.api.returns;

import java.time.LocalDate;
import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/** Every accepted version of one authority's return for a quarter, oldest first. */
public record ReturnHistory(
    String authorityCode,
    String authorityName,
    int phase,
    LocalDate period,
    String quarterLabel,
    String currentReturnId,
    String snapshot,
    Release release,
    Table table)
    implements Tabular {
  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
