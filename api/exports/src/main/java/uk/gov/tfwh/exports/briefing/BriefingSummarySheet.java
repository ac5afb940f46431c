package uk.gov.tfwh.exports.briefing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Headline;
import uk.gov.tfwh.exports.briefing.BriefingFigures.LeagueEntry;
import uk.gov.tfwh.exports.briefing.BriefingFigures.RegionLine;
import uk.gov.tfwh.exports.briefing.BriefingFigures.ReturnNote;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Revision;
import uk.gov.tfwh.exports.briefing.BriefingFigures.TrajectoryPoint;
import uk.gov.tfwh.exports.table.CellKind;
import uk.gov.tfwh.exports.table.ColumnGuide;
import uk.gov.tfwh.exports.table.ExportColumn;
import uk.gov.tfwh.exports.table.ExportTable;

/**
 * The briefing's figures as one sheet for officials who re-use the numbers: one row per figure,
 * with a Section column to filter on (headline, trajectory, top ten, bottom ten, risers, fallers,
 * regions, data quality), and typed number columns. It holds exactly what the PDF shows.
 */
public final class BriefingSummarySheet {
  public static final String NAME = "Briefing summary";

  private static final List<ExportColumn> COLUMNS =
      List.of(
          new ExportColumn("Section", CellKind.TEXT, 18, ""),
          new ExportColumn("Rank", CellKind.COUNT, 6, ColumnGuide.definition("national_rank")),
          new ExportColumn("Code", CellKind.TEXT, 11, "GSS code of the authority or region."),
          new ExportColumn("Name", CellKind.TEXT, 28, ""),
          new ExportColumn("Quarter end", CellKind.DATE, 11, ""),
          new ExportColumn(
              "Turned around", CellKind.COUNT, 10, ColumnGuide.definition("turned_around")),
          new ExportColumn(
              "Target (families)", CellKind.COUNT, 10, ColumnGuide.definition("target_families")),
          new ExportColumn(
              "Percent of target",
              CellKind.PERCENT,
              9,
              ColumnGuide.definition("percent_of_target")),
          new ExportColumn(
              "Change in turned around",
              CellKind.COUNT,
              10,
              ColumnGuide.definition("change_in_turned_around")),
          new ExportColumn(
              "Change (percentage points)",
              CellKind.PERCENT,
              10,
              ColumnGuide.definition("change_in_percent_points")),
          new ExportColumn(
              "Amount (£)",
              CellKind.MONEY,
              15,
              "Payments to date: everything paid in the phase up to and including the quarter."),
          new ExportColumn("Note", CellKind.TEXT, 40, ""));

  private BriefingSummarySheet() {}

  public static ExportTable of(BriefingFigures f) {
    List<List<Object>> rows = new ArrayList<>();
    Headline h = f.headline();
    rows.add(
        row(
            "Headline",
            null,
            "E92000001",
            "England",
            f.period(),
            h.turnedAround(),
            h.target(),
            h.percentOfTarget(),
            h.changeInTurnedAround(),
            h.changeInPercentPoints(),
            null,
            h.authoritiesReporting()
                + " of "
                + h.authoritiesTotal()
                + " authorities reporting"
                + (h.previousPeriod() == null
                    ? "; no previous quarter to compare"
                    : "; change since " + h.previousPeriod())));
    rows.add(
        row(
            "Headline",
            null,
            "E92000001",
            "Payments to date",
            f.period(),
            null,
            null,
            null,
            null,
            null,
            h.paymentsToDate(),
            h.authoritiesPaid() + " authorities paid"));
    for (TrajectoryPoint p : f.trajectory()) {
      rows.add(
          row(
              "Trajectory",
              null,
              "E92000001",
              "England " + p.quarterLabel(),
              p.period(),
              p.turnedAround(),
              p.target(),
              null,
              null,
              null,
              null,
              p.reporting() + " authorities reporting"));
    }
    league(rows, "Top ten", f.top(), f);
    league(rows, "Bottom ten", f.bottom(), f);
    league(rows, "Biggest risers", f.risers(), f);
    league(rows, "Biggest fallers", f.fallers(), f);
    for (RegionLine r : f.regions()) {
      rows.add(
          row(
              "Regions",
              null,
              r.code(),
              r.name(),
              f.period(),
              r.turnedAround(),
              r.target(),
              r.percentOfTarget(),
              null,
              null,
              null,
              r.reporting() + " of " + r.authorities() + " authorities reporting"));
    }
    for (ReturnNote n : f.quality().late()) {
      rows.add(
          note("Late return", n.code(), n.name(), f, "first submitted " + n.firstSubmittedAt()));
    }
    for (ReturnNote n : f.quality().missing()) {
      rows.add(note("Missing return", n.code(), n.name(), f, "no accepted return"));
    }
    for (Revision r : f.quality().largeRevisions()) {
      rows.add(
          row(
              "Large revision",
              null,
              r.code(),
              r.name(),
              f.period(),
              r.currentTurnedAround(),
              null,
              null,
              r.change(),
              null,
              null,
              r.versions()
                  + " versions; first "
                  + r.firstTurnedAround()
                  + (r.note() == null ? "" : "; note: " + r.note())));
    }
    for (LeagueEntry e : f.quality().exactlyAtTarget()) {
      rows.add(
          row(
              "Exactly 100%",
              e.nationalRank(),
              e.code(),
              e.name(),
              f.period(),
              e.turnedAround(),
              (long) e.target(),
              e.percentOfTarget(),
              null,
              null,
              null,
              "turned around equals the target exactly"));
    }
    return new ExportTable(
        NAME, "Briefing figures, phase " + f.phase() + " " + f.quarterLabel(), COLUMNS, rows);
  }

  private static void league(
      List<List<Object>> rows, String section, List<LeagueEntry> entries, BriefingFigures f) {
    for (LeagueEntry e : entries) {
      rows.add(
          row(
              section,
              e.nationalRank(),
              e.code(),
              e.name(),
              f.period(),
              e.turnedAround(),
              (long) e.target(),
              e.percentOfTarget(),
              e.changeInTurnedAround(),
              e.changeInPercentPoints(),
              null,
              e.region()));
    }
  }

  private static List<Object> note(
      String section, String code, String name, BriefingFigures f, String text) {
    return row(section, null, code, name, f.period(), null, null, null, null, null, null, text);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
