package uk.gov.tfwh.api.dataquality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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
class DataQualityController {
  private final DataQualityReports reports;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  DataQualityController(DataQualityReports reports, SnapshotReads reads, AccessPolicy access) {
    this.reports = reports;
    this.reads = reads;
    this.access = access;
  }

  /**
   * Submission status per authority for a quarter (accepted, late, resubmitted, missing) with its
   * rejections and warnings. The phase may be left out unless the quarter is in both phases.
   */
  @Operation(
      summary =
          "Submission status per authority (accepted, late, resubmitted, missing), rejections and warnings")
  @GetMapping("/api/v1/data-quality")
  ResponseEntity<DataQuality> dataQuality(
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      @RequestParam(required = false) Integer phase,
      @RequestParam(required = false) String authority,
      NativeWebRequest request,
      Viewer viewer) {
    Phase checked = PeriodParameters.phaseOf(PeriodParameters.quarter(period), phase);
    Quarter quarter = PeriodParameters.quarterIn(checked, period);
    String requested = authority == null ? null : Authorities.wellFormed("authority", authority);
    String allowed = access.dataQualityAuthority(viewer, requested);
    return reads.respond(
        request,
        viewer,
        allowed == null ? access.figures(viewer) : access.authorityFigures(viewer, allowed),
        snapshot -> reports.report(snapshot, checked, quarter, allowed));
  }
}
