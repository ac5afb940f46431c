package uk.gov.tfwh.api.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import uk.gov.tfwh.api.table.RowShape;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.Release;

/**
 * An authority against its comparison group in one quarter: its value, the group's median and
 * quartiles of percent of target, its rank in the group, and every member ({@code rows}, also the
 * CSV).
 */
public record Benchmark(
    String authorityCode,
    String authorityName,
    int phase,
    LocalDate period,
    String quarterLabel,
    String group,
    String snapshot,
    Release release,
    long turnedAround,
    Integer target,
    BigDecimal percentOfTarget,
    int groupRank,
    int groupSize,
    BigDecimal groupLowerQuartile,
    BigDecimal groupMedian,
    BigDecimal groupUpperQuartile,
    Table table)
    implements Tabular {
  /** The row of the table, column by column, as the OpenAPI document describes it. */
  public static final RowShape ROW =
      RowShape.picked(
          "BenchmarkMember",
          RowShape.QUARTER,
          Query.BENCHMARK,
          "authority_code",
          "authority_name",
          "region=region_name",
          "authority_type",
          "is_subject",
          "neighbour_rank",
          "turned_around",
          "target=target_families",
          "percent_of_target",
          "rank=national_rank",
          "group_rank",
          "group_size");

  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
