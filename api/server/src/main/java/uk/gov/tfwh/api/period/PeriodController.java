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
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

@RestController
class PeriodController {
  private final WarehouseQueries queries;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  PeriodController(WarehouseQueries queries, SnapshotReads reads, AccessPolicy access) {
    this.queries = queries;
    this.reads = reads;
    this.access = access;
  }

  /** Every quarter of both phases (or one), with how many authorities have figures in it. */
  @Operation(summary = "The quarters of each phase and how many authorities reported in each")
  @GetMapping("/api/v1/periods")
  ResponseEntity<PeriodList> periods(
      @RequestParam(required = false) Integer phase, NativeWebRequest request, Viewer viewer) {
    Phase checked = phase == null ? null : PeriodParameters.phase(phase);
    return reads.respond(
        request,
        viewer,
        access.figures(viewer),
        snapshot ->
            new PeriodList(
                snapshot.id(),
                snapshot.release(),
                Table.from(
                    queries.run(snapshot, QueryArguments.of(Query.PERIODS).phase(checked)),
                    PeriodList.ROW.picks())));
  }
}
