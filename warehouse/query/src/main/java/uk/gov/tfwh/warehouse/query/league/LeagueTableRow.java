package uk.gov.tfwh.warehouse.query.league;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.programme.reference.AuthorityType;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;

/**
 * One authority's line of the league table, as the load ranked it (docs/methodology.md): the one
 * reading of {@code league_table.sql}'s rows, here in the query layer so that the API's pages (via
 * its league-table service) and the exports' briefing, which may not depend on the API, share it.
 * The ranks and quartile are null where they are withheld ({@link
 * uk.gov.tfwh.warehouse.query.PinnedSnapshot#ranksWithheld()}).
 */
public record LeagueTableRow(
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
    Integer rank,
    Integer regionRank,
    Integer typeRank,
    Integer quartile,
    Long changeInTurnedAround,
    BigDecimal changeInPercentPoints) {

  public LeagueTableRow {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(authorityName, "authorityName");
    requireNonNull(percentOfTarget, "percentOfTarget");
  }

  /** The programme's name for the authority's type, or its code when it is not one it knows. */
  public String typeName() {
    return AuthorityType.nameOf(authorityType);
  }

  /** The change in families turned around since the previous quarter, signed; null when new. */
  public String changeText() {
    if (changeInTurnedAround == null) {
      return null;
    }
    return changeInTurnedAround > 0 ? "+" + changeInTurnedAround : changeInTurnedAround.toString();
  }

  /** The rows of a {@code league_table} result, in its order. */
  public static List<LeagueTableRow> of(QueryResult result) {
    List<LeagueTableRow> rows = new ArrayList<>(result.size());
    for (ResultRow row : result) {
      rows.add(
          new LeagueTableRow(
              row.text("authority_code"),
              row.text("authority_name"),
              row.text("region_code"),
              row.text("region_name"),
              row.text("authority_type"),
              row.integer("target_families"),
              row.text("target_basis"),
              row.longValue("families_attached"),
              row.longValue("turned_around"),
              row.decimal("percent_of_target"),
              row.integer("national_rank"),
              row.integer("region_rank"),
              row.integer("type_rank"),
              row.integer("quartile"),
              row.longValue("change_in_turned_around"),
              row.decimal("change_in_percent_points")));
    }
    return rows;
  }
}
