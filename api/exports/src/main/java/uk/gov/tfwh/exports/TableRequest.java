package uk.gov.tfwh.exports;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.AuthorityCode;

/**
 * Which table to export, with the arguments it needs. Use the factories: each kind's required
 * arguments are checked there, with a message naming the argument, so the API can answer 400. The
 * phase and quarter come parsed (the API's {@code PeriodParameters}, the command's options), the
 * quarter already checked to fall within the phase.
 *
 * @param phase the phase; null only for a time series of both phases
 * @param quarter the quarter, for the league table, regional totals and briefing summary
 * @param authority the authority's GSS code, for progress (required) and payments (optional)
 */
public record TableRequest(TableKind kind, Phase phase, Quarter quarter, String authority) {

  public TableRequest {
    requireNonNull(kind, "kind");
    if (phase == null && kind != TableKind.TIME_SERIES) {
      throw new IllegalArgumentException(kind.slug() + " needs a phase");
    }
    boolean needsQuarter =
        kind == TableKind.LEAGUE_TABLE
            || kind == TableKind.REGION_TOTALS
            || kind == TableKind.BRIEFING_SUMMARY;
    if (needsQuarter && quarter == null) {
      throw new IllegalArgumentException(kind.slug() + " needs a period (a quarter)");
    } else if (!needsQuarter && quarter != null) {
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

  public static TableRequest leagueTable(Phase phase, Quarter quarter) {
    return leagueTable(phase, quarter, null);
  }

  /** As {@link #leagueTable(Phase, Quarter)}; an authority is refused: the table has them all. */
  public static TableRequest leagueTable(Phase phase, Quarter quarter, String authority) {
    return new TableRequest(TableKind.LEAGUE_TABLE, phase, quarter, authority);
  }

  public static TableRequest regionTotals(Phase phase, Quarter quarter) {
    return regionTotals(phase, quarter, null);
  }

  /** As {@link #regionTotals(Phase, Quarter)}; an authority is refused. */
  public static TableRequest regionTotals(Phase phase, Quarter quarter, String authority) {
    return new TableRequest(TableKind.REGION_TOTALS, phase, quarter, authority);
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
  public static TableRequest payments(Phase phase, String authority) {
    return new TableRequest(TableKind.PAYMENTS, phase, null, authority);
  }

  public static TableRequest authorityProgress(String authority, Phase phase) {
    return new TableRequest(TableKind.AUTHORITY_PROGRESS, phase, null, authority);
  }

  /** Every authority and quarter of one phase, or of both when {@code phase} is null. */
  public static TableRequest timeSeries(Phase phase) {
    return new TableRequest(TableKind.TIME_SERIES, phase, null, null);
  }

  public static TableRequest briefingSummary(Phase phase, Quarter quarter) {
    return new TableRequest(TableKind.BRIEFING_SUMMARY, phase, quarter, null);
  }

  /** A file name without extension, such as {@code league-table-phase1-2013Q3}. */
  public String fileStem() {
    StringBuilder stem = new StringBuilder(kind.slug());
    if (authority != null) {
      stem.append('-').append(authority);
    }
    stem.append(phase == null ? "-both-phases" : "-phase" + phase.number());
    if (quarter != null) {
      stem.append('-').append(quarter.label());
    }
    return stem.toString();
  }
}
