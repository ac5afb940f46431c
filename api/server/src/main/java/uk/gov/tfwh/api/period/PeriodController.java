package uk.gov.tfwh.api.period;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.programme.period.Phase;

@RestController
class PeriodController {
  private final Periods periods;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  PeriodController(Periods periods, SnapshotReads reads, AccessPolicy access) {
    this.periods = periods;
    this.reads = reads;
    this.access = access;
  }

  /**
   * Every quarter of both phases (or one), with how many authorities have figures in it: of those
   * authorities whose figures the viewer may be told the quarters of ({@link
   * AccessPolicy#quartersOf}).
   */
  @Operation(summary = "The quarters of each phase and how many authorities reported in each")
  @GetMapping("/api/v1/periods")
  ResponseEntity<PeriodList> periods(
      @RequestParam(required = false) Integer phase, NativeWebRequest request, Viewer viewer) {
    Phase checked = phase == null ? null : PeriodParameters.phase(phase);
    return reads.respond(
        request,
        viewer,
        access.figures(viewer),
        snapshot -> periods.list(snapshot, checked, access.quartersOf(viewer, snapshot)));
  }
}
