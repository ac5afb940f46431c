package uk.gov.tfwh.exports;

/** The tables that can be exported as CSV, XLSX or ODS. */
public enum TableKind {
  /** Every authority's figures for a phase and quarter, by national rank. */
  LEAGUE_TABLE("league-table"),
  /** Each region's totals for a phase and quarter. */
  REGION_TOTALS("regional-totals"),
  /** Payment-by-results per authority and quarter in a phase (optionally one authority). */
  PAYMENTS("payments"),
  /** One authority's quarterly series in a phase. */
  AUTHORITY_PROGRESS("progress"),
  /** The briefing's figures on one sheet (what the PDF says, for re-use). */
  BRIEFING_SUMMARY("briefing-summary"),
  /** Every authority's figures for every quarter, of both phases or of one: one tidy table. */
  TIME_SERIES("time-series");

  private final String slug;

  TableKind(String slug) {
    this.slug = slug;
  }

  /** The name used in file names and URLs, such as {@code league-table}. */
  public String slug() {
    return slug;
  }

  /** Parses a slug ({@code league-table}) or constant name ({@code LEAGUE_TABLE}). */
  public static TableKind of(String name) {
    for (TableKind kind : values()) {
      if (kind.slug.equalsIgnoreCase(name) || kind.name().equalsIgnoreCase(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "no export named '"
            + name
            + "': league-table, regional-totals, payments, progress, briefing-summary or"
            + " time-series");
  }
}
