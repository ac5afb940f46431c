package uk.gov.tfwh.export.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import uk.gov.tfwh.export.briefing.BriefingFigures;
import uk.gov.tfwh.export.briefing.BriefingFigures.Headline;
import uk.gov.tfwh.export.briefing.BriefingFigures.LeagueEntry;
import uk.gov.tfwh.export.briefing.BriefingFigures.RegionLine;
import uk.gov.tfwh.export.briefing.BriefingFigures.ReturnNote;
import uk.gov.tfwh.export.briefing.BriefingFigures.Revision;
import uk.gov.tfwh.export.briefing.BriefingFigures.TrajectoryPoint;
import uk.gov.tfwh.export.briefing.BriefingRules;
import uk.gov.tfwh.export.pdf.TaggedLayout.Column;
import uk.gov.tfwh.export.source.Provenance;
import uk.gov.tfwh.export.table.ColumnGuide;

/**
 * Writes the ministerial briefing as an A4 PDF from {@link BriefingFigures}: title with the quarter
 * and the data's status, the protective marking on every page while the snapshot is unpublished,
 * headline figures, the national trajectory as a vector chart, the top and bottom ten, the biggest
 * movers, the regions, data-quality notes and provenance. A real document: fonts embedded, text
 * selectable, title and language (en-GB) set, and tagged structure.
 */
public final class BriefingPdfWriter {
  /** The protective marking of a briefing made from a snapshot not yet published. */
  public static final String PRE_RELEASE_MARKING = "OFFICIAL-SENSITIVE: PRE-RELEASE";

  static final String LANGUAGE = "en-GB";
  private static final float BODY = 9;
  private static final float SMALL = 7.5f;

  private BriefingPdfWriter() {}

