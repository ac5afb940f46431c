package uk.gov.tfwh.api.leaguetable;

import java.time.LocalDate;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/** Every authority's figures for one phase and quarter, by rank (docs/api.md). */
public record LeagueTable(
    int phase, LocalDate period, String quarterLabel, String snapshot, Release release, Table table)
    implements Tabular {
  /** Columns of a league table row: API name = catalogue column. */
  static final String[] COLUMNS = {
    "authority_code",
    "authority_name",
    "region=region_name",
    "region_code",
    "authority_type",
    "target=target_families",
    "target_basis",
    "families_attached",
    "turned_around",
    "percent_of_target",
    "rank=national_rank",
    "region_rank",
    "type_rank",
    "quartile",
    "change_since_previous_quarter=change_in_turned_around",
    "change_in_percent_points"
  };

  /** The row of the table, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked("LeagueTableRow", RowShape.QUARTER, Query.LEAGUE_TABLE, COLUMNS);

  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
