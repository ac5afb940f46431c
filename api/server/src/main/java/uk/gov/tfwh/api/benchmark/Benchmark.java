package uk.gov.tfwh.api.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import uk.gov.tfwh.api.release.Release;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.api.table.Tabular;

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
  @Override
  public java.util.Map<String, Object> covers() {
    return Tabular.quarterOf(phase, period);
  }
}
