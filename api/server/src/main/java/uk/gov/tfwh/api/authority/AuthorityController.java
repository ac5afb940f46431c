package uk.gov.tfwh.api.authority;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.serving.SnapshotReads;

@RestController
class AuthorityController {
  private final Authorities authorities;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  AuthorityController(Authorities authorities, SnapshotReads reads, AccessPolicy access) {
    this.authorities = authorities;
    this.reads = reads;
    this.access = access;
  }

  /** Every authority with its region, type, and both phases' targets and their basis. */
  @Operation(summary = "Authorities with region, type, and both phases' targets and their basis")
  @GetMapping("/api/v1/authorities")
  ResponseEntity<AuthorityList> authorities(NativeWebRequest request, Viewer viewer) {
    return reads.respond(request, viewer, access.figures(viewer), authorities::list);
  }
}
