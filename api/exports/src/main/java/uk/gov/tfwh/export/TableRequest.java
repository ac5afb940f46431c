package uk.gov.tfwh.export;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.AuthorityCode;

/**
 * Which table to export, with the arguments it needs. Use the factories: each kind's required
 * arguments are checked there, with a message naming the argument, so the API can answer 400.
 *
 * @param period the quarter end, for the league table, regional totals and briefing summary
 * @param authority the authority's GSS code, for progress (required) and payments (optional)
 */
public record TableRequest(TableKind kind, int phase, LocalDate period, String authority) {
  /** The phase of a time series of both phases. */
  public static final int BOTH_PHASES = 0;

  public TableRequest {
    requireNonNull(kind, "kind");
    Phase checkedPhase =
        kind == TableKind.TIME_SERIES && phase == BOTH_PHASES ? null : Phase.ofNumber(phase);
    boolean needsPeriod =
        kind == TableKind.LEAGUE_TABLE
            || kind == TableKind.REGION_TOTALS
            || kind == TableKind.BRIEFING_SUMMARY;
    if (needsPeriod) {
      if (period == null) {
        throw new IllegalArgumentException(kind.slug() + " needs a period (a quarter end)");
      }
      checkPeriod(checkedPhase, period);
    } else if (period != null) {
      throw new IllegalArgumentException(kind.slug() + " takes no period");
    }
    if (kind == TableKind.AUTHORITY_PROGRESS && (authority == null || authority.isBlank())) {
      throw new IllegalArgumentException("progress needs an authority code");
    }
    if (authority != null && kind != TableKind.AUTHORITY_PROGRESS && kind != TableKind.PAYMENTS) {
      throw new IllegalArgumentException(kind.slug() + " takes no authority");
    }
    if (authority != null && !AuthorityCode.isWellFormed(authority)) {
      throw new IllegalArgumentException(
          "authority must be a GSS code such as E08000025, not '" + authority + "'");
    }
  }

  /** Checks that {@code period} is a quarter end within {@code phase}. */
  public static void checkPeriod(Phase phase, LocalDate period) {
    if (!Quarter.isQuarterEnd(period)) {
      throw new IllegalArgumentException(
          "period must be a quarter end (31 March, 30 June, 30 September or 31 December), not "
              + period);
    }
    if (!phase.covers(Quarter.endingOn(period))) {
      throw new IllegalArgumentException(
          "period "
              + period
              + " is outside phase "
              + phase.number()
              + " ("
              + phase.firstQuarter().end()
              + " to "
              + phase.lastQuarter().end()
              + ")");
    }
  }

  public static TableRequest leagueTable(int phase, LocalDate period) {
    return leagueTable(phase, period, null);
  }

  /** As {@link #leagueTable(int, LocalDate)}; an authority is refused: the table has them all. */
  public static TableRequest leagueTable(int phase, LocalDate period, String authority) {
    return new TableRequest(TableKind.LEAGUE_TABLE, phase, period, authority);
  }

  public static TableRequest regionTotals(int phase, LocalDate period) {
    return regionTotals(phase, period, null);
  }

  /** As {@link #regionTotals(int, LocalDate)}; an authority is refused. */
  public static TableRequest regionTotals(int phase, LocalDate period, String authority) {
    return new TableRequest(TableKind.REGION_TOTALS, phase, period, authority);
  }

  /**
   * The one authority the table is about, or empty when it covers several: the fact that decides
   * whether a coordinator may read it from the pre-release snapshot (docs/security.md). Payments
   * without an authority and every table of all authorities are empty.
   */
  public Optional<String> singleAuthority() {
    return Optional.ofNullable(authority);
  }

  /** Payments in a phase; {@code authority} may be null for every authority. */
  public static TableRequest payments(int phase, String authority) {
    return new TableRequest(TableKind.PAYMENTS, phase, null, authority);
  }

  public static TableRequest authorityProgress(String authority, int phase) {
    return new TableRequest(TableKind.AUTHORITY_PROGRESS, phase, null, authority);
  }

  /** Every authority and quarter of one phase, or of both when {@code phase} is null. */
  public static TableRequest timeSeries(Integer phase) {
    return new TableRequest(TableKind.TIME_SERIES, phase == null ? BOTH_PHASES : phase, null, null);
  }

  public static TableRequest briefingSummary(int phase, LocalDate period) {
    return new TableRequest(TableKind.BRIEFING_SUMMARY, phase, period, null);
  }

  /** A file name without extension, such as {@code league-table-phase1-2013Q3}. */
  public String fileStem() {
    StringBuilder stem = new StringBuilder(kind.slug());
    if (authority != null) {
      stem.append('-').append(authority);
    }
    stem.append(phase == BOTH_PHASES ? "-both-phases" : "-phase" + phase);
    if (period != null) {
      stem.append('-').append(Quarter.endingOn(period).label());
    }
    return stem.toString();
  }
}
