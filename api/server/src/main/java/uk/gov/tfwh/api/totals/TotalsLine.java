package uk.gov.tfwh.api.totals;

import java.math.BigDecimal;
import uk.gov.tfwh.warehouse.query.ResultRow;

/**
 * One line of totals for a phase and quarter: England's (no region code) or a region's, as {@code
 * national_totals.sql} and {@code region_totals.sql} give them. The API's responses and the
 * national page read them through this one mapping.
 */
public record TotalsLine(
    String regionCode,
    String name,
    long authoritiesReporting,
    long authoritiesTotal,
    Long familiesIdentified,
    Long familiesAttached,
    Long turnedAround,
    Long target,
    BigDecimal percentOfTarget) {

  /** England's line from the row of {@code national_totals.sql}. */
  static TotalsLine england(ResultRow row) {
    return of(row, null, "England");
  }

  /** A region's line from a row of {@code region_totals.sql}. */
  static TotalsLine region(ResultRow row) {
    return of(row, row.text("region_code"), row.text("region_name"));
  }

  private static TotalsLine of(ResultRow row, String code, String name) {
    return new TotalsLine(
        code,
        name,
        row.longValue("authorities_reporting"),
        row.longValue("authorities_total"),
        row.longValue("families_identified"),
        row.longValue("families_attached"),
        row.longValue("turned_around"),
        row.longValue("target_families"),
        row.decimal("percent_of_target"));
  }
}
