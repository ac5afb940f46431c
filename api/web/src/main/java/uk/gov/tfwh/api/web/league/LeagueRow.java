package uk.gov.tfwh.api.web.league;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.api.web.page.Choices;
import uk.gov.tfwh.warehouse.query.QueryResult;

/** One authority's line of the league table, as the load ranked it (docs/methodology.md). */
public record LeagueRow(
    String authorityCode,
    String authorityName,
    String regionCode,
    String regionName,
    String authorityType,
    int target,
    String targetBasis,
    long familiesAttached,
    long turnedAround,
    BigDecimal percentOfTarget,
    int rank,
    int regionRank,
    int typeRank,
    int quartile,
    Long changeInTurnedAround,
    BigDecimal changeInPercentPoints) {

  public LeagueRow {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(authorityName, "authorityName");
    requireNonNull(percentOfTarget, "percentOfTarget");
  }

  public String typeName() {
    return Choices.typeName(authorityType);
  }

  /** The change in families turned around since the previous quarter, signed; null when new. */
  public String changeText() {
    if (changeInTurnedAround == null) {
      return null;
    }
    return changeInTurnedAround > 0 ? "+" + changeInTurnedAround : changeInTurnedAround.toString();
  }

  /** The rows of a {@code league_table} result, in its order. */
  public static List<LeagueRow> of(QueryResult result) {
    List<LeagueRow> rows = new ArrayList<>(result.size());
    for (int i = 0; i < result.size(); i++) {
      rows.add(
          new LeagueRow(
              result.value(i, "authority_code", String.class),
              result.value(i, "authority_name", String.class),
              result.value(i, "region_code", String.class),
              result.value(i, "region_name", String.class),
              result.value(i, "authority_type", String.class),
              result.value(i, "target_families", Integer.class),
              result.value(i, "target_basis", String.class),
              result.value(i, "families_attached", Long.class),
              result.value(i, "turned_around", Long.class),
              result.value(i, "percent_of_target", BigDecimal.class),
              result.value(i, "national_rank", Integer.class),
              result.value(i, "region_rank", Integer.class),
              result.value(i, "type_rank", Integer.class),
              result.value(i, "quartile", Integer.class),
              result.value(i, "change_in_turned_around", Long.class),
              result.value(i, "change_in_percent_points", BigDecimal.class)));
    }
    return rows;
  }
}
