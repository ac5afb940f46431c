package uk.gov.tfwh.export.briefing;

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
import uk.gov.tfwh.export.NoFiguresException;
import uk.gov.tfwh.export.briefing.BriefingFigures.Headline;
import uk.gov.tfwh.export.briefing.BriefingFigures.LeagueEntry;
import uk.gov.tfwh.export.briefing.BriefingFigures.Outlook;
import uk.gov.tfwh.export.briefing.BriefingFigures.QualityNotes;
import uk.gov.tfwh.export.briefing.BriefingFigures.RegionLine;
import uk.gov.tfwh.export.briefing.BriefingFigures.ReturnNote;
import uk.gov.tfwh.export.briefing.BriefingFigures.Revision;
import uk.gov.tfwh.export.briefing.BriefingFigures.TrajectoryPoint;
import uk.gov.tfwh.export.source.Provenance;
import uk.gov.tfwh.programme.payment.PaymentRules;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.projection.ProgressProjection;
import uk.gov.tfwh.programme.projection.Projection;
import uk.gov.tfwh.programme.projection.ReportedFigure;
import uk.gov.tfwh.programme.reference.Target;
import uk.gov.tfwh.programme.reference.TargetBasis;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

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
    Map<String, Object> at = Map.of("phase", phaseNumber, "period", period);

    QueryResult periods = run(Query.PERIODS, Map.of("phase", phaseNumber));
    List<TrajectoryPoint> trajectory = new ArrayList<>();
    long reportingNow = 0;
    for (int r = 0; r < periods.size(); r++) {
      LocalDate end = periods.value(r, "period_end", LocalDate.class);
      long reporting = periods.value(r, "authorities_reporting", Long.class);
      if (end.isAfter(period)) {
        break;
      }
      if (end.equals(period)) {
        reportingNow = reporting;
      }
      if (reporting > 0) {
        QueryResult totals =
            run(Query.NATIONAL_TOTALS, Map.of("phase", phaseNumber, "period", end));
        trajectory.add(
            new TrajectoryPoint(
                end,
                periods.value(r, "quarter_label", String.class),
                totals.value(0, "turned_around", Long.class),
                totals.value(0, "target_families", Long.class),
                totals.value(0, "percent_of_target", BigDecimal.class),
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

    List<LeagueEntry> league = league(run(Query.LEAGUE_TABLE, at));
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
        regions(run(Query.REGION_TOTALS, at)),
        outlook(phase, period),
        quality(phaseNumber, period, league));
  }

  private Headline headline(Phase phase, LocalDate period, List<TrajectoryPoint> trajectory) {
    QueryResult now = run(Query.NATIONAL_TOTALS, Map.of("phase", phase.number(), "period", period));
    LocalDate previous = Quarter.endingOn(period).previous().end();
    TrajectoryPoint before = at(trajectory, previous);
    TrajectoryPoint yearEarlier =
        at(trajectory, Quarter.endingOn(period).previous().previous().previous().previous().end());
    long turnedAround = now.value(0, "turned_around", Long.class);
    BigDecimal percent = now.value(0, "percent_of_target", BigDecimal.class);

    QueryResult payments = run(Query.PAYMENTS, Map.of("phase", phase.number()));
    BigDecimal paid = BigDecimal.ZERO.setScale(2);
    Set<String> paidAuthorities = new HashSet<>();
    for (int r = 0; r < payments.size(); r++) {
      if (!payments.value(r, "period_end", LocalDate.class).isAfter(period)) {
        paid = paid.add(payments.value(r, "total_gbp", BigDecimal.class));
        paidAuthorities.add(payments.value(r, "authority_code", String.class));
      }
    }
    return new Headline(
        turnedAround,
        now.value(0, "target_families", Long.class),
        percent,
        now.value(0, "authorities_reporting", Long.class),
        now.value(0, "authorities_total", Long.class),
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
    QueryResult authorities = run(Query.AUTHORITIES, Map.of());
    BigDecimal cap = BigDecimal.ZERO.setScale(2);
    for (int r = 0; r < authorities.size(); r++) {
      Integer families = authorities.value(r, "phase" + phase.number() + "_target", Integer.class);
      if (families != null && families > 0) {
        cap =
            cap.add(
                PaymentRules.maximum(
                    new Target(
                        authorities.value(r, "authority_code", String.class),
                        phase,
                        families,
                        TargetBasis.PUBLISHED)));
      }
    }
    return cap;
  }

  /**
   * Each reporting authority's projection to the end of the phase from its figures up to the
   * quarter (the time series gives every authority's quarters in one query).
   */
  private Outlook outlook(Phase phase, LocalDate period) {
    QueryResult series = run(Query.TIME_SERIES, Map.of("phase", phase.number()));
    Map<String, List<ReportedFigure>> reported = new HashMap<>();
    Map<String, Integer> targets = new HashMap<>();
    Set<String> reportingNow = new HashSet<>();
    for (int r = 0; r < series.size(); r++) {
      LocalDate end = series.value(r, "period_end", LocalDate.class);
      Long figure = series.value(r, "turned_around", Long.class);
      Integer target = series.value(r, "target_families", Integer.class);
      if (end.isAfter(period) || figure == null || target == null || target <= 0) {
        continue;
      }
      String code = series.value(r, "authority_code", String.class);
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

  private static List<LeagueEntry> league(QueryResult result) {
    List<LeagueEntry> entries = new ArrayList<>(result.size());
    for (int r = 0; r < result.size(); r++) {
      entries.add(
          new LeagueEntry(
              result.value(r, "national_rank", Integer.class),
              result.value(r, "authority_code", String.class),
              result.value(r, "authority_name", String.class),
              result.value(r, "region_name", String.class),
              result.value(r, "turned_around", Long.class),
              result.value(r, "target_families", Integer.class),
              result.value(r, "percent_of_target", BigDecimal.class),
              result.value(r, "change_in_turned_around", Long.class),
              result.value(r, "change_in_percent_points", BigDecimal.class)));
    }
    return entries;
  }

  private static List<RegionLine> regions(QueryResult result) {
    List<RegionLine> lines = new ArrayList<>(result.size());
    for (int r = 0; r < result.size(); r++) {
      lines.add(
          new RegionLine(
              result.value(r, "region_code", String.class),
              result.value(r, "region_name", String.class),
              result.value(r, "authorities_reporting", Long.class),
              result.value(r, "authorities_total", Long.class),
              result.value(r, "turned_around", Long.class),
              result.value(r, "target_families", Long.class),
              result.value(r, "percent_of_target", BigDecimal.class)));
    }
    return lines;
  }

  private QualityNotes quality(int phase, LocalDate period, List<LeagueEntry> league) {
    QueryResult status = run(Query.DATA_QUALITY, Map.of("phase", phase, "period", period));
    List<ReturnNote> late = new ArrayList<>();
    List<ReturnNote> missing = new ArrayList<>();
    List<Revision> revisions = new ArrayList<>();
    for (int r = 0; r < status.size(); r++) {
      String code = status.value(r, "authority_code", String.class);
      String name = status.value(r, "authority_name", String.class);
      String region = status.value(r, "region_name", String.class);
      Instant first = status.value(r, "first_submitted_at", Instant.class);
      if ("missing".equals(status.value(r, "status", String.class))) {
        missing.add(new ReturnNote(code, name, region, null));
      }
      if (Boolean.TRUE.equals(status.value(r, "late", Boolean.class))) {
        late.add(new ReturnNote(code, name, region, first));
      }
      if (Boolean.TRUE.equals(status.value(r, "resubmitted", Boolean.class))) {
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
  private Revision revision(String code, String name, int phase, LocalDate period) {
    QueryResult history =
        run(Query.RETURN_HISTORY, Map.of("authority", code, "phase", phase, "period", period));
    Integer current = null;
    for (int r = 0; r < history.size(); r++) {
      if (Boolean.TRUE.equals(history.value(r, "is_current", Boolean.class))) {
        current = r;
      }
    }
    if (history.size() < 2 || current == null) {
      return null;
    }
    return new Revision(
        code,
        name,
        history.value(0, "turned_around", Long.class),
        history.value(current, "turned_around", Long.class),
        history.size(),
        history.value(current, "revision_note", String.class));
  }

  private QueryResult run(Query query, Map<String, ?> arguments) {
    return queries.run(provenance.snapshot(), query, arguments);
  }
}
