package uk.gov.tfwh.api.timeseries;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.period.PeriodParameters;
import uk.gov.tfwh.api.serving.SnapshotReads;

@RestController
class TimeSeriesController {
  private final TimeSeriesReports reports;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  TimeSeriesController(TimeSeriesReports reports, SnapshotReads reads, AccessPolicy access) {
    this.reports = reports;
    this.reads = reads;
    this.access = access;
  }

  @Operation(
      summary =
          "Every authority's figures for every quarter, both phases (or one), in one tidy table;"
              + " its columns are described at /api/v1/time-series/metadata")
  @GetMapping("/api/v1/time-series")
  ResponseEntity<TimeSeries> series(
      @Parameter(description = "Only this phase (1 or 2); both when left out")
          @RequestParam(required = false)
          Integer phase,
      NativeWebRequest request,
      Viewer viewer) {
    var checked = phase == null ? null : PeriodParameters.phase(phase);
    return reads.respond(
        request, viewer, access.figures(viewer), snapshot -> reports.series(snapshot, checked));
  }

  @Operation(summary = "What each column of the time series holds: name, type and meaning")
  @GetMapping("/api/v1/time-series/metadata")
  ResponseEntity<TimeSeriesMetadata> metadata() {
    return ResponseEntity.ok(reports.metadata());
  }
}
