package uk.gov.tfwh.api.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.authority.Authorities;
import uk.gov.tfwh.api.period.PeriodParameters;
import uk.gov.tfwh.api.problem.BadParameterException;
import uk.gov.tfwh.api.problem.MissingParameter;
import uk.gov.tfwh.api.problem.NotFoundException;
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.exports.ExportFile;
import uk.gov.tfwh.exports.ExportFormat;
import uk.gov.tfwh.exports.Exports;
import uk.gov.tfwh.exports.NoFiguresException;
import uk.gov.tfwh.exports.TableRequest;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.SnapshotSelector;

/**
 * Downloads made by api/exports ({@link Exports}): tables as CSV, XLSX or ODS and the ministerial
 * briefing as PDF, each read from the snapshot the viewer may see and named after it.
 */
@RestController
class ExportController {
  private final Exports exports;
  private final SnapshotReads reads;
  private final AccessPolicy access;
  private final Authorities authorities;

  ExportController(
      Exports exports, SnapshotReads reads, AccessPolicy access, Authorities authorities) {
    this.exports = exports;
    this.reads = reads;
    this.access = access;
    this.authorities = authorities;
  }

  /**
   * A table as a file: {@code league-table} and {@code regions} need phase and period; {@code
   * payments} needs phase (authority optional); {@code progress} needs phase and authority; {@code
   * time-series} takes an optional phase (both when left out). Format: csv, xlsx or ods.
   */
  @Operation(summary = "A table as a CSV, XLSX or ODS file")
  @GetMapping("/api/v1/exports/{table}.{format}")
  ResponseEntity<byte[]> table(
      @PathVariable String table,
      @PathVariable String format,
      @Parameter(
              description =
                  PeriodParameters.PHASE_DOC
                      + " Required, but for time-series, which covers both phases without it.")
          @RequestParam(required = false)
          Integer phase,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String authority,
      NativeWebRequest request,
      Viewer viewer) {
    ExportFormat exportFormat = format(format);
    String code = authority == null ? null : Authorities.wellFormed("authority", authority);
    String query = queryString(request);
    if (table.equals("time-series")) {
      noAuthority(code, table);
      if (period != null) {
        throw new BadParameterException("period", "time-series takes every quarter: no period");
      }
      TableRequest series =
          TableRequest.timeSeries(phase == null ? null : PeriodParameters.phase(phase));
      return file(
          request,
          viewer,
          access.figures(viewer),
          pinned -> exports.table(series, exportFormat, pinned.selector()));
    }
    if (phase == null) {
      throw MissingParameter.required("phase", query);
    }
    Phase checked = PeriodParameters.phase(phase);
    TableRequest tableRequest =
        switch (table) {
          case "league-table" ->
              TableRequest.leagueTable(
                  checked, quarter(checked, period, query), noAuthority(code, table));
          case "regions" ->
              TableRequest.regionTotals(
                  checked, quarter(checked, period, query), noAuthority(code, table));
          case "payments" -> TableRequest.payments(checked, code);
          case "progress" ->
              TableRequest.authorityProgress(
                  required("authority", code, "progress", query), checked);
          default ->
              throw new BadParameterException(
                  "table",
                  "no export '"
                      + table
                      + "': league-table, regions, payments, progress or time-series (or"
                      + " briefing.pdf)");
        };
    // Which snapshot follows from what the table covers, never from which parameters were sent:
    // only a table of one authority may come from its coordinator's pre-release snapshot.
    SnapshotSelector selector =
        tableRequest
            .singleAuthority()
            .map(one -> access.authorityFigures(viewer, one))
            .orElseGet(() -> access.figures(viewer));
    return file(
        request,
        viewer,
        selector,
        pinned -> {
          // A table of an authority the snapshot does not know (unknown, or a former code) is
          // empty, not absent: without this it was a 200 with the headings alone, cached as
          // public. The JSON resources' own check, against the same snapshot as the file.
          if (code != null) {
            authorities.require(pinned, code);
          }
          return exports.table(tableRequest, exportFormat, pinned.selector());
        });
  }

  /** The ministerial briefing for a phase and quarter, as an A4 PDF. */
  @Operation(summary = "The ministerial briefing for a phase and quarter, as a PDF")
  @GetMapping("/api/v1/exports/briefing.pdf")
  ResponseEntity<byte[]> briefing(
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      NativeWebRequest request,
      Viewer viewer) {
    Phase checked = PeriodParameters.phase(phase);
    Quarter quarter = PeriodParameters.quarterIn(checked, period);
    return file(
        request,
        viewer,
        access.figures(viewer),
        pinned -> exports.briefingPdf(checked, quarter, pinned.selector()));
  }

