package uk.gov.tfwh.api.totals;

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
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

@RestController
class TotalsController {
  private final Totals totals;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  TotalsController(Totals totals, SnapshotReads reads, AccessPolicy access) {
    this.totals = totals;
    this.reads = reads;
    this.access = access;
  }

  /** England's totals of every summary figure against the sum of every authority's target. */
  @Operation(summary = "England's totals of every summary figure against the sum of every target")
  @GetMapping("/api/v1/national")
  ResponseEntity<NationalTotals> national(
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      NativeWebRequest request,
      Viewer viewer) {
    Phase checked = PeriodParameters.phase(phase);
    Quarter quarter = PeriodParameters.quarterIn(checked, period);
    return reads.respond(
        request,
        viewer,
        access.figures(viewer),
        snapshot -> totals.national(snapshot, checked, quarter));
  }

  /** Each region's totals, every region listed. */
  @Operation(summary = "Each region's totals of every summary figure against its targets")
  @GetMapping("/api/v1/regions")
  ResponseEntity<RegionTotals> regions(
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      NativeWebRequest request,
      Viewer viewer) {
    Phase checked = PeriodParameters.phase(phase);
    Quarter quarter = PeriodParameters.quarterIn(checked, period);
    return reads.respond(
        request,
        viewer,
        access.figures(viewer),
        snapshot -> totals.regionTotals(snapshot, checked, quarter));
  }
}
