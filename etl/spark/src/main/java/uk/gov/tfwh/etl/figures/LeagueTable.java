package uk.gov.tfwh.etl.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.table.ContractRow;
import uk.gov.tfwh.programme.league.LeagueRanking;
import uk.gov.tfwh.programme.outcome.TurnedAround;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * {@code agg_authority_quarter}: for each phase and quarter, every authority with a current return
 * ranked by percent of target ({@link LeagueRanking}) nationally, in its region and in its type,
 * with its quartile and the change since its previous quarter.
 */
public final class LeagueTable {
  /** How a row is made: bump the version whenever {@link #rows} makes a row differently. */
  public static final String FORMAT =
      "agg_authority_quarter 1 " + WarehouseTable.AGG_AUTHORITY_QUARTER.columns();

  private LeagueTable() {}

  /** One authority's figures in one quarter. */
  private record Entry(ReadReturn read, Authority authority, Target target, long turnedAround) {
    ReturnSummary summary() {
      return read.acceptedSummary();
    }
  }

  public static List<Row> rows(ReferenceData reference, CurrentReturns current) {
    return rows(reference, current, Set.of());
  }

  /** The rows of every quarter but the kept ones ({@code 2014-03-31}). */
  public static List<Row> rows(
      ReferenceData reference, CurrentReturns current, Set<String> keptQuarters) {
    Map<String, Entry> byAuthorityPhaseQuarter = new HashMap<>();
    for (ReadReturn read : current.all()) {
      ReturnSummary summary = read.acceptedSummary();
      // A kept quarter's entry is needed only as the previous one of a quarter that is not kept.
      if (FigureQuarters.kept(keptQuarters, summary.quarter())
          && FigureQuarters.kept(keptQuarters, summary.quarter().next())) {
        continue;
      }
      Authority authority = reference.authority(summary.authorityCode()).orElseThrow();
      Target target = reference.target(summary.authorityCode(), summary.phase()).orElseThrow();
      long turnedAround = TurnedAround.of(summary.phase(), summary.results());
      Entry entry = new Entry(read, authority, target, turnedAround);
      byAuthorityPhaseQuarter.put(
          key(summary.authorityCode(), summary.phase(), summary.quarter()), entry);
    }
    Map<String, List<Entry>> groups = new TreeMap<>();
    for (Entry entry : byAuthorityPhaseQuarter.values()) {
      if (FigureQuarters.kept(keptQuarters, entry.summary().quarter())) {
        continue;
      }
      groups
          .computeIfAbsent(
              entry.summary().phase().number() + "/" + entry.summary().quarter().end(),
              k -> new ArrayList<>())
          .add(entry);
    }
    List<Row> rows = new ArrayList<>();
    for (List<Entry> group : groups.values()) {
      Map<String, Integer> national = rank(group, e -> "england");
      Map<String, Integer> region = rank(group, e -> e.authority().region().code());
      Map<String, Integer> type = rank(group, e -> e.authority().type().code());
      for (Entry entry : group) {
        String code = entry.authority().code();
        Entry previous =
            byAuthorityPhaseQuarter.get(
                key(code, entry.summary().phase(), entry.summary().quarter().previous()));
        rows.add(
            row(
                entry,
                previous,
                national.get(code),
                region.get(code),
                type.get(code),
                group.size()));
      }
    }
    return rows;
  }

  /** Ranks within subgroups (all, a region, a type); returns each authority's rank. */
  private static Map<String, Integer> rank(List<Entry> group, Function<Entry, String> subgroup) {
    Map<String, Map<String, Long>> figures = new HashMap<>();
    Map<String, Integer> targets = new HashMap<>();
    for (Entry entry : group) {
      figures
          .computeIfAbsent(subgroup.apply(entry), k -> new HashMap<>())
          .put(entry.authority().code(), entry.turnedAround());
      targets.put(entry.authority().code(), entry.target().families());
    }
    Map<String, Integer> ranks = new HashMap<>();
    figures.values().forEach(members -> ranks.putAll(LeagueRanking.rank(members, targets)));
    return ranks;
  }

  private static Row row(
      Entry entry, Entry previous, int nationalRank, int regionRank, int typeRank, int groupSize) {
    ReturnSummary summary = entry.summary();
    int target = entry.target().families();
    BigDecimal percent = LeagueRanking.percentOfTarget(entry.turnedAround(), target);
    BigDecimal previousPercent =
        previous == null ? null : LeagueRanking.percentOfTarget(previous.turnedAround(), target);
    return ContractRow.of(WarehouseTable.AGG_AUTHORITY_QUARTER)
        .set("authority_code", entry.authority().code())
        .set("authority_name", entry.authority().name())
        .set("region_code", entry.authority().region().code())
        .set("region_name", entry.authority().region().name())
        .set("authority_type", entry.authority().type().code())
        .set("phase", summary.phase().number())
        .set("period_end", summary.quarter().end())
        .set("families_identified", summary.familiesIdentified())
        .set("families_attached", summary.familiesAttached())
        .set("turned_around", entry.turnedAround())
        .set("target_families", target)
        .set("target_basis", entry.target().basis().code())
        .set("percent_of_target", percent)
        .set("national_rank", nationalRank)
        .set("region_rank", regionRank)
        .set("type_rank", typeRank)
        .set("quartile", LeagueRanking.quartile(nationalRank, groupSize))
        .set(
            "change_in_turned_around",
            LeagueRanking.changeInTurnedAround(
                previous == null ? null : previous.turnedAround(), entry.turnedAround()))
        .set(
            "change_in_percent_points",
            LeagueRanking.changeInPercentPoints(previousPercent, percent))
        .set("return_id", entry.read().returnId())
        .build();
  }

  private static String key(String authorityCode, Phase phase, Quarter quarter) {
    return authorityCode + "/" + phase.number() + "/" + quarter.end();
  }
}
