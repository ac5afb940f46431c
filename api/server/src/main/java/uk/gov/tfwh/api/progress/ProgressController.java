package uk.gov.tfwh.api.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

@RestController
class ProgressController {
  private final ProgressReports reports;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  ProgressController(ProgressReports reports, SnapshotReads reads, AccessPolicy access) {
    this.reports = reports;
    this.reads = reads;
    this.access = access;
  }

  /** The authority's quarterly series against its target, and a projection to the phase's end. */
  @Operation(
      summary =
          "An authority's quarterly series against its target, with a projection to the end of the phase")
  @GetMapping("/api/v1/authorities/{code}/progress")
  ResponseEntity<AuthorityProgress> progress(
      @Parameter(description = Authorities.CODE_DOC) @PathVariable String code,
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(
              description =
                  "Optional: the series as it stood at this quarter (2015Q1 or 2015-03-31): its"
                      + " quarters up to it and the projection from it. Default: the latest.")
          @RequestParam(required = false)
          String period,
      NativeWebRequest request,
      Viewer viewer) {
    String authority = Authorities.wellFormed("code", code);
    Phase checked = PeriodParameters.phase(phase);
    Quarter asAt =
        period == null ? checked.lastQuarter() : PeriodParameters.quarterIn(checked, period);
    return reads.respond(
        request,
        viewer,
        access.authorityFigures(viewer, authority),
        snapshot -> reports.progress(snapshot, authority, checked, asAt));
  }
}
