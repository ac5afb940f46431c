package uk.gov.tfwh.exports.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import uk.gov.tfwh.exports.pdf.TaggedLayout.Column;
import uk.gov.tfwh.exports.profile.AuthorityProfile;
import uk.gov.tfwh.exports.profile.AuthorityProfile.Benchmark;
import uk.gov.tfwh.exports.profile.AuthorityProfile.Finding;
import uk.gov.tfwh.exports.profile.AuthorityProfile.Payments;
import uk.gov.tfwh.exports.profile.AuthorityProfile.Quality;
import uk.gov.tfwh.exports.profile.AuthorityProfile.QuarterLine;
import uk.gov.tfwh.exports.profile.AuthorityProfile.ReturnVersion;
import uk.gov.tfwh.exports.source.Provenance;
import uk.gov.tfwh.exports.table.ColumnGuide;
import uk.gov.tfwh.exports.text.FigureText;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.projection.ProjectedFigure;
import uk.gov.tfwh.programme.projection.Projection;
import uk.gov.tfwh.warehouse.query.benchmark.BenchmarkSummary;

/**
 * Writes one authority's profile as a two-page A4 PDF, like LG Inform's area reports. Page 1: the
 * headline figures, progress against target over the phase with the projection (chart, then the
 * same figures as a table). Page 2: benchmarks against the comparison groups, payments against the
 * cap, the quarter's data-quality findings and return versions (for those who may see them), and
 * the source. The same document as the briefing: tagged, fonts embedded, the protective marking on
 * every page while the snapshot is unpublished. Lists that could grow without bound (findings,
 * versions) are cut to a fixed number of rows, saying how many more there are, so the profile stays
 * two pages.
 */
public final class AuthorityProfilePdfWriter {
  /** Findings shown; the rest are counted (the data-quality page and API list them all). */
  static final int FINDINGS_SHOWN = 10;

  /** Return versions shown, the latest ones; the rest are counted. */
  static final int VERSIONS_SHOWN = 6;

  private static final float BODY = 9;
  private static final float SMALL = 7.5f;
  private static final float TABLE = 7;

  private AuthorityProfilePdfWriter() {}

