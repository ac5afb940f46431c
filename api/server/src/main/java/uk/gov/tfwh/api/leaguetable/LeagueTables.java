package uk.gov.tfwh.api.leaguetable;

import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.problem.BadParameterException;
import uk.gov.tfwh.api.problem.NotFoundException;
import uk.gov.tfwh.api.query.Arguments;
import uk.gov.tfwh.api.release.Snapshot;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

/**
 * The league table. Ranks, quartiles and changes were worked out by the load with the programme's
 * {@code LeagueRanking} (docs/methodology.md); this names the columns as the API publishes them.
 */
@Component
public class LeagueTables {
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

  private final WarehouseQueries queries;

  public LeagueTables(WarehouseQueries queries) {
    this.queries = queries;
  }

  public LeagueTable leagueTable(
      Snapshot snapshot, Phase phase, Quarter quarter, String region, String type) {
    QueryResult result = run(snapshot, phase, quarter, region, type);
    if (result.isEmpty()) {
      explainEmpty(snapshot, phase, quarter, region, type);
    }
    return new LeagueTable(
        phase.number(),
        quarter.end(),
        quarter.label(),
        snapshot.id(),
        snapshot.release(),
        Table.from(result, COLUMNS));
  }

  /** An empty table is a quarter with no figures (404) or a filter that matches nothing (400). */
  private void explainEmpty(
      Snapshot snapshot, Phase phase, Quarter quarter, String region, String type) {
    if ((region != null || type != null) && !run(snapshot, phase, quarter, null, null).isEmpty()) {
      throw new BadParameterException(
          region != null ? "region" : "type",
          "no authority has "
              + (region != null ? "region '" + region + "'" : "")
              + (region != null && type != null ? " and " : "")
              + (type != null ? "type '" + type + "'" : "")
              + "; regions are given by code or name, types as in /api/v1/authorities");
    }
    throw new NotFoundException(
        "no authority has figures for phase " + phase.number() + ", " + quarter.label());
  }

  private QueryResult run(
      Snapshot snapshot, Phase phase, Quarter quarter, String region, String type) {
    return queries.run(
        snapshot.selector(),
        Query.LEAGUE_TABLE,
        Arguments.of(
            "phase",
            phase.number(),
            "period",
            quarter.end(),
            "region",
            region,
            "authority_type",
            type));
  }
}
