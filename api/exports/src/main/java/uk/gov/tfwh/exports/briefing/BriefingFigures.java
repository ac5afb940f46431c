package uk.gov.tfwh.exports.briefing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.tfwh.exports.source.Provenance;
import uk.gov.tfwh.programme.period.Phase;

/**
 * Every figure of a ministerial briefing for one phase and quarter, read from one snapshot. The PDF
 * and the briefing summary sheet are both drawn from this, so they cannot disagree.
 */
public record BriefingFigures(
    int phase,
    LocalDate period,
    String quarterLabel,
    Provenance provenance,
    Headline headline,
    List<TrajectoryPoint> trajectory,
    List<LeagueEntry> league,
    List<LeagueEntry> top,
    List<LeagueEntry> bottom,
    List<LeagueEntry> risers,
    List<LeagueEntry> fallers,
    List<RegionLine> regions,
    Outlook outlook,
    QualityNotes quality) {

  public BriefingFigures {
    requireNonNull(period, "period");
    requireNonNull(quarterLabel, "quarterLabel");
    requireNonNull(provenance, "provenance");
    requireNonNull(headline, "headline");
    trajectory = List.copyOf(trajectory);
    league = List.copyOf(league);
    top = List.copyOf(top);
    bottom = List.copyOf(bottom);
    risers = List.copyOf(risers);
    fallers = List.copyOf(fallers);
    regions = List.copyOf(regions);
    requireNonNull(outlook, "outlook");
    requireNonNull(quality, "quality");
  }

  /** The phase: its wording ("families turned around" or "successful family outcomes"). */
  public Phase phaseOf() {
    return Phase.ofNumber(phase);
  }

  /**
   * Where the reporting authorities stand against their targets at the end of the phase, by the one
   * projection rule ({@code ProgressProjection}) applied to each authority's figures up to the
   * quarter: at or above target already; on track (not there yet, but the projection reaches the
   * target by the end of the phase); behind (the projection falls short).
   */
  public record Outlook(int atOrAboveTarget, int onTrack, int behind) {
    public int reporting() {
      return atOrAboveTarget + onTrack + behind;
    }
  }

  /**
   * England's figures for the quarter.
   *
   * @param previousPeriod the quarter before, or null when it is outside the phase or nobody
   *     reported in it; the two changes are null then too
   * @param yearEarlierPeriod the same quarter a year before, or null when it is outside the phase
   *     or nobody reported in it; the two changes since then are null then too
   * @param paymentsToDate everything paid in the phase up to and including the quarter
   * @param paymentsCap the most the phase's payments can come to: every authority's cap ({@code
   *     PaymentRules.maximum}) summed
   */
  public record Headline(
      long turnedAround,
      long target,
      BigDecimal percentOfTarget,
      long authoritiesReporting,
      long authoritiesTotal,
      LocalDate previousPeriod,
      Long changeInTurnedAround,
      BigDecimal changeInPercentPoints,
      LocalDate yearEarlierPeriod,
      Long changeSinceYearEarlier,
      BigDecimal pointsSinceYearEarlier,
      BigDecimal paymentsToDate,
      long authoritiesPaid,
      BigDecimal paymentsCap) {
    public Headline {
      requireNonNull(percentOfTarget, "percentOfTarget");
      requireNonNull(paymentsToDate, "paymentsToDate");
      requireNonNull(paymentsCap, "paymentsCap");
    }
  }

  /** England's cumulative figure at the end of a quarter, against the phase's national target. */
  public record TrajectoryPoint(
      LocalDate period,
      String quarterLabel,
      long turnedAround,
      long target,
      BigDecimal percentOfTarget,
      long reporting) {
    public TrajectoryPoint {
      requireNonNull(period, "period");
      requireNonNull(quarterLabel, "quarterLabel");
    }
  }

  /** An authority's line of the league table. */
  public record LeagueEntry(
      int nationalRank,
      String code,
      String name,
      String region,
      long turnedAround,
      int target,
      BigDecimal percentOfTarget,
      Long changeInTurnedAround,
      BigDecimal changeInPercentPoints) {
    public LeagueEntry {
      requireNonNull(code, "code");
      requireNonNull(name, "name");
      requireNonNull(region, "region");
      requireNonNull(percentOfTarget, "percentOfTarget");
    }
  }

  /**
   * A region's totals; turned around and percent are null when none of its authorities reported.
   */
  public record RegionLine(
      String code,
      String name,
      long reporting,
      long authorities,
      Long turnedAround,
      long target,
      BigDecimal percentOfTarget) {
    public RegionLine {
      requireNonNull(code, "code");
      requireNonNull(name, "name");
    }
  }

  /** What a reader of the figures should know about the returns behind them. */
  public record QualityNotes(
      List<ReturnNote> late,
      List<ReturnNote> missing,
      List<Revision> largeRevisions,
      List<LeagueEntry> exactlyAtTarget) {
    public QualityNotes {
      late = List.copyOf(late);
      missing = List.copyOf(missing);
      largeRevisions = List.copyOf(largeRevisions);
      exactlyAtTarget = List.copyOf(exactlyAtTarget);
    }
  }

  /** An authority whose return was late (first submitted then) or is missing (no time). */
  public record ReturnNote(String code, String name, String region, Instant firstSubmittedAt) {
    public ReturnNote {
      requireNonNull(code, "code");
      requireNonNull(name, "name");
      requireNonNull(region, "region");
    }
  }

  /**
   * A resubmitted return whose turned-around figure moved a lot between its first accepted version
   * and the current one; {@code note} is the submitter's revision note (their text, shown inert).
   */
  public record Revision(
      String code,
      String name,
      long firstTurnedAround,
      long currentTurnedAround,
      long versions,
      String note) {
    public Revision {
      requireNonNull(code, "code");
      requireNonNull(name, "name");
    }

    public long change() {
      return currentTurnedAround - firstTurnedAround;
    }
  }
}
