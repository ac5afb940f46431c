package uk.gov.tfwh.exports;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.exports.briefing.BriefingFigures;
import uk.gov.tfwh.exports.briefing.BriefingFiguresReader;
import uk.gov.tfwh.exports.briefing.BriefingSummarySheet;
import uk.gov.tfwh.exports.format.CsvTableWriter;
import uk.gov.tfwh.exports.format.OdsWorkbookWriter;
import uk.gov.tfwh.exports.format.XlsxWorkbookWriter;
import uk.gov.tfwh.exports.pdf.AuthorityProfilePdfWriter;
import uk.gov.tfwh.exports.pdf.BriefingPdfWriter;
import uk.gov.tfwh.exports.profile.AuthorityProfile;
import uk.gov.tfwh.exports.profile.AuthorityProfileReader;
import uk.gov.tfwh.exports.source.Provenance;
import uk.gov.tfwh.exports.table.ExportTable;
import uk.gov.tfwh.exports.table.ExportWorkbook;
import uk.gov.tfwh.exports.table.QueryTables;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.AuthorityCode;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * The entry point for exports: table exports (CSV, XLSX, ODS) and the ministerial briefing PDF,
 * each read from one snapshot. Plain Java, safe for concurrent use (it holds no state of its own);
 * the API and {@code ./tfwh briefing} share it. Every method throws {@link
 * IllegalArgumentException} for a bad request (an argument named in the message) and {@link
 * uk.gov.tfwh.warehouse.query.SnapshotUnavailableException} when the snapshot does not exist.
 */
public final class Exports {
  private final WarehouseQueries queries;
  private final WarehouseReleases releases;
  private final Clock clock;

