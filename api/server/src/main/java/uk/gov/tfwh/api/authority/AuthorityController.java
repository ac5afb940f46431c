package uk.gov.tfwh.api.authority;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

@RestController
class AuthorityController {
  private final WarehouseQueries queries;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  AuthorityController(WarehouseQueries queries, SnapshotReads reads, AccessPolicy access) {
    this.queries = queries;
    this.reads = reads;
    this.access = access;
  }

  /** Every authority with its region, type, and both phases' targets and their basis. */
  @Operation(summary = "Authorities with region, type, and both phases' targets and their basis")
  @GetMapping("/api/v1/authorities")
  ResponseEntity<AuthorityList> authorities(NativeWebRequest request, Viewer viewer) {
    return reads.respond(
        request,
        viewer,
        access.figures(viewer),
        snapshot ->
            new AuthorityList(
                snapshot.id(),
                snapshot.release(),
                Table.from(
                    queries.run(snapshot, QueryArguments.of(Query.AUTHORITIES)),
                    AuthorityList.ROW.picks())));
  }
}
