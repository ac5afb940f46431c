package uk.gov.tfwh.programme.league;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The league-table rules, in one place: percent of target, rank, quartile and change since the
 * previous quarter. The ETL aggregate, the API and the exports all use these.
 */
public final class LeagueRanking {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private LeagueRanking() {}

  /** 100 x turned around / target, to one decimal place, half-up. */
  public static BigDecimal percentOfTarget(long turnedAround, int target) {
    requirePositiveTarget(target);
    if (turnedAround < 0) {
      throw new IllegalArgumentException("turned around must not be negative, not " + turnedAround);
    }
    return BigDecimal.valueOf(turnedAround)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP);
  }

  /**
   * Competition ranking ("1224") by the exact ratio turned around / target, highest first: ties
   * share a rank and the next rank skips. The exact ratio is used, not the rounded percent, so two
   * authorities shown at the same percent may still rank apart; two with equal ratios (such as
   * 50/100 and 100/200) always tie.
   *
   * @param turnedAround the figure to rank by, per member of the group
   * @param targets the target of every member (extra keys are ignored)
   * @return the rank of every member of {@code turnedAround}, in rank order
   */
  public static <K> Map<K, Integer> rank(
      Map<K, ? extends Number> turnedAround, Map<K, Integer> targets) {
    requireNonNull(turnedAround, "turnedAround");
    requireNonNull(targets, "targets");
    List<Entry<K>> entries = new ArrayList<>();
    for (Map.Entry<K, ? extends Number> member : turnedAround.entrySet()) {
      Integer target = targets.get(member.getKey());
      if (target == null) {
        throw new IllegalArgumentException("no target for " + member.getKey());
      }
      requirePositiveTarget(target);
      long value =
          requireNonNull(member.getValue(), "turned around of " + member.getKey()).longValue();
      entries.add(new Entry<>(member.getKey(), value, target));
    }
    entries.sort((a, b) -> compareRatios(b, a));
    Map<K, Integer> ranks = new LinkedHashMap<>();
    int rank = 0;
    for (int i = 0; i < entries.size(); i++) {
      if (i == 0 || compareRatios(entries.get(i), entries.get(i - 1)) != 0) {
        rank = i + 1;
      }
      ranks.put(entries.get(i).key(), rank);
    }
    return ranks;
  }

  /**
   * The quarter of a ranked group a rank falls in: 1 + floor(4 x (rank - 1) / group size), so 1 is
   * the top quarter and 4 the bottom. Tied members share a rank and so a quartile.
   */
  public static int quartile(int rank, int groupSize) {
    if (groupSize < 1 || rank < 1 || rank > groupSize) {
      throw new IllegalArgumentException(
          "rank must be between 1 and the group size " + groupSize + ", not " + rank);
    }
    return 1 + (int) (4L * (rank - 1) / groupSize);
  }

  /**
   * Change in percent of target since the previous quarter, in percentage points: the difference of
   * the two one-decimal percents as shown, so the table adds up. Null when there is no previous
   * quarter's figure (the first quarter, or a quarter the authority did not report).
   */
  public static BigDecimal changeInPercentPoints(BigDecimal previousPercent, BigDecimal percent) {
    requireNonNull(percent, "percent");
    return previousPercent == null ? null : percent.subtract(previousPercent);
  }

  /**
   * Change in the turned-around count since the previous quarter; null when there is no previous
   * quarter's figure. It may be negative: a fall is shown, not hidden.
   */
  public static Long changeInTurnedAround(Long previousTurnedAround, long turnedAround) {
    return previousTurnedAround == null ? null : turnedAround - previousTurnedAround;
  }

  /** a/ta against b/tb without rounding: compares a x tb with b x ta. */
  private static int compareRatios(Entry<?> a, Entry<?> b) {
    return Long.compare(
        Math.multiplyExact(a.turnedAround(), (long) b.target()),
        Math.multiplyExact(b.turnedAround(), (long) a.target()));
  }

  private static void requirePositiveTarget(int target) {
    if (target <= 0) {
      throw new IllegalArgumentException("target must be positive, not " + target);
    }
  }

  private record Entry<K>(K key, long turnedAround, int target) {}
}