  public static void write(AuthorityProfile profile, OutputStream out) {
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = PdfFonts.load(document);
      Provenance provenance = profile.provenance();
      String title = title(profile);
      describe(document, profile, title);
      TaggedLayout layout =
          new TaggedLayout(
              document,
              fonts,
              provenance.published() ? null : BriefingPdfWriter.PRE_RELEASE_MARKING,
              title + " · snapshot " + provenance.snapshotId());
      layout.heading("H1", PdfText.printable(fonts.bold(), title), 15);
      layout.paragraph(
          "Phase "
              + profile.phase().number()
              + ", quarter ending "
              + FigureText.date(profile.period())
              + " ("
              + profile.quarterLabel()
              + ") · "
              + profile.code()
              + " · "
              + nonNull(profile.region())
              + " · "
              + typeName(profile.authorityType())
              + " · "
              + provenance.status(),
          BODY,
          true);
      if (!profile.hasFigures()) {
        noFigures(layout, profile);
      } else {
        headline(layout, profile);
        progress(layout, profile, fonts);
        layout.pageBreak();
        benchmarks(layout, profile);
        payments(layout, profile);
        quality(layout, profile);
        returns(layout, profile);
      }
      source(layout, profile);
      layout.finish();
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the authority profile PDF", e);
    }
  }

  static String title(AuthorityProfile profile) {
    return profile.name()
        + ": authority profile, phase "
        + profile.phase().number()
        + ", "
        + profile.quarterLabel();
  }

  private static void describe(PDDocument document, AuthorityProfile profile, String title) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor("Troubled Families national reporting warehouse (tfwh)");
    info.setSubject(
        "Authority profile of "
            + profile.code()
            + ", quarter ending "
            + FigureText.date(profile.period())
            + "; "
            + profile.provenance().status()
            + "; snapshot "
            + profile.provenance().snapshotId());
    info.setKeywords(
        profile.provenance().published() ? "published" : BriefingPdfWriter.PRE_RELEASE_MARKING);
    info.setCreator("tfwh exports");
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    created.setTimeInMillis(profile.provenance().generatedAt().toEpochMilli());
    info.setCreationDate(created);
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    catalog.setLanguage(BriefingPdfWriter.LANGUAGE);
    PDMarkInfo markInfo = new PDMarkInfo();
    markInfo.setMarked(true);
    catalog.setMarkInfo(markInfo);
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    catalog.setViewerPreferences(preferences);
  }

  private static void noFigures(TaggedLayout layout, AuthorityProfile profile) throws IOException {
    layout.heading("H2", "No figures for this quarter", 12);
    layout.paragraph(
        profile.name()
            + " has no figures for phase "
            + profile.phase().number()
            + " in the quarter ending "
            + FigureText.date(profile.period())
            + ": no accepted return for the quarter is in this snapshot, so there is nothing to"
            + " show or compare. "
            + (profile.series().isEmpty()
                ? "It has reported nothing in the phase up to this quarter."
                : "Its latest figures are for "
                    + profile.series().get(profile.series().size() - 1).quarterLabel()
                    + "; choose that quarter for its profile."),
        10,
        false);
  }

  private static void headline(TaggedLayout layout, AuthorityProfile profile) throws IOException {
    QuarterLine q = profile.latest();
    String outcome = profile.phase().outcomeHeading();
    layout.heading("H2", "Headline figures", 12);
    Integer groupSize =
        profile.benchmarks().stream()
            .filter(b -> b.group().equals("england"))
            .map(b -> b.summary().groupSize())
            .findFirst()
            .orElse(null);
    List<List<String>> items = new ArrayList<>();
    items.add(List.of(outcome, FigureText.count(q.turnedAround()) + " (cumulative in the phase)"));
    items.add(
        List.of(
            "Target",
            FigureText.count(q.target() == null ? null : q.target().longValue())
                + (profile.targetBasis() == null ? "" : " (" + profile.targetBasis() + ")")));
    items.add(List.of("Percent of target", FigureText.percent(q.percentOfTarget())));
    items.add(
        List.of(
            "National rank",
            (q.nationalRank() == null ? FigureText.NONE : q.nationalRank().toString())
                + (groupSize == null ? "" : " of " + groupSize + " authorities reporting")
                + (q.quartile() == null ? "" : ", quartile " + q.quartile())));
    items.add(
        List.of(
            "Change since last quarter",
            q.changeInTurnedAround() == null
                ? "None to show (no return for the previous quarter)."
                : FigureText.signedCount(q.changeInTurnedAround())
                    + " ("
                    + FigureText.points(q.changeInPercentPoints())
                    + ")"));
    Projection p = profile.projection();
    if (p != null) {
      items.add(
          List.of(
              "Projection",
              FigureText.count(p.projectedTurnedAround())
                  + " by "
                  + p.phase().lastQuarter().label()
                  + " ("
                  + FigureText.percent(p.projectedPercentOfTarget())
                  + " of target) at the pace of about "
                  // Whole families, as the dashboard says it: a pace of 441.75 families reads
                  // oddly.
                  + FigureText.count(
                      p.averageQuarterlyIncrease()
                          .setScale(0, java.math.RoundingMode.HALF_UP)
                          .longValueExact())
                  + " a quarter since "
                  + p.baseQuarter().label()
                  + ": the recent trend carried on, not a forecast."));
    }
    layout.definitionList(items, BODY, 150);
  }

  private static void progress(TaggedLayout layout, AuthorityProfile profile, PdfFonts fonts)
      throws IOException {
    String outcome = profile.phase().outcomeHeading();
    layout.heading("H2", "Progress against target", 12);
    List<ProgressChart.Point> reported = new ArrayList<>();
    StringBuilder alt =
        new StringBuilder("Line chart of " + outcome.toLowerCase(Locale.UK) + " by quarter: ");
    for (QuarterLine line : profile.series()) {
      reported.add(new ProgressChart.Point(Quarter.endingOn(line.period()), line.turnedAround()));
      alt.append(line.quarterLabel())
          .append(' ')
          .append(FigureText.count(line.turnedAround()))
          .append("; ");
    }
    List<ProgressChart.Point> projected = new ArrayList<>();
    Projection projection = profile.projection();
    if (projection != null) {
      for (ProjectedFigure f : projection.path()) {
        projected.add(new ProgressChart.Point(f.quarter(), f.turnedAround()));
      }
      alt.append("projected ")
          .append(FigureText.count(projection.projectedTurnedAround()))
          .append(" by ")
          .append(profile.phase().lastQuarter().label())
          .append("; ");
    }
    alt.append("target ")
        .append(FigureText.count(profile.target() == null ? null : profile.target().longValue()))
        .append('.');
    layout.figure(
        alt.toString(),
        185,
        new ProgressChart(
            profile.phase(),
            reported,
            projected,
            profile.target(),
            outcome + " (cumulative)",
            fonts));

    List<Column> columns =
        List.of(
            new Column("Quarter", 52, false),
            new Column("Quarter ending", 90, false),
            new Column(outcome, 112, true),
            new Column("% of target", 62, true),
            new Column("National rank", 66, true),
            new Column("Change", 58, true),
            new Column("Change (pts)", 71, false));
    List<List<String>> rows = new ArrayList<>();
    for (QuarterLine line : profile.series()) {
      rows.add(
          List.of(
              line.quarterLabel(),
              FigureText.date(line.period()),
              FigureText.count(line.turnedAround()),
              FigureText.percent(line.percentOfTarget()),
              line.nationalRank() == null ? FigureText.NONE : line.nationalRank().toString(),
              FigureText.signedCount(line.changeInTurnedAround()),
              "  " + FigureText.points(line.changeInPercentPoints())));
    }
    if (projection != null) {
      for (ProjectedFigure f : projection.path()) {
        rows.add(
            List.of(
                f.quarter().label(),
                FigureText.date(f.quarter().end()),
                FigureText.count(f.turnedAround()) + " (projected)",
                FigureText.NONE,
                FigureText.NONE,
                FigureText.NONE,
                "  projection"));
      }
    }
    layout.table(columns, rows, TABLE);
  }

  private static void benchmarks(TaggedLayout layout, AuthorityProfile profile) throws IOException {
    layout.heading("H2", "Benchmarks: percent of target against comparison groups", 12);
    layout.paragraph(
        "Each group holds the authorities that reported in the quarter, "
            + profile.name()
            + " among them. Rank 1 is the highest percent of target in the group. Quartiles and"
            + " median are of the group's percent of target"
            + (profile.benchmarkSnapshotId().equals(profile.provenance().snapshotId())
                ? "."
                : "; other authorities' figures are their published ones."),
        SMALL,
        false);
    List<Column> columns =
        List.of(
            new Column("Group", 130, false),
            new Column("Rank in group", 75, true),
            new Column("% of target", 62, true),
            new Column("Lower quartile", 72, true),
            new Column("Median", 62, true),
            new Column("Upper quartile", 110, true));
    List<List<String>> rows = new ArrayList<>();
    for (Benchmark b : profile.benchmarks()) {
      BenchmarkSummary s = b.summary();
      rows.add(
          List.of(
              b.label(),
              s.groupRank() + " of " + s.groupSize(),
              FigureText.percent(s.percentOfTarget()),
              FigureText.percent(s.lowerQuartile()),
              FigureText.percent(s.median()),
              FigureText.percent(s.upperQuartile())));
    }
    layout.table(columns, rows, SMALL);
    if (!profile.neighbours().isEmpty()) {
      neighbours(layout, profile);
    }
  }

  /** Every member of the neighbour group, so a reader sees who the authority is compared with. */
  private static void neighbours(TaggedLayout layout, AuthorityProfile profile) throws IOException {
    layout.heading("H3", "Statistical neighbours in the quarter", 10);
    List<List<String>> rows = new ArrayList<>();
    for (AuthorityProfile.Neighbour n : profile.neighbours()) {
      rows.add(
          List.of(
              Integer.toString(n.groupRank()),
              n.subject() ? n.name() + " (this authority)" : n.name(),
              FigureText.count(n.turnedAround()),
              n.target() == null ? FigureText.NONE : FigureText.count(n.target()),
              FigureText.percent(n.percentOfTarget())));
    }
    layout.table(
        List.of(
            new Column("Rank in group", 70, true),
            new Column("Authority", 181, false),
            new Column(profile.phase().outcomeHeading(), 120, true),
            new Column("Target", 70, true),
            new Column("% of target", 70, true)),
        rows,
        SMALL);
  }

  private static void payments(TaggedLayout layout, AuthorityProfile profile) throws IOException {
    layout.heading("H2", "Payments by results", 12);
    Payments p = profile.payments();
    if (p == null) {
      layout.paragraph(
          "Nothing has been paid in phase " + profile.phase().number() + " up to this quarter.",
          BODY,
          false);
      return;
    }
    List<List<String>> items = new ArrayList<>();
    items.add(
        List.of(
            "Paid to date",
            FigureText.money(p.toDate())
                + " in phase "
                + profile.phase().number()
                + " up to and including the quarter ending "
                + FigureText.date(p.latestPeriod())));
    items.add(List.of("Paid in the quarter", FigureText.money(p.paidInQuarter())));
    items.add(List.of("Cap for the phase", FigureText.money(p.cap())));
    items.add(
        List.of(
            "Left under the cap",
            FigureText.money(p.remaining())
                + (p.capReached() ? " (the cap has been reached)" : "")));
    layout.definitionList(items, BODY, 150);
  }

  private static void quality(TaggedLayout layout, AuthorityProfile profile) throws IOException {
    layout.heading("H2", "Data quality in the quarter", 12);
    if (!profile.restrictedShown()) {
      layout.paragraph(
          "Data-quality findings and return versions are shown to the national team and the"
              + " authority's own coordinator only.",
          BODY,
          false);
      return;
    }
    Quality q = profile.quality();
    layout.paragraph(
        q == null
            ? "No submission status for the quarter."
            : "Status: "
                + q.status()
                + (q.late() ? " (late)" : "")
                + (q.resubmitted() ? " (resubmitted)" : "")
                + " · accepted versions "
                + q.versions()
                + " · rejections "
                + q.rejections()
                + " · warnings "
                + q.warnings()
                + " · notes "
                + q.notes(),
        BODY,
        false);
    List<Finding> findings = profile.findings();
    if (findings.isEmpty()) {
      layout.paragraph("No findings about the quarter's returns.", BODY, false);
      return;
    }
    List<Column> columns =
        List.of(
            new Column("Severity", 72, false),
            new Column("Rule", 50, false),
            new Column("Where", 120, false),
            new Column("Message", 269, false));
    List<List<String>> rows = new ArrayList<>();
    for (Finding f : findings.subList(0, Math.min(FINDINGS_SHOWN, findings.size()))) {
      rows.add(List.of(f.severity(), f.ruleId(), nonNull(f.where()), nonNull(f.message())));
    }
    layout.table(columns, rows, TABLE);
    if (findings.size() > FINDINGS_SHOWN) {
      layout.paragraph(
          "And "
              + (findings.size() - FINDINGS_SHOWN)
              + " more findings: the data-quality page and /api/v1/data-quality list every one.",
          SMALL,
          false);
    }
  }

  private static void returns(TaggedLayout layout, AuthorityProfile profile) throws IOException {
    if (!profile.restrictedShown()) {
      return;
    }
    layout.heading("H2", "Returns for the quarter", 12);
    List<ReturnVersion> versions = profile.returns();
    if (versions.isEmpty()) {
      layout.paragraph("No accepted return for the quarter.", BODY, false);
      return;
    }
    List<Column> columns =
        List.of(
            new Column("Version", 40, true),
            new Column("Submitted (UTC)", 80, false),
            new Column("By", 125, false),
            new Column(profile.phase().outcomeHeading(), 120, true),
            new Column("Stands", 36, false),
            new Column("Revision note", 110, false));
    int from = Math.max(0, versions.size() - VERSIONS_SHOWN);
    List<List<String>> rows = new ArrayList<>();
    for (int i = from; i < versions.size(); i++) {
      ReturnVersion v = versions.get(i);
      rows.add(
          List.of(
              Integer.toString(i + 1),
              v.submittedAt() == null
                  ? FigureText.NONE
                  : v.submittedAt().toString().substring(0, 16).replace('T', ' '),
              nonNull(v.submittedBy()),
              FigureText.count(v.turnedAround()),
              v.current() ? "yes" : "",
              nonNull(v.revisionNote())));
    }
    if (from > 0) {
      layout.paragraph(
          "The latest " + VERSIONS_SHOWN + " of " + versions.size() + " versions.", SMALL, false);
    }
    layout.table(columns, rows, TABLE);
  }

  private static void source(TaggedLayout layout, AuthorityProfile profile) throws IOException {
    Provenance p = profile.provenance();
    layout.heading("H2", "Source and definitions", 12);
    layout.definitionList(
        List.of(
            List.of(
                "Snapshot",
                p.snapshotId()
                    + " ("
                    + p.status().toLowerCase(Locale.UK)
                    + "), created "
                    + FigureText.time(p.snapshotCreatedAt())
                    + "; reference data "
                    + p.referenceVersion()),
            List.of("Generated", FigureText.time(p.generatedAt())),
            List.of(profile.phase().outcomeHeading(), ColumnGuide.definition("turned_around")),
            List.of("Percent of target", ColumnGuide.definition("percent_of_target")),
            List.of(
                "Projection",
                "A straight line from the latest figure at the pace of the last four reported"
                    + " quarters (docs/methodology.md); an extrapolation, not a forecast.")),
        SMALL,
        120);
  }

  private static String typeName(String type) {
    return type == null ? "" : type.replace('_', ' ');
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