  public Exports(WarehouseQueries queries, WarehouseReleases releases, Clock clock) {
    this.queries = requireNonNull(queries, "queries");
    this.releases = requireNonNull(releases, "releases");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * A table as CSV (the table alone), XLSX or ODS (the table and a Notes sheet with the source and
   * definitions). The briefing summary is its own export ({@link TableKind#BRIEFING_SUMMARY}): it
   * costs a briefing's worth of queries, which a league table should not pay.
   */
  public ExportFile table(TableRequest request, ExportFormat format, SnapshotSelector snapshot) {
    requireNonNull(request, "request");
    requireNonNull(format, "format");
    Provenance provenance = pin(snapshot);
    ExportWorkbook workbook = workbook(request, provenance);
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    switch (format) {
      case CSV -> CsvTableWriter.write(workbook.main(), out);
      case XLSX -> XlsxWorkbookWriter.write(workbook, out);
      case ODS -> OdsWorkbookWriter.write(workbook, out);
    }
    return file(request.fileStem(), format.extension(), format.mediaType(), out, provenance);
  }

  /** The ministerial briefing for a phase and quarter, as an A4 PDF. */
  public ExportFile briefingPdf(Phase phase, Quarter quarter, SnapshotSelector snapshot) {
    Provenance provenance = pin(snapshot);
    BriefingFigures figures = BriefingFiguresReader.read(queries, provenance, phase, quarter);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    BriefingPdfWriter.write(figures, out);
    String stem = "briefing-phase" + phase.number() + "-" + quarter.label();
    return file(stem, "pdf", "application/pdf", out, provenance);
  }

  /**
   * One authority's two-page profile for a phase and quarter, every figure from one snapshot (data
   * quality and return versions included: for callers who may see them).
   *
   * @throws NoFiguresException when the snapshot has no such authority
   */
  public ExportFile authorityProfilePdf(
      String code, Phase phase, Quarter quarter, SnapshotSelector snapshot) {
    return authorityProfilePdf(code, phase, quarter, snapshot, snapshot, true);
  }

  /**
   * One authority's profile with the authority's own figures from {@code snapshot} and the
   * benchmarks (other authorities' figures) from {@code benchmarkSnapshot}, as the API serves a
   * coordinator its own pre-release figures beside everyone else's published ones; data quality and
   * return versions only when {@code restrictedShown}.
   */
  public ExportFile authorityProfilePdf(
      String code,
      Phase phase,
      Quarter quarter,
      SnapshotSelector snapshot,
      SnapshotSelector benchmarkSnapshot,
      boolean restrictedShown) {
    if (!AuthorityCode.isWellFormed(code)) {
      throw new IllegalArgumentException(AuthorityCode.malformed("code", code));
    }
    Provenance provenance = pin(snapshot);
    PinnedSnapshot benchmarks =
        benchmarkSnapshot.equals(snapshot)
            ? provenance.snapshot()
            : PinnedSnapshot.pin(releases, benchmarkSnapshot);
    AuthorityProfile profile =
        AuthorityProfileReader.single(
                queries, provenance, benchmarks, phase, quarter, restrictedShown)
            .read(code);
    return profilePdf(profile, provenance);
  }

  /**
   * Every authority's profile for a phase and quarter from one snapshot, handed to {@code each} as
   * it is made: the queries that cover every authority are read once and shared. One authority's
   * failure is handed on as that authority's outcome, and the others are still made.
   */
  public void authorityProfilePdfs(
      Phase phase, Quarter quarter, SnapshotSelector snapshot, ProfileSink each) {
    Provenance provenance = pin(snapshot);
    AuthorityProfileReader reader =
        AuthorityProfileReader.everyAuthority(queries, provenance, phase, quarter, true);
    Map<String, String> names = reader.authorityNames();
    int done = 0;
    for (Map.Entry<String, String> authority : names.entrySet()) {
      ExportFile file = null;
      RuntimeException failure = null;
      try {
        file = profilePdf(reader.read(authority.getKey()), provenance);
      } catch (RuntimeException e) {
        failure = e;
      }
      done++;
      each.accept(authority.getKey(), authority.getValue(), done, names.size(), file, failure);
    }
  }

  /** Receives each authority's profile (or its failure) of a bulk run, in name order. */
  @FunctionalInterface
  public interface ProfileSink {
    /**
     * @param file the profile, or null when it failed
     * @param failure why it failed, or null
     */
    void accept(
        String code, String name, int done, int total, ExportFile file, RuntimeException failure);
  }

  private static ExportFile profilePdf(AuthorityProfile profile, Provenance provenance) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    AuthorityProfilePdfWriter.write(profile, out);
    String stem =
        "authority-profile-"
            + profile.code()
            + "-phase"
            + profile.phase().number()
            + "-"
            + profile.quarterLabel();
    return file(stem, "pdf", "application/pdf", out, provenance);
  }

  /** The briefing's figures themselves (what the PDF and the summary sheet show). */
  public BriefingFigures briefingFigures(Phase phase, Quarter quarter, SnapshotSelector snapshot) {
    Provenance provenance = pin(snapshot);
    return BriefingFiguresReader.read(queries, provenance, phase, quarter);
  }

  private ExportWorkbook workbook(TableRequest request, Provenance provenance) {
    String quarter = request.quarter() == null ? "" : " " + request.quarter().label();
    String phase = request.phase() == null ? "both phases" : "phase " + request.phase().number();
    return switch (request.kind()) {
      case LEAGUE_TABLE ->
          queryTable(
              "League table",
              "League table, " + phase + quarter,
              QueryArguments.of(Query.LEAGUE_TABLE)
                  .phase(request.phase())
                  .quarter(request.quarter()),
              provenance);
      case REGION_TOTALS ->
          queryTable(
              "Regional totals",
              "Regional totals, " + phase + quarter,
              QueryArguments.of(Query.REGION_TOTALS)
                  .phase(request.phase())
                  .quarter(request.quarter()),
              provenance);
      case PAYMENTS ->
          queryTable(
              "Payments",
              "Payments, "
                  + phase
                  + (request.authority() == null ? "" : ", authority " + request.authority()),
              QueryArguments.of(Query.PAYMENTS)
                  .phase(request.phase())
                  .authority(request.authority()),
              provenance);
      case AUTHORITY_PROGRESS ->
          queryTable(
              "Progress " + request.authority(),
              "Progress of authority " + request.authority() + ", " + phase,
              QueryArguments.of(Query.AUTHORITY_PROGRESS)
                  .authority(request.authority())
                  .phase(request.phase()),
              provenance);
      case TIME_SERIES ->
          queryTable(
              "Time series",
              "Time series: every authority's figures for every quarter, " + phase,
              QueryArguments.of(Query.TIME_SERIES).phase(request.phase()),
              provenance);
      case BRIEFING_SUMMARY -> {
        BriefingFigures figures =
            BriefingFiguresReader.read(queries, provenance, request.phase(), request.quarter());
        yield new ExportWorkbook(
            "Briefing summary, " + phase + quarter,
            List.of(BriefingSummarySheet.of(figures)),
            provenance);
      }
    };
  }

  /** A workbook of one query's whole result, under its title. */
  private ExportWorkbook queryTable(
      String name, String title, QueryArguments arguments, Provenance provenance) {
    ExportTable table = QueryTables.of(name, title, queries.run(provenance.snapshot(), arguments));
    return new ExportWorkbook(title, List.of(table), provenance);
  }

  /**
   * Pins the snapshot a selector stands for now: every query of one export then reads it, and the
   * file names it.
   */
  private Provenance pin(SnapshotSelector snapshot) {
    return Provenance.of(PinnedSnapshot.pin(releases, snapshot), releases, clock);
  }

  private static ExportFile file(
      String stem,
      String extension,
      String mediaType,
      ByteArrayOutputStream out,
      Provenance provenance) {
    String status = provenance.published() ? "" : "-PRE-RELEASE";
    return new ExportFile(
        stem + "-" + provenance.snapshotId() + status + "." + extension,
        mediaType,
        out.toByteArray(),
        provenance.snapshotId(),
        provenance.published());
  }
}
