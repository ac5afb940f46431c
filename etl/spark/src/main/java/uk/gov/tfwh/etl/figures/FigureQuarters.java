package uk.gov.tfwh.etl.figures;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.table.PartitionDigests;
import uk.gov.tfwh.etl.table.ReturnRows;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * The quarters of {@code fact_payment} and {@code agg_authority_quarter} whose rows are the same as
 * the previous load built. A quarter's payment and league rows follow from the reference set (the
 * caller compares), the current versions of that quarter and of the quarters before it in its phase
 * (cumulative payments, the highs they are paid on, the change since the previous quarter) and, for
 * payments, the claims of those versions accepted nationally. A later quarter never changes an
 * earlier one's rows ({@code PaymentRules} and {@link LeagueTable} look back only). So the rows are
 * the same in every quarter before the earliest whose versions or national refusals changed.
 */
public final class FigureQuarters {
  private FigureQuarters() {}

  /**
   * Whether {@code quarter} is among the kept quarters (by partition key, as the tables name them).
   */
  static boolean kept(Set<String> keptQuarters, Quarter quarter) {
    return keptQuarters.contains(PartitionDigests.quarterKey(quarter.end()));
  }

  /**
   * @param before the previous load's returns
   * @param now this load's returns
   * @param sameVersions the quarters whose accepted versions are the previous load's ({@link
   *     ReturnRows#unchangedQuarters})
   * @param sameClaims the quarters whose versions that load and claims refused nationally are the
   *     previous load's ({@code fact_claim}'s carried quarters)
   * @return quarters ({@code 2014-03-31}) before the earliest changed one
   */
  public static Set<String> unchanged(
      List<ReadReturn> before,
      List<ReadReturn> now,
      Set<String> sameVersions,
      Set<String> sameClaims) {
    TreeSet<String> quarters = new TreeSet<>();
    for (List<ReadReturn> returns : List.of(before, now)) {
      for (ReadReturn read : returns) {
        if (read.accepted()) {
          quarters.add(ReturnRows.quarterOf(read));
        }
      }
    }
    Set<String> unchanged = new TreeSet<>();
    for (String quarter : quarters) {
      if (!sameVersions.contains(quarter) || !sameClaims.contains(quarter)) {
        break;
      }
      unchanged.add(quarter);
    }
    return unchanged;
  }
}
