package uk.gov.tfwh.exports.table;

/**
 * What a column holds, which decides how every format writes it: as a typed number, date or boolean
 * cell, or as (formula-safe) text. The Java value each kind accepts is given.
 */
public enum CellKind {
  /** String. */
  TEXT,
  /** Integer or Long: a whole number of families, authorities or ranks. */
  COUNT,
  /** BigDecimal at one decimal place: a percentage or a change in percentage points. */
  PERCENT,
  /** BigDecimal in pounds and pence. */
  MONEY,
  /** LocalDate. */
  DATE,
  /** Instant, shown in UTC. */
  TIMESTAMP,
  /** Boolean. */
  YES_NO
}
