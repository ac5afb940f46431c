package uk.gov.tfwh.exports.table;

import java.util.Map;
import uk.gov.tfwh.warehouse.query.ResultColumn;

/**
 * Headings, widths and definitions of the query layer's columns, in one place, so every export (and
 * the briefing's definitions) describes a figure the same way. The rules themselves are in
 * docs/methodology.md; these are their one-line summaries.
 */
public final class ColumnGuide {
  private record Entry(String heading, int width, String definition) {}

  private static final String TURNED_AROUND =
      "Families turned around (phase 1: crime/ASB/education plus continuous employment results) or"
          + " with a successful outcome (phase 2: sustained progress plus continuous employment),"
          + " cumulative to the quarter.";
  private static final String PERCENT =
      "100 x turned around / target, rounded half-up to one decimal place; not capped at 100.";

  private static final Map<String, Entry> GUIDE =
      Map.ofEntries(
          e("authority_code", "Authority code", 11, "GSS code of the upper-tier local authority."),
          e("authority_name", "Authority", 28, ""),
          e("region_code", "Region code", 11, "GSS code of the region."),
          e("region_name", "Region", 22, ""),
          e("authority_type", "Authority type", 20, ""),
          e(
              "target_families",
              "Target (families)",
              10,
              "The authority's (or the sum of the authorities') target for the phase, from the"
                  + " reference set."),
          e(
              "target_basis",
              "Target basis",
              10,
              "published: the target as published; modelled: apportioned by the reference set."),
          e(
              "families_identified",
              "Families identified",
              11,
              "Families identified for the programme, cumulative."),
          e(
              "families_attached",
              "Families attached",
              11,
              "Families the programme is working with, cumulative."),
          e("turned_around", "Turned around", 10, TURNED_AROUND),
          e("percent_of_target", "Percent of target", 9, PERCENT),
          e(
              "national_rank",
              "National rank",
              8,
              "Competition ranking ('1224') on the exact ratio turned around / target; 1 is"
                  + " highest, ties share a rank."),
          e("region_rank", "Region rank", 8, "As national rank, within the region."),
          e("type_rank", "Type rank", 8, "As national rank, within the authority type."),
          e(
              "quartile",
              "Quartile",
              8,
              "Quartile of the national ranking: 1 + floor(4 x (rank - 1) / authorities); 1 is the"
                  + " top quarter."),
          e(
              "change_in_turned_around",
              "Change in turned around",
              10,
              "This quarter's cumulative figure minus the previous quarter's; empty when the"
                  + " authority has no return for the previous quarter."),
          e(
              "change_in_percent_points",
              "Change (percentage points)",
              10,
              "This quarter's percent of target minus the previous quarter's (as shown); empty"
                  + " when there is no previous return."),
          e(
              "authorities_reporting",
              "Authorities reporting",
              10,
              "Authorities with an accepted return for the quarter."),
          e("authorities_total", "Authorities", 10, "Authorities with a target in the phase."),
          e(
              "phase",
              "Phase",
              6,
              "1 (2012 to 2015: families turned around) or 2 (2015 to 2020: successful family"
                  + " outcomes)."),
          e("period_end", "Quarter end", 11, ""),
          e("quarter_label", "Quarter", 8, ""),
          e("quarter_index", "Quarter of phase", 8, "1 for the phase's first quarter."),
          e("financial_year", "Financial year", 9, "April to March."),
          e(
              "attached_families_paid",
              "Attached families paid",
              10,
              "The quarter's rise in families attached, counted up to the target."),
          e(
              "attachment_fee_gbp",
              "Attachment fees (£)",
              14,
              "Attachment fees paid in the quarter."),
          e(
              "results_crime_asb_education_gbp",
              "Crime/ASB/education results (£)",
              14,
              "Phase 1 results payments for crime, anti-social behaviour and education."),
          e(
              "results_continuous_employment_gbp",
              "Continuous employment results (£)",
              14,
              "Results payments for continuous employment."),
          e(
              "results_progress_to_work_gbp",
              "Progress to work results (£)",
              14,
              "Phase 1 results payments for progress to work (paid, not counted as turned"
                  + " around)."),
          e(
              "results_sustained_progress_gbp",
              "Sustained progress results (£)",
              14,
              "Phase 2 results payments for sustained progress."),
          e("total_gbp", "Total paid in quarter (£)", 14, "The five amounts added up."),
          e(
              "cumulative_gbp",
              "Paid to date in phase (£)",
              14,
              "Total paid in the phase up to and including the quarter."),
          e(
              "cap_gbp",
              "Cap (£)",
              14,
              "The most the authority can be paid in the phase (phase 1: target x £4,000 x 5/6;"
                  + " phase 2: expected families x £1,800)."),
          e("remaining_cap_gbp", "Remaining under cap (£)", 14, "Cap minus paid to date."),
          e(
              "capped",
              "Capped",
              7,
              "TRUE when the cap cut what the payment rules made due in the quarter."));

  private ColumnGuide() {}

  private static Map.Entry<String, Entry> e(
      String column, String heading, int width, String definition) {
    return Map.entry(column, new Entry(heading, width, definition));
  }

  /**
   * The export column for a query column: its heading, width and definition, typed by the query.
   */
  public static ExportColumn column(ResultColumn column) {
    Entry entry = GUIDE.get(column.name());
    if (entry == null) {
      throw new IllegalStateException(
          "no heading for query column " + column.name() + ": add it to ColumnGuide");
    }
    return new ExportColumn(entry.heading(), kindOf(column), entry.width(), entry.definition());
  }

  /** A column's heading, for tables the briefing assembles from the same figures. */
  public static String heading(String column) {
    Entry entry = GUIDE.get(column);
    if (entry == null) {
      throw new IllegalStateException("no heading for " + column);
    }
    return entry.heading();
  }

  /** A column's definition, for the briefing's definitions section. */
  public static String definition(String column) {
    Entry entry = GUIDE.get(column);
    if (entry == null) {
      throw new IllegalStateException("no definition for " + column);
    }
    return entry.definition();
  }

  private static CellKind kindOf(ResultColumn column) {
    return switch (column.type()) {
      case STRING -> CellKind.TEXT;
      case INT, BIGINT -> CellKind.COUNT;
      case PERCENT -> CellKind.PERCENT;
      case MONEY -> CellKind.MONEY;
      case DATE -> CellKind.DATE;
      case TIMESTAMP -> CellKind.TIMESTAMP;
      case BOOLEAN -> CellKind.YES_NO;
      case DOUBLE ->
          throw new IllegalStateException(
              column.name() + " is a DOUBLE: exports show exact figures only");
    };
  }
}
