package uk.gov.tfwh.api.period;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** A quarter a snapshot holds, with how many authorities reported in it ({@code periods.sql}). */
public record SnapshotQuarter(
    int phase,
    LocalDate periodEnd,
    String quarterLabel,
    String financialYear,
    long authoritiesReporting) {
  public SnapshotQuarter {
    requireNonNull(periodEnd, "periodEnd");
    requireNonNull(quarterLabel, "quarterLabel");
  }
}