  /**
   * One authority's two-page profile (PDF) for a phase and quarter: its own figures from the
   * snapshot the viewer may see of that authority (a coordinator's own pre-release figures), the
   * benchmarks against other authorities from the snapshot the viewer may see of every authority
   * (as the dashboard compares them), and data quality and return versions only for the national
   * team and the authority's coordinator.
   */
  @Operation(summary = "One authority's profile for a phase and quarter, as a two-page PDF")
  @GetMapping("/api/v1/exports/authority-profile.pdf")
  ResponseEntity<byte[]> authorityProfile(
      @Parameter(description = "The authority's GSS code, such as E10000016.") @RequestParam
          String code,
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      NativeWebRequest request,
      Viewer viewer) {
    String authority = Authorities.wellFormed("code", code);
    Phase checked = PeriodParameters.phase(phase);
    Quarter quarter = PeriodParameters.quarterIn(checked, period);
    boolean detail = access.seesReturnDetail(viewer, authority);
    // Resolved once, before the validator is made: the file and its ETag name the same snapshot.
    PinnedSnapshot benchmarks = reads.resolve(access.figures(viewer));
    return file(
        request,
        viewer,
        access.authorityFigures(viewer, authority),
        List.of(benchmarks),
        pinned ->
            exports.authorityProfilePdf(
                authority, checked, quarter, pinned.selector(), benchmarks.selector(), detail));
  }

  /**
   * The briefing's figures on one sheet (XLSX, ODS or CSV), for officials who re-use the numbers:
   * the same readers as the briefing PDF.
   */
  @Operation(summary = "The briefing's figures as a one-page summary table (CSV, XLSX or ODS)")
  @GetMapping("/api/v1/exports/briefing-summary.{format}")
  ResponseEntity<byte[]> briefingSummary(
      @PathVariable String format,
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      NativeWebRequest request,
      Viewer viewer) {
    ExportFormat exportFormat = format(format);
    Phase checked = PeriodParameters.phase(phase);
    TableRequest summary =
        TableRequest.briefingSummary(checked, PeriodParameters.quarterIn(checked, period));
    return file(
        request,
        viewer,
        access.figures(viewer),
        pinned -> exports.table(summary, exportFormat, pinned.selector()));
  }

  /**
   * Serves an export read from the one snapshot {@code selector} resolves to now: the export is
   * handed that snapshot (by id), so a publish between the two cannot give a file of one snapshot
   * under the ETag and {@code X-Tfwh-Snapshot} of another.
   */
  private ResponseEntity<byte[]> file(
      NativeWebRequest request,
      Viewer viewer,
      SnapshotSelector selector,
      Function<PinnedSnapshot, ExportFile> export) {
    return file(request, viewer, selector, List.of(), export);
  }

  private ResponseEntity<byte[]> file(
      NativeWebRequest request,
      Viewer viewer,
      SnapshotSelector selector,
      List<PinnedSnapshot> alsoReads,
      Function<PinnedSnapshot, ExportFile> export) {
    ResponseEntity<ExportFile> response =
        reads.respond(
            request,
            viewer,
            selector,
            alsoReads,
            snapshot -> {
              try {
                return export.apply(snapshot);
              } catch (NoFiguresException e) {
                throw new NotFoundException(e.getMessage());
              }
            });
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(response.getHeaders());
    ExportFile file = response.getBody();
    if (file == null) {
      return new ResponseEntity<>(headers, response.getStatusCode());
    }
    headers.setContentType(MediaType.parseMediaType(file.mediaType()));
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(file.fileName()).build());
    return new ResponseEntity<>(file.content(), headers, response.getStatusCode());
  }

  /** The tables of every authority take no authority: asking for one is a mistake to report. */
  private static String noAuthority(String code, String table) {
    if (code != null) {
      throw new BadParameterException(
          "authority", table + " covers every authority and takes no authority parameter");
    }
    return null;
  }

  private static Quarter quarter(Phase phase, String period, String query) {
    return PeriodParameters.quarterIn(phase, required("period", period, "this export", query));
  }

  private static String required(String parameter, String value, String what, String query) {
    if (value == null) {
      throw MissingParameter.refusal(parameter, what + " needs the parameter " + parameter, query);
    }
    return value;
  }

  private static String queryString(NativeWebRequest request) {
    HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
    return servlet == null ? null : servlet.getQueryString();
  }

  private static ExportFormat format(String format) {
    try {
      return ExportFormat.of(format);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("format", e.getMessage());
    }
  }
}
