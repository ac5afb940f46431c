package uk.gov.tfwh.api.leaguetable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import uk.gov.tfwh.api.authority.NamedChoices;
import uk.gov.tfwh.api.problem.BadParameterException;
import uk.gov.tfwh.api.problem.NotFoundException;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.AuthorityType;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.league.LeagueTableRow;

/**
 * The league table. Ranks, quartiles and changes were worked out by the load with the programme's
 * {@code LeagueRanking} (docs/methodology.md); this names the columns as the API publishes them.
 */
@Component
public class LeagueTables {
  private final WarehouseQueries queries;

  public LeagueTables(WarehouseQueries queries) {
    this.queries = queries;
  }

  public LeagueTable leagueTable(
      PinnedSnapshot snapshot, Phase phase, Quarter quarter, String regionAsked, String typeAsked) {
    QueryResult authorities = queries.run(snapshot, QueryArguments.of(Query.AUTHORITIES));
    String region = choice(regions(authorities), regionAsked);
    String type = choice(types(authorities), typeAsked);
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
        Table.from(result, LeagueTable.ROW.picks()));
  }

  /**
   * The table's rows in rank order, for the pages: a region and type given by code, or null for
   * all; no rows when nothing matches.
   */
  public List<LeagueTableRow> rows(
      PinnedSnapshot snapshot, Phase phase, Quarter quarter, String region, String type) {
    return LeagueTableRow.of(run(snapshot, phase, quarter, region, type));
  }

  /** The snapshot's regions, by code, in name order. */
  public static NamedChoices regions(QueryResult authorities) {
    Map<String, String> byName = new TreeMap<>();
    for (ResultRow row : authorities) {
      byName.put(row.text("region_name"), row.text("region_code"));
    }
    Map<String, String> byCode = new LinkedHashMap<>();
    byName.forEach((name, code) -> byCode.put(code, name));
    return new NamedChoices("region", byCode);
  }

  /** The snapshot's authority types, by code, with the programme's names. */
  public static NamedChoices types(QueryResult authorities) {
    Map<String, String> byName = new TreeMap<>();
    for (ResultRow row : authorities) {
      String code = row.text("authority_type");
      byName.put(AuthorityType.nameOf(code), code);
    }
    Map<String, String> byCode = new LinkedHashMap<>();
    byName.forEach((name, code) -> byCode.put(code, name));
    return new NamedChoices("type", byCode);
  }

  private static String choice(NamedChoices choices, String asked) {
    try {
      return choices.codeOf(asked);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(choices.parameter(), e.getMessage());
    }
  }

  /** An empty table is a quarter with no figures (404) or a filter that matches nothing (400). */
  private void explainEmpty(
      PinnedSnapshot snapshot, Phase phase, Quarter quarter, String region, String type) {
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
      PinnedSnapshot snapshot, Phase phase, Quarter quarter, String region, String type) {
    return queries.run(
        snapshot,
        QueryArguments.of(Query.LEAGUE_TABLE)
            .phase(phase)
            .quarter(quarter)
            .region(region)
            .authorityType(type));
  }
}
