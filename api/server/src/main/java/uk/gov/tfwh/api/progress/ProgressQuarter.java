package uk.gov.tfwh.api.progress;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One reported quarter of an authority's progress, as {@code authority_progress.sql} reads it. */
public record ProgressQuarter(
    LocalDate period,
    String quarterLabel,
    Long familiesIdentified,
    Long familiesAttached,
    Long turnedAround,
    BigDecimal percentOfTarget,
    Integer rank,
    Long change) {
  public ProgressQuarter {
    requireNonNull(period, "period");
    requireNonNull(quarterLabel, "quarterLabel");
  }
}
