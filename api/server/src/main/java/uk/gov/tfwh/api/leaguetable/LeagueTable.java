package uk.gov.tfwh.api.leaguetable;

import java.time.LocalDate;
import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

/** Every authority's figures for one phase and quarter, by rank (docs/api.md). */
public record LeagueTable(
    int phase, LocalDate period, String quarterLabel, String snapshot, Release release, Table table)
    implements Tabular {
  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
