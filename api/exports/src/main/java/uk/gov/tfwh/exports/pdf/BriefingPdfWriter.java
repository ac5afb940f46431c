package uk.gov.tfwh.exports.pdf;

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
import uk.gov.tfwh.exports.briefing.BriefingFigures;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Headline;
import uk.gov.tfwh.exports.briefing.BriefingFigures.LeagueEntry;
import uk.gov.tfwh.exports.briefing.BriefingFigures.RegionLine;
import uk.gov.tfwh.exports.briefing.BriefingFigures.ReturnNote;
import uk.gov.tfwh.exports.briefing.BriefingFigures.Revision;
import uk.gov.tfwh.exports.briefing.BriefingFigures.TrajectoryPoint;
import uk.gov.tfwh.exports.briefing.KeyMessages;
import uk.gov.tfwh.exports.pdf.TaggedLayout.Column;
import uk.gov.tfwh.exports.source.Provenance;
import uk.gov.tfwh.exports.table.ColumnGuide;
import uk.gov.tfwh.exports.text.FigureText;

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
      // The snapshot and status go in every page's footer and the provenance annex, not the title.
      TaggedLayout layout =
          new TaggedLayout(
              document,
              fonts,
              provenance.published() ? null : PRE_RELEASE_MARKING,
              "Snapshot "
                  + provenance.snapshotId()
                  + " · "
                  + provenance.status()
                  + " · generated "
                  + FigureText.time(provenance.generatedAt()));

      layout.heading("H1", title, 16);
      layout.paragraph(
          "Quarter ending "
              + FigureText.date(figures.period())
              + ". "
              + (provenance.published()
                  ? "Published figures."
                  : "Pre-release figures, not yet published: not for quotation."),
          BODY,
          true);
      keyMessages(layout, figures);
      headline(layout, figures);
      trajectory(layout, figures, fonts);
      movers(layout, figures);
      String outcome = figures.phaseOf().outcomeHeading();
      headedTable(layout, "Top ten authorities", leagueColumns(outcome), league(figures.top()));
      headedTable(
          layout, "Bottom ten authorities", leagueColumns(outcome), league(figures.bottom()));

      layout.pageBreak();
      layout.heading("H1", "Annex", 14);
      payments(layout, figures);
      quality(layout, figures);
      regions(layout, figures);
      layout.heading("H2", "D. League table: every authority", 12);
      layout.table(leagueColumns(outcome), league(figures.league()), SMALL);
      provenance(layout, figures);
      layout.finish();
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the briefing PDF", e);
    }
  }

  static String title(BriefingFigures figures) {
    return "Troubled Families Programme: phase " + figures.phase() + ", " + figures.quarterLabel();
  }

  private static void describe(PDDocument document, BriefingFigures figures, String title) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor("Troubled Families national reporting warehouse (tfwh)");
    info.setSubject(
        "Ministerial briefing, quarter ending "
            + FigureText.date(figures.period())
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

  private static void keyMessages(TaggedLayout layout, BriefingFigures figures) throws IOException {
    layout.heading("H2", "Key messages", 12);
    List<List<String>> items = new ArrayList<>();
    for (KeyMessages.KeyMessage message : KeyMessages.of(figures)) {
      items.add(List.of(message.subject(), message.text()));
    }
    layout.definitionList(items, 10, 80);
  }

  private static void headline(TaggedLayout layout, BriefingFigures figures) throws IOException {
    Headline h = figures.headline();
    layout.heading("H2", "Headline figures", 12);
    List<Column> columns =
        List.of(
            new Column("England", 151, false),
            new Column("This quarter", 90, true),
            new Column("Since previous quarter", 135, true),
            new Column("Since a year earlier", 135, true));
    layout.table(
        columns,
        List.of(
            List.of(
                figures.phaseOf().outcomeHeading(),
                FigureText.count(h.turnedAround()),
                FigureText.signedCount(h.changeInTurnedAround()),
                FigureText.signedCount(h.changeSinceYearEarlier())),
            List.of(
                "Percent of target",
                FigureText.percent(h.percentOfTarget()),
                FigureText.points(h.changeInPercentPoints()),
                FigureText.points(h.pointsSinceYearEarlier())),
            List.of("Target", FigureText.count(h.target()), FigureText.NONE, FigureText.NONE),
            List.of(
                "Authorities reporting",
                FigureText.count(h.authoritiesReporting())
                    + " of "
                    + FigureText.count(h.authoritiesTotal()),
                FigureText.NONE,
                FigureText.NONE),
            List.of(
                "Payments to date",
                FigureText.roundedMoney(h.paymentsToDate()),
                FigureText.NONE,
                FigureText.NONE)),
        BODY);
  }

  private static void trajectory(TaggedLayout layout, BriefingFigures figures, PdfFonts fonts)
      throws IOException {
    String outcome = figures.phaseOf().outcomeHeading();
    layout.heading("H2", "National trajectory against target", 12);
    List<TrajectoryPoint> points = figures.trajectory();
    StringBuilder alt =
        new StringBuilder(
            "Line chart of "
                + figures.phaseOf().outcomeCount()
                + " in England by quarter against the national target: ");
    for (int i = 0; i < points.size(); i++) {
      TrajectoryPoint p = points.get(i);
      alt.append(i == 0 ? "" : "; ")
          .append(p.quarterLabel())
          .append(" ")
          .append(FigureText.count(p.turnedAround()))
          .append(" of ")
          .append(FigureText.count(p.target()));
    }
    layout.figure(
        alt.append(". The figures are in the table below.").toString(),
        190,
        new TrajectoryChart(points, fonts, outcome + " (cumulative)"));
    List<List<String>> rows = new ArrayList<>();
    for (TrajectoryPoint p : points) {
      rows.add(
          List.of(
              p.quarterLabel(),
              FigureText.count(p.turnedAround()),
              FigureText.count(p.target()),
              FigureText.percent(p.percentOfTarget()),
              FigureText.count(p.reporting())));
    }
    // The chart's figures stay in one piece (a lone row over the page reads as a new table).
    layout.keepTogether(
        TaggedLayout.headingHeight(10) + TaggedLayout.tableHeight(rows.size(), SMALL));
    layout.heading("H3", "The chart's figures", 10);
    layout.table(
        List.of(
            new Column("Quarter", 80, false),
            new Column(outcome, 120, true),
            new Column("Target", 100, true),
            new Column("% of target", 100, true),
            new Column("Authorities reporting", 111, true)),
        rows,
        SMALL);
  }

  /** A heading and its table on one page, when the table fits on one. */
  private static void headedTable(
      TaggedLayout layout, String heading, List<Column> columns, List<List<String>> rows)
      throws IOException {
    layout.keepTogether(
        TaggedLayout.headingHeight(12) + TaggedLayout.tableHeight(rows.size(), SMALL));
    layout.heading("H2", heading, 12);
    layout.table(columns, rows, SMALL);
  }

  private static List<Column> leagueColumns(String outcome) {
    return List.of(
        new Column("Rank", 30, true),
        new Column("Authority", 110, false),
        new Column("Region", 92, false),
        new Column(outcome, 114, true),
        new Column("Target", 45, true),
        new Column("% of target", 50, true),
        new Column("Change (pts)", 70, true));
  }

  private static List<List<String>> league(List<LeagueEntry> entries) {
    List<List<String>> rows = new ArrayList<>();
    for (LeagueEntry e : entries) {
      rows.add(
          List.of(
              Integer.toString(e.nationalRank()),
              e.name(),
              e.region(),
              FigureText.count(e.turnedAround()),
              FigureText.count(e.target()),
              FigureText.percent(e.percentOfTarget()),
              FigureText.points(e.changeInPercentPoints())));
    }
    return rows;
  }

  /** Rises and falls each under its own heading, each saying so when there are none. */
  private static void movers(TaggedLayout layout, BriefingFigures figures) throws IOException {
    boolean comparable = figures.headline().previousPeriod() != null;
    layout.keepTogether(
        TaggedLayout.headingHeight(12)
            + TaggedLayout.tableHeight(Math.max(1, figures.risers().size()), SMALL));
    layout.heading("H2", "Biggest rises since the previous quarter", 12);
    if (!comparable) {
      layout.paragraph("None to show: there is no previous quarter in this phase.", BODY, false);
    } else if (figures.risers().isEmpty()) {
      layout.paragraph(
          "No authority's percentage of target rose since the previous quarter.", BODY, false);
    } else {
      layout.table(moverColumns(), moverRows(figures.risers()), SMALL);
    }
    layout.keepTogether(
        TaggedLayout.headingHeight(12)
            + TaggedLayout.tableHeight(Math.max(1, figures.fallers().size()), SMALL));
    layout.heading("H2", "Biggest falls since the previous quarter", 12);
    if (!comparable) {
      layout.paragraph("None to show: there is no previous quarter in this phase.", BODY, false);
    } else if (figures.fallers().isEmpty()) {
      layout.paragraph(
          "No authority's percentage of target fell since the previous quarter.", BODY, false);
    } else {
      layout.table(moverColumns(), moverRows(figures.fallers()), SMALL);
    }
  }

  private static List<Column> moverColumns() {
    return List.of(
        new Column("Authority", 140, false),
        new Column("Region", 110, false),
        new Column("Rank", 35, true),
        new Column("% of target", 60, true),
        new Column("Change (pts)", 70, true),
        new Column("Change (families)", 96, true));
  }

  private static List<List<String>> moverRows(List<LeagueEntry> entries) {
    List<List<String>> rows = new ArrayList<>();
    for (LeagueEntry e : entries) {
      rows.add(
          List.of(
              e.name(),
              e.region(),
              Integer.toString(e.nationalRank()),
              FigureText.percent(e.percentOfTarget()),
              FigureText.points(e.changeInPercentPoints()),
              FigureText.signedCount(e.changeInTurnedAround())));
    }
    return rows;
  }

  /** Annex A: the payments' exact figures. */
  private static void payments(TaggedLayout layout, BriefingFigures figures) throws IOException {
    Headline h = figures.headline();
    layout.heading("H2", "A. Payments to date", 12);
    layout.table(
        List.of(new Column("Measure", 250, false), new Column("Amount", 261, true)),
        List.of(
            List.of(
                "Paid in phase " + figures.phase() + " to the end of the quarter",
                FigureText.money(h.paymentsToDate())),
            List.of("Authorities paid", FigureText.count(h.authoritiesPaid())),
            List.of("The authorities' caps, summed", FigureText.money(h.paymentsCap()))),
        BODY);
  }

  /** Annex B: what to check before quoting, each list in full. */
  private static void quality(TaggedLayout layout, BriefingFigures figures) throws IOException {
    BriefingFigures.QualityNotes q = figures.quality();
    layout.heading("H2", "B. Returns to check before quoting", 12);
    layout.paragraph(
        "Late returns: "
            + FigureText.count(q.late().size())
            + ". Missing returns: "
            + FigureText.count(q.missing().size())
            + ". Large revisions: "
            + FigureText.count(q.largeRevisions().size())
            + " (a revision is large when it moves the figure by 5% or more). Authorities at"
            + " exactly 100% of target: "
            + FigureText.count(q.exactlyAtTarget().size())
            + " (an exact hit is more often a figure copied from the target than a count).",
        BODY,
        false);
    List<Column> returnColumns =
        List.of(
            new Column("Authority", 170, false),
            new Column("Region", 150, false),
            new Column("First submitted", 191, false));
    if (!q.late().isEmpty()) {
      layout.heading("H3", "Late returns", 10);
      layout.table(returnColumns, returnRows(q.late()), SMALL);
    }
    if (!q.missing().isEmpty()) {
      layout.heading("H3", "Missing returns", 10);
      layout.table(returnColumns, returnRows(q.missing()), SMALL);
    }
    if (!q.largeRevisions().isEmpty()) {
      layout.heading("H3", "Large revisions", 10);
      List<List<String>> rows = new ArrayList<>();
      for (Revision r : q.largeRevisions()) {
        rows.add(
            List.of(
                r.name(),
                FigureText.count(r.firstTurnedAround()),
                FigureText.count(r.currentTurnedAround()),
                Long.toString(r.versions()),
                r.note() == null ? "" : r.note()));
      }
      layout.table(
          List.of(
              new Column("Authority", 130, false),
              new Column("First version", 70, true),
              new Column("Current", 60, true),
              new Column("Versions", 50, true),
              new Column("Revision note", 201, false)),
          rows,
          SMALL);
    }
    if (!q.exactlyAtTarget().isEmpty()) {
      layout.heading("H3", "Authorities at exactly 100% of target", 10);
      List<List<String>> rows = new ArrayList<>();
      for (LeagueEntry e : q.exactlyAtTarget()) {
        rows.add(List.of(e.name(), e.region(), FigureText.count(e.turnedAround())));
      }
      layout.table(
          List.of(
              new Column("Authority", 170, false),
              new Column("Region", 150, false),
              new Column("Figure and target", 191, true)),
          rows,
          SMALL);
    }
  }

  private static List<List<String>> returnRows(List<ReturnNote> notes) {
    List<List<String>> rows = new ArrayList<>();
    for (ReturnNote n : notes) {
      rows.add(
          List.of(
              n.name(),
              n.region(),
              n.firstSubmittedAt() == null
                  ? "Not received"
                  : FigureText.time(n.firstSubmittedAt())));
    }
    return rows;
  }

  /** Annex C: every region's totals. */
  private static void regions(TaggedLayout layout, BriefingFigures figures) throws IOException {
    layout.heading("H2", "C. Regional totals", 12);
    List<Column> columns =
        List.of(
            new Column("Region", 160, false),
            new Column("Reporting", 70, true),
            new Column(figures.phaseOf().outcomeHeading(), 100, true),
            new Column("Target", 90, true),
            new Column("% of target", 91, true));
    List<List<String>> rows = new ArrayList<>();
    for (RegionLine r : figures.regions()) {
      rows.add(
          List.of(
              r.name(),
              r.reporting() + " of " + r.authorities(),
              FigureText.count(r.turnedAround()),
              FigureText.count(r.target()),
              FigureText.percent(r.percentOfTarget())));
    }
    layout.table(columns, rows, SMALL);
  }

  /** Annex E: where the figures come from and what they mean. */
  private static void provenance(TaggedLayout layout, BriefingFigures figures) throws IOException {
    Provenance p = figures.provenance();
    List<List<String>> items =
        List.of(
            List.of("Snapshot", p.snapshotId()),
            List.of("Snapshot created", FigureText.time(p.snapshotCreatedAt())),
            List.of("Reference data", p.referenceVersion()),
            List.of("Status", p.status()),
            List.of("Generated", FigureText.time(p.generatedAt())),
            List.of(figures.phaseOf().outcomeHeading(), ColumnGuide.definition("turned_around")),
            List.of("Percent of target", ColumnGuide.definition("percent_of_target")),
            List.of("National rank", ColumnGuide.definition("national_rank")),
            List.of("Change (pts)", ColumnGuide.definition("change_in_percent_points")),
            List.of(
                "On track",
                "Not yet at target, but the straight-line projection of the authority's recent"
                    + " pace (docs/methodology.md) reaches the target by the end of the phase."),
            List.of(
                "Payments to date",
                "Everything paid in the phase up to and including the quarter: attachment fees and"
                    + " results payments, after each authority's cap. The caps summed are the most"
                    + " the phase's payments can come to."),
            List.of(
                "Movers",
                "The largest rises and falls in percentage of target since the previous quarter;"
                    + " authorities without a previous return are not movers."));
    layout.keepTogether(40 + layout.definitionListHeight(items, SMALL, 95));
    layout.heading("H2", "E. Provenance and definitions", 12);
    layout.definitionList(items, SMALL, 95);
  }
}
