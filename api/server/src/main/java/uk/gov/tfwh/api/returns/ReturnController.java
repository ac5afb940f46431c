package uk.gov.tfwh.api.returns;

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
class ReturnController {
  private final ReturnHistories histories;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  ReturnController(ReturnHistories histories, SnapshotReads reads, AccessPolicy access) {
    this.histories = histories;
    this.reads = reads;
    this.access = access;
  }

  /** Every version of the authority's return for a quarter, as submitted and as revised. */
  @Operation(
      summary = "Every version of an authority's return for a quarter, as submitted and as revised")
  @GetMapping("/api/v1/authorities/{code}/returns")
  ResponseEntity<ReturnHistory> returns(
      @Parameter(description = Authorities.CODE_DOC) @PathVariable String code,
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      NativeWebRequest request,
      Viewer viewer) {
    String authority = Authorities.wellFormed("code", code);
    Phase checked = PeriodParameters.phase(phase);
    Quarter quarter = PeriodParameters.quarterIn(checked, period);
    return reads.respond(
        request,
        viewer,
        access.returns(viewer, authority),
        snapshot -> histories.history(snapshot, authority, checked, quarter));
  }
}
