package uk.gov.tfwh.exports.briefing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.tfwh.exports.NoFiguresException;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Headline;
import uk.gov.tfwh.exports.briefing.BriefingFigures.LeagueEntry;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Outlook;
import uk.gov.tfwh.exports.briefing.BriefingFigures.QualityNotes;
import uk.gov.tfwh.exports.briefing.BriefingFigures.RegionLine;
import uk.gov.tfwh.exports.briefing.BriefingFigures.ReturnNote;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Revision;
import uk.gov.tfwh.exports.briefing.BriefingFigures.TrajectoryPoint;
import uk.gov.tfwh.exports.source.Provenance;
import uk.gov.tfwh.programme.payment.PaymentRules;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.projection.ProgressProjection;
import uk.gov.tfwh.programme.projection.Projection;
import uk.gov.tfwh.programme.projection.ReportedFigure;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.programme.reference.TargetBasis;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.query.league.LeagueTableRow;

/**
 * Reads a briefing's figures from the query layer, every query on one pinned snapshot. Nothing is
 * recomputed here that the warehouse already holds (percentages, ranks, changes, payments); only
 * sums of payments and the briefing's selections ({@link BriefingRules}) are made.
 */
public final class BriefingFiguresReader {
  private final WarehouseQueries queries;
  private final Provenance provenance;

  private BriefingFiguresReader(WarehouseQueries queries, Provenance provenance) {
    this.queries = requireNonNull(queries, "queries");
    this.provenance = requireNonNull(provenance, "provenance");
  }

  /**
   * Reads the figures from the snapshot {@code provenance} pinned.
   *
   * @throws NoFiguresException when no authority reported for the quarter in this snapshot
   */
  public static BriefingFigures read(
      WarehouseQueries queries, Provenance provenance, Phase phase, Quarter quarter) {
    return new BriefingFiguresReader(queries, provenance).read(phase, quarter.end());
  }

  private BriefingFigures read(Phase phase, LocalDate period) {
    int phaseNumber = phase.number();

    QueryResult periods = run(QueryArguments.of(Query.PERIODS).phase(phase));
    List<TrajectoryPoint> trajectory = new ArrayList<>();
    long reportingNow = 0;
    for (ResultRow row : periods) {
      LocalDate end = row.date("period_end");
      long reporting = row.longValue("authorities_reporting");
      if (end.isAfter(period)) {
        break;
      }
      if (end.equals(period)) {
        reportingNow = reporting;
      }
      if (reporting > 0) {
        QueryResult totals = run(inQuarter(Query.NATIONAL_TOTALS, phase, end));
        trajectory.add(
            new TrajectoryPoint(
                end,
                row.text("quarter_label"),
                totals.row(0).longValue("turned_around"),
                totals.row(0).longValue("target_families"),
                totals.row(0).decimal("percent_of_target"),
                reporting));
      }
    }
    if (reportingNow == 0) {
      throw new NoFiguresException(
          "no authority has figures for phase "
              + phaseNumber
              + " "
              + Quarter.endingOn(period).label()
              + " in snapshot "
              + provenance.snapshotId());
    }

    List<LeagueEntry> league = league(run(inQuarter(Query.LEAGUE_TABLE, phase, period)));
    return new BriefingFigures(
        phaseNumber,
        period,
        Quarter.endingOn(period).label(),
        provenance,
        headline(phase, period, trajectory),
        trajectory,
        league,
        BriefingRules.top(league),
        BriefingRules.bottom(league),
        BriefingRules.risers(league),
        BriefingRules.fallers(league),
        regions(run(inQuarter(Query.REGION_TOTALS, phase, period))),
        outlook(phase, period),
        quality(phase, period, league));
  }

  private Headline headline(Phase phase, LocalDate period, List<TrajectoryPoint> trajectory) {
    QueryResult now = run(inQuarter(Query.NATIONAL_TOTALS, phase, period));
    LocalDate previous = Quarter.endingOn(period).previous().end();
    TrajectoryPoint before = at(trajectory, previous);
    TrajectoryPoint yearEarlier =
        at(trajectory, Quarter.endingOn(period).previous().previous().previous().previous().end());
    long turnedAround = now.row(0).longValue("turned_around");
    BigDecimal percent = now.row(0).decimal("percent_of_target");

    QueryResult payments = run(QueryArguments.of(Query.PAYMENTS).phase(phase));
    BigDecimal paid = BigDecimal.ZERO.setScale(2);
    Set<String> paidAuthorities = new HashSet<>();
    for (ResultRow row : payments) {
      if (!row.date("period_end").isAfter(period)) {
        paid = paid.add(row.decimal("total_gbp"));
        paidAuthorities.add(row.text("authority_code"));
      }
    }
    return new Headline(
        turnedAround,
        now.row(0).longValue("target_families"),
        percent,
        now.row(0).longValue("authorities_reporting"),
        now.row(0).longValue("authorities_total"),
        before == null ? null : previous,
        before == null ? null : turnedAround - before.turnedAround(),
        before == null ? null : percent.subtract(before.percentOfTarget()),
        yearEarlier == null ? null : yearEarlier.period(),
        yearEarlier == null ? null : turnedAround - yearEarlier.turnedAround(),
        yearEarlier == null ? null : percent.subtract(yearEarlier.percentOfTarget()),
        paid,
        paidAuthorities.size(),
        cap(phase));
  }

