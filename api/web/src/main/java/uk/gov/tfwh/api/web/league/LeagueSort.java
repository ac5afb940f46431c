package uk.gov.tfwh.api.web.league;

import java.util.Comparator;
import java.util.Locale;
import uk.gov.tfwh.api.web.page.BadPageRequest;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.warehouse.query.league.LeagueTableRow;

/**
 * The columns the league table sorts by, as written in its {@code sort} parameter. Every sort ends
 * with the national rank and then the name, so equal values keep a stable, explainable order.
 */
public enum LeagueSort {
  RANK("rank", "Rank", Comparator.comparingInt(LeagueTableRow::rank)),
  REGION_RANK("region_rank", "Rank in region", Comparator.comparingInt(LeagueTableRow::regionRank)),
  NAME("name", "Authority", Comparator.comparing(LeagueTableRow::authorityName)),
  REGION("region", "Region", Comparator.comparing(LeagueTableRow::regionName)),
  TYPE("type", "Type", Comparator.comparing(LeagueTableRow::typeName)),
  TARGET("target", "Target", Comparator.comparingInt(LeagueTableRow::target)),
  ATTACHED(
      "attached", "Families attached", Comparator.comparingLong(LeagueTableRow::familiesAttached)),
  TURNED_AROUND(
      "turned_around", "Turned around", Comparator.comparingLong(LeagueTableRow::turnedAround)),
  PERCENT("percent", "Percent of target", Comparator.comparing(LeagueTableRow::percentOfTarget)),
  /** 1 = the top quarter of England's ranking. */
  QUARTILE("quartile", "Quartile", Comparator.comparingInt(LeagueTableRow::quartile)),
  CHANGE(
      "change",
      "Change since previous quarter",
      Comparator.comparing(
          LeagueTableRow::changeInTurnedAround, Comparator.nullsFirst(Comparator.naturalOrder())));

  private final String param;
  private final String heading;
  private final Comparator<LeagueTableRow> order;

  LeagueSort(String param, String heading, Comparator<LeagueTableRow> order) {
    this.param = param;
    this.heading = heading;
    this.order = order;
  }

  public String code() {
    return param;
  }

  /** The column's heading in a phase: the result figure is named as the phase names it. */
  public String heading(int phase) {
    return this == TURNED_AROUND ? Phase.ofNumber(phase).outcomeHeading() : heading;
  }

  /** Rows in this column's order, ascending or descending, ties by rank then name. */
  public Comparator<LeagueTableRow> comparator(boolean descending) {
    Comparator<LeagueTableRow> primary = descending ? order.reversed() : order;
    return primary
        .thenComparingInt(LeagueTableRow::rank)
        .thenComparing(LeagueTableRow::authorityName)
        .thenComparing(LeagueTableRow::authorityCode);
  }

  public static LeagueSort of(String param) {
    if (param == null || param.isBlank()) {
      return RANK;
    }
    String wanted = param.trim().toLowerCase(Locale.ROOT);
    for (LeagueSort sort : values()) {
      if (sort.param.equals(wanted)) {
        return sort;
      }
    }
    throw new BadPageRequest(
        "sort must be one of rank, name, region, type, target, attached, turned_around, percent or"
            + " change, not '"
            + param
            + "'");
  }
}
