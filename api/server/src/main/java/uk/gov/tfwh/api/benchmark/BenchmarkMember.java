package uk.gov.tfwh.api.benchmark;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** One member of an authority's comparison group, as {@code benchmark.sql} ranks it. */
public record BenchmarkMember(
    String authorityCode,
    String authorityName,
    boolean subject,
    long turnedAround,
    Integer target,
    BigDecimal percentOfTarget,
    int groupRank) {
  public BenchmarkMember {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(authorityName, "authorityName");
  }
}