  public static void write(BriefingFigures figures, OutputStream out) {
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = PdfFonts.load(document);
      Provenance provenance = figures.provenance();
      String title = title(figures);
      describe(document, figures, title);
      TaggedLayout layout =
          new TaggedLayout(
              document,
              fonts,
              provenance.published() ? null : PRE_RELEASE_MARKING,
              title + " · snapshot " + provenance.snapshotId());

      layout.heading("H1", title, 16);
      layout.paragraph(
          "Quarter ending "
              + Figures.date(figures.period())
              + " · Status: "
              + provenance.status()
              + " · Snapshot "
              + provenance.snapshotId(),
          BODY,
          true);

      headline(layout, figures);
      trajectory(layout, figures, fonts);

      layout.heading("H2", "Top ten authorities", 12);
      layout.table(leagueColumns(), league(figures.top()), SMALL);
      layout.heading("H2", "Bottom ten authorities", 12);
      layout.table(leagueColumns(), league(figures.bottom()), SMALL);

      movers(layout, figures);
      regions(layout, figures);
      quality(layout, figures);
      provenance(layout, figures);
      layout.finish();
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the briefing PDF", e);
    }
  }

  static String title(BriefingFigures figures) {
    return "Troubled Families Programme briefing: phase "
        + figures.phase()
        + ", "
        + figures.quarterLabel();
  }

  private static void describe(PDDocument document, BriefingFigures figures, String title) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor("Troubled Families national reporting warehouse (tfwh)");
    info.setSubject(
        "Ministerial briefing, quarter ending "
            + Figures.date(figures.period())
            + "; "
            + figures.provenance().status()
            + "; snapshot "
            + figures.provenance().snapshotId());
    info.setKeywords(figures.provenance().published() ? "published" : PRE_RELEASE_MARKING);
    info.setCreator("tfwh exports");
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    created.setTimeInMillis(figures.provenance().generatedAt().toEpochMilli());
    info.setCreationDate(created);
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    catalog.setLanguage(LANGUAGE);
    PDMarkInfo markInfo = new PDMarkInfo();
    markInfo.setMarked(true);
    catalog.setMarkInfo(markInfo);
    PDViewerPreferences preferences =
        new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
    preferences.setDisplayDocTitle(true);
    catalog.setViewerPreferences(preferences);
  }

  private static void headline(TaggedLayout layout, BriefingFigures figures) throws IOException {
    Headline h = figures.headline();
    layout.heading("H2", "Headline figures", 12);
    layout.paragraph(
        "Families turned around in England: "
            + Figures.count(h.turnedAround())
            + " against a target of "
            + Figures.count(h.target())
            + " ("
            + Figures.percent(h.percentOfTarget())
            + " of target), with "
            + Figures.count(h.authoritiesReporting())
            + " of "
            + Figures.count(h.authoritiesTotal())
            + " authorities reporting.",
        10,
        false);
    layout.paragraph(
        h.previousPeriod() == null
            ? "Change since last quarter: none to show (no previous quarter in this phase)."
            : "Change since last quarter (ending "
                + Figures.date(h.previousPeriod())
                + "): "
                + Figures.signedCount(h.changeInTurnedAround())
                + " families turned around ("
                + Figures.points(h.changeInPercentPoints())
                + ").",
        10,
        false);
    layout.paragraph(
        "Payments to date in phase "
            + figures.phase()
            + ": "
            + Figures.money(h.paymentsToDate())
            + " to "
            + Figures.count(h.authoritiesPaid())
            + " authorities.",
        10,
        false);
  }

  private static void trajectory(TaggedLayout layout, BriefingFigures figures, PdfFonts fonts)
      throws IOException {
    layout.heading("H2", "National trajectory against target", 12);
    List<TrajectoryPoint> points = figures.trajectory();
    StringBuilder alt =
        new StringBuilder(
            "Line chart of families turned around in England by quarter against the"
                + " national target: ");
    for (int i = 0; i < points.size(); i++) {
      TrajectoryPoint p = points.get(i);
      alt.append(i == 0 ? "" : "; ")
          .append(p.quarterLabel())
          .append(" ")
          .append(Figures.count(p.turnedAround()))
          .append(" of ")
          .append(Figures.count(p.target()));
    }
    layout.figure(alt.append('.').toString(), 170, new TrajectoryChart(points, fonts));
  }

  private static List<Column> leagueColumns() {
    return List.of(
        new Column("Rank", 30, true),
        new Column("Authority", 130, false),
        new Column("Region", 105, false),
        new Column("Turned around", 66, true),
        new Column("Target", 50, true),
        new Column("% of target", 55, true),
        new Column("Change (pts)", 75, true));
  }

  private static List<List<String>> league(List<LeagueEntry> entries) {
    List<List<String>> rows = new ArrayList<>();
    for (LeagueEntry e : entries) {
      rows.add(
          List.of(
              Integer.toString(e.nationalRank()),
              e.name(),
              e.region(),
              Figures.count(e.turnedAround()),
              Figures.count(e.target()),
              Figures.percent(e.percentOfTarget()),
              Figures.points(e.changeInPercentPoints())));
    }
    return rows;
  }

  private static void movers(TaggedLayout layout, BriefingFigures figures) throws IOException {
    layout.heading("H2", "Biggest movers since last quarter", 12);
    if (figures.risers().isEmpty() && figures.fallers().isEmpty()) {
      layout.paragraph(
          "No authority's percentage of target changed since the previous quarter (or there is"
              + " no previous quarter).",
          BODY,
          false);
      return;
    }
    List<Column> columns =
        List.of(
            new Column("Movement", 48, false),
            new Column("Authority", 125, false),
            new Column("Region", 105, false),
            new Column("Rank", 30, true),
            new Column("% of target", 55, true),
            new Column("Change (pts)", 60, true),
            new Column("Change (families)", 88, true));
    List<List<String>> rows = new ArrayList<>();
    for (LeagueEntry e : figures.risers()) {
      rows.add(mover("Rise", e));
    }
    for (LeagueEntry e : figures.fallers()) {
      rows.add(mover("Fall", e));
    }
    layout.paragraph(
        "The "
            + BriefingRules.MOVERS
            + " largest rises and falls in percentage of target since the previous quarter.",
        SMALL,
        false);
    layout.table(columns, rows, SMALL);
  }

  private static List<String> mover(String movement, LeagueEntry e) {
    return List.of(
        movement,
        e.name(),
        e.region(),
        Integer.toString(e.nationalRank()),
        Figures.percent(e.percentOfTarget()),
        Figures.points(e.changeInPercentPoints()),
        Figures.signedCount(e.changeInTurnedAround()));
  }

  private static void regions(TaggedLayout layout, BriefingFigures figures) throws IOException {
    layout.heading("H2", "Regions", 12);
    List<Column> columns =
        List.of(
            new Column("Region", 160, false),
            new Column("Reporting", 70, true),
            new Column("Turned around", 90, true),
            new Column("Target", 90, true),
            new Column("% of target", 101, true));
    List<List<String>> rows = new ArrayList<>();
    for (RegionLine r : figures.regions()) {
      rows.add(
          List.of(
              r.name(),
              r.reporting() + " of " + r.authorities(),
              Figures.count(r.turnedAround()),
              Figures.count(r.target()),
              Figures.percent(r.percentOfTarget())));
    }
    layout.table(columns, rows, SMALL);
  }

  private static void quality(TaggedLayout layout, BriefingFigures figures) throws IOException {
    BriefingFigures.QualityNotes q = figures.quality();
    layout.heading("H2", "Data-quality notes", 12);
    List<List<String>> items = new ArrayList<>();
    items.add(
        List.of(
            "Missing returns",
            q.missing().isEmpty()
                ? "None: every authority has an accepted return for the quarter."
                : q.missing().size() + ": " + names(q.missing())));
    items.add(
        List.of(
            "Late returns",
            q.late().isEmpty()
                ? "None."
                : q.late().size() + " (first submitted after the deadline): " + names(q.late())));
    List<String> revisions = new ArrayList<>();
    for (Revision r : q.largeRevisions()) {
      revisions.add(
          r.name()
              + " ("
              + r.code()
              + ") from "
              + Figures.count(r.firstTurnedAround())
              + " to "
              + Figures.count(r.currentTurnedAround())
              + " over "
              + r.versions()
              + " versions"
              + (r.note() == null || r.note().isBlank() ? "" : ", note: \"" + r.note() + "\""));
    }
    items.add(
        List.of(
            "Large revisions",
            revisions.isEmpty()
                ? "None (a revision is large when it moves turned around by 5% or more)."
                : revisions.size() + ": " + String.join("; ", revisions) + "."));
    List<String> exact = new ArrayList<>();
    for (LeagueEntry e : q.exactlyAtTarget()) {
      exact.add(e.name() + " (" + Figures.count(e.turnedAround()) + ")");
    }
    items.add(
        List.of(
            "Exactly 100%",
            exact.isEmpty()
                ? "None."
                : exact.size()
                    + " authorities report turned around exactly equal to their target, worth"
                    + " confirming: "
                    + String.join(", ", exact)
                    + "."));
    layout.definitionList(items, BODY, 95);
  }

  private static String names(List<ReturnNote> notes) {
    List<String> names = new ArrayList<>();
    for (ReturnNote n : notes) {
      names.add(n.name() + " (" + n.region() + ")");
    }
    return String.join(", ", names) + ".";
  }

  private static void provenance(TaggedLayout layout, BriefingFigures figures) throws IOException {
    Provenance p = figures.provenance();
    layout.heading("H2", "Provenance and definitions", 12);
    layout.definitionList(
        List.of(
            List.of("Snapshot", p.snapshotId()),
            List.of("Snapshot created", Figures.time(p.snapshotCreatedAt())),
            List.of("Reference data", p.referenceVersion()),
            List.of("Status", p.status()),
            List.of("Generated", Figures.time(p.generatedAt())),
            List.of("Turned around", ColumnGuide.definition("turned_around")),
            List.of("Percent of target", ColumnGuide.definition("percent_of_target")),
            List.of("National rank", ColumnGuide.definition("national_rank")),
            List.of("Change (pts)", ColumnGuide.definition("change_in_percent_points")),
            List.of(
                "Payments to date",
                "Everything paid in the phase up to and including the quarter: attachment fees and"
                    + " results payments, after each authority's cap."),
            List.of(
                "Movers",
                "The largest rises and falls in percentage of target since the previous quarter;"
                    + " authorities without a previous return are not movers.")),
        SMALL,
        95);
  }
}
