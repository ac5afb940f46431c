package uk.gov.tfwh.warehouse.query.benchmark;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;

/**
 * An authority against its comparison group, from the rows of {@link Query#BENCHMARK}: its percent
 * of target, its rank in the group, and the group's median and quartiles of percent of target.
 *
 * <p>Median and quartiles are worked out here rather than in SQL because DuckDB's and Trino's
 * percentile functions disagree (Trino's are approximate). Method: linear interpolation between the
 * closest ranks of the sorted values (Hyndman and Fan type 7, as Excel's QUARTILE.INC and R's
 * default): the p-quantile of n sorted values x(0..n-1) is x(h) + (h - floor h) x (x(floor h + 1) -
 * x(floor h)) with h = (n - 1) p, in exact decimals, then rounded half-up to one decimal place like
 * every percentage in the warehouse. The subject counts as a member of its group.
 */
public record BenchmarkSummary(
    String authorityCode,
    BigDecimal percentOfTarget,
    long turnedAround,
    int groupRank,
    int groupSize,
    BigDecimal lowerQuartile,
    BigDecimal median,
    BigDecimal upperQuartile,
    List<String> members) {

  public BenchmarkSummary {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(percentOfTarget, "percentOfTarget");
    requireNonNull(lowerQuartile, "lowerQuartile");
    requireNonNull(median, "median");
    requireNonNull(upperQuartile, "upperQuartile");
    members = List.copyOf(members);
  }

  /**
   * Summarises a benchmark result; throws {@link IllegalArgumentException} when the subject has no
   * figures in that quarter (the result then holds no subject row).
   */
  public static BenchmarkSummary of(QueryResult result) {
    if (!result.columns().equals(Query.BENCHMARK.columns())) {
      throw new IllegalArgumentException("not a benchmark result");
    }
    int subject = -1;
    List<BigDecimal> values = new ArrayList<>();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < result.size(); i++) {
      if (Boolean.TRUE.equals(result.value(i, "is_subject", Boolean.class))) {
        subject = i;
      }
      values.add(result.value(i, "percent_of_target", BigDecimal.class));
      members.add(result.value(i, "authority_code", String.class));
    }
    if (subject < 0) {
      throw new IllegalArgumentException("the authority has no figures for that quarter");
    }
    values.sort(null);
    return new BenchmarkSummary(
        result.value(subject, "authority_code", String.class),
        result.value(subject, "percent_of_target", BigDecimal.class),
        result.value(subject, "turned_around", Long.class),
        result.value(subject, "group_rank", Integer.class),
        result.value(subject, "group_size", Integer.class),
        quantile(values, new BigDecimal("0.25")),
        quantile(values, new BigDecimal("0.5")),
        quantile(values, new BigDecimal("0.75")),
        members);
  }

  /** Type-7 quantile of ascending values, half-up to one decimal place. */
  static BigDecimal quantile(List<BigDecimal> ascending, BigDecimal p) {
    if (ascending.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    BigDecimal h = BigDecimal.valueOf(ascending.size() - 1L).multiply(p);
    int low = h.setScale(0, RoundingMode.FLOOR).intValueExact();
    BigDecimal fraction = h.subtract(BigDecimal.valueOf(low));
    BigDecimal value = ascending.get(low);
    if (fraction.signum() > 0) {
      value = value.add(fraction.multiply(ascending.get(low + 1).subtract(value)));
    }
    return value.setScale(1, RoundingMode.HALF_UP);
  }
}
