package uk.gov.tfwh.exports.briefing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import uk.gov.tfwh.exports.briefing.BriefingFigures.LeagueEntry;

/**
 * The briefing's own selection rules (the figures' rules are in docs/methodology.md), each once.
 * Rules we adopt, documented in docs/exports.md.
 */
public final class BriefingRules {
  /** How many authorities the top and bottom tables list. */
  public static final int TOP_AND_BOTTOM = 10;

  /** How many risers and how many fallers the movers table lists. */
  public static final int MOVERS = 5;

  /**
   * A revision is large when the current turned-around figure differs from the first accepted
   * version's by at least this share of the first (any change when the first was zero).
   */
  public static final BigDecimal LARGE_REVISION_SHARE = new BigDecimal("0.05");

  private static final Comparator<LeagueEntry> BY_RANK_THEN_NAME =
      Comparator.comparingInt(LeagueEntry::nationalRank)
          .thenComparing(LeagueEntry::name)
          .thenComparing(LeagueEntry::code);

  private BriefingRules() {}

  /** The first ten of the league table (already in rank order). */
  public static List<LeagueEntry> top(List<LeagueEntry> league) {
    return league.subList(0, Math.min(TOP_AND_BOTTOM, league.size()));
  }

  /** The last ten of the league table, still in rank order (the lowest last). */
  public static List<LeagueEntry> bottom(List<LeagueEntry> league) {
    return league.subList(Math.max(0, league.size() - TOP_AND_BOTTOM), league.size());
  }

  /**
   * The biggest rises in percentage points since the previous quarter, largest first (ties by rank,
   * then name). Authorities without a previous return have no change and are not movers.
   */
  public static List<LeagueEntry> risers(List<LeagueEntry> league) {
    return league.stream()
        .filter(e -> e.changeInPercentPoints() != null && e.changeInPercentPoints().signum() > 0)
        .sorted(
            Comparator.comparing(LeagueEntry::changeInPercentPoints)
                .reversed()
                .thenComparing(BY_RANK_THEN_NAME))
        .limit(MOVERS)
        .toList();
  }

  /** The biggest falls in percentage points, largest fall first (ties by rank, then name). */
  public static List<LeagueEntry> fallers(List<LeagueEntry> league) {
    return league.stream()
        .filter(e -> e.changeInPercentPoints() != null && e.changeInPercentPoints().signum() < 0)
        .sorted(
            Comparator.comparing(LeagueEntry::changeInPercentPoints)
                .thenComparing(BY_RANK_THEN_NAME))
        .limit(MOVERS)
        .toList();
  }

  /**
   * Authorities whose turned-around figure equals their target exactly: worth a second look, as an
   * exact hit is more often a figure copied from the target than a count.
   */
  public static List<LeagueEntry> exactlyAtTarget(List<LeagueEntry> league) {
    return league.stream().filter(e -> e.target() > 0 && e.turnedAround() == e.target()).toList();
  }

  /** Whether a revision from {@code first} to {@code current} is large (see the constant). */
  public static boolean isLargeRevision(long first, long current) {
    long change = Math.abs(current - first);
    if (first == 0) {
      return change > 0;
    }
    return BigDecimal.valueOf(change)
            .compareTo(LARGE_REVISION_SHARE.multiply(BigDecimal.valueOf(Math.abs(first))))
        >= 0;
  }
}