  private static TrajectoryPoint at(List<TrajectoryPoint> trajectory, LocalDate period) {
    return trajectory.stream().filter(p -> p.period().equals(period)).findFirst().orElse(null);
  }

  /** Every authority's cap in the phase, summed: the most the phase's payments can come to. */
  private BigDecimal cap(Phase phase) {
    QueryResult authorities = run(QueryArguments.of(Query.AUTHORITIES));
    BigDecimal cap = BigDecimal.ZERO.setScale(2);
    for (ResultRow row : authorities) {
      Integer families = row.integer("phase" + phase.number() + "_target");
      if (families != null && families > 0) {
        cap =
            cap.add(
                PaymentRules.maximum(
                    new Target(
                        row.text("authority_code"), phase, families, TargetBasis.PUBLISHED)));
      }
    }
    return cap;
  }

  /**
   * Each reporting authority's projection to the end of the phase from its figures up to the
   * quarter (the time series gives every authority's quarters in one query).
   */
  private Outlook outlook(Phase phase, LocalDate period) {
    QueryResult series = run(QueryArguments.of(Query.TIME_SERIES).phase(phase));
    Map<String, List<ReportedFigure>> reported = new HashMap<>();
    Map<String, Integer> targets = new HashMap<>();
    Set<String> reportingNow = new HashSet<>();
    for (ResultRow row : series) {
      LocalDate end = row.date("period_end");
      Long figure = row.longValue("turned_around");
      Integer target = row.integer("target_families");
      if (end.isAfter(period) || figure == null || target == null || target <= 0) {
        continue;
      }
      String code = row.text("authority_code");
      reported
          .computeIfAbsent(code, c -> new ArrayList<>())
          .add(new ReportedFigure(Quarter.endingOn(end), figure));
      targets.put(code, target);
      if (end.equals(period)) {
        reportingNow.add(code);
      }
    }
    int atOrAbove = 0;
    int onTrack = 0;
    int behind = 0;
    for (String code : reportingNow) {
      int target = targets.get(code);
      Projection projection = ProgressProjection.project(phase, target, reported.get(code));
      if (projection.latestTurnedAround() >= target) {
        atOrAbove++;
      } else if (projection.projectedTurnedAround() >= target) {
        onTrack++;
      } else {
        behind++;
      }
    }
    return new Outlook(atOrAbove, onTrack, behind);
  }

  /** The briefing's columns of the league table's rows, read as the API's pages read them. */
  private static List<LeagueEntry> league(QueryResult result) {
    List<LeagueEntry> entries = new ArrayList<>(result.size());
    for (LeagueTableRow row : LeagueTableRow.of(result)) {
      entries.add(
          new LeagueEntry(
              row.rank(),
              row.authorityCode(),
              row.authorityName(),
              row.regionName(),
              row.turnedAround(),
              row.target(),
              row.percentOfTarget(),
              row.changeInTurnedAround(),
              row.changeInPercentPoints()));
    }
    return entries;
  }

  private static List<RegionLine> regions(QueryResult result) {
    List<RegionLine> lines = new ArrayList<>(result.size());
    for (ResultRow row : result) {
      lines.add(
          new RegionLine(
              row.text("region_code"),
              row.text("region_name"),
              row.longValue("authorities_reporting"),
              row.longValue("authorities_total"),
              row.longValue("turned_around"),
              row.longValue("target_families"),
              row.decimal("percent_of_target")));
    }
    return lines;
  }

  private QualityNotes quality(Phase phase, LocalDate period, List<LeagueEntry> league) {
    QueryResult status = run(inQuarter(Query.DATA_QUALITY, phase, period));
    List<ReturnNote> late = new ArrayList<>();
    List<ReturnNote> missing = new ArrayList<>();
    List<Revision> revisions = new ArrayList<>();
    for (ResultRow row : status) {
      String code = row.text("authority_code");
      String name = row.text("authority_name");
      String region = row.text("region_name");
      Instant first = row.instant("first_submitted_at");
      if ("missing".equals(row.text("status"))) {
        missing.add(new ReturnNote(code, name, region, null));
      }
      if (row.isTrue("late")) {
        late.add(new ReturnNote(code, name, region, first));
      }
      if (row.isTrue("resubmitted")) {
        Revision revision = revision(code, name, phase, period);
        if (revision != null
            && BriefingRules.isLargeRevision(
                revision.firstTurnedAround(), revision.currentTurnedAround())) {
          revisions.add(revision);
        }
      }
    }
    return new QualityNotes(late, missing, revisions, BriefingRules.exactlyAtTarget(league));
  }

  /** The first accepted version against the current one (history is in submission order). */
  private Revision revision(String code, String name, Phase phase, LocalDate period) {
    QueryResult history = run(inQuarter(Query.RETURN_HISTORY, phase, period).authority(code));
    Integer current = null;
    for (int r = 0; r < history.size(); r++) {
      if (history.row(r).isTrue("is_current")) {
        current = r;
      }
    }
    if (history.size() < 2 || current == null) {
      return null;
    }
    return new Revision(
        code,
        name,
        history.row(0).longValue("turned_around"),
        history.row(current).longValue("turned_around"),
        history.size(),
        history.row(current).text("revision_note"));
  }

  private QueryResult run(QueryArguments arguments) {
    return queries.run(provenance.snapshot(), arguments);
  }

  private static QueryArguments inQuarter(Query query, Phase phase, LocalDate end) {
    return QueryArguments.of(query).phase(phase).quarter(Quarter.endingOn(end));
  }
}
