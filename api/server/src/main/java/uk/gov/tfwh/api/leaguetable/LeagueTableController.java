package uk.gov.tfwh.api.leaguetable;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
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
class LeagueTableController {
  private final LeagueTables leagueTables;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  LeagueTableController(LeagueTables leagueTables, SnapshotReads reads, AccessPolicy access) {
    this.leagueTables = leagueTables;
    this.reads = reads;
    this.access = access;
  }

  /**
   * Every authority's turned-around figure against its target for a phase and quarter, ranked;
   * optionally one region (code or name) or authority type.
   */
  @Operation(
      summary = "League table: every authority's turned-around figure against its target, ranked")
  @GetMapping("/api/v1/league-table")
  ResponseEntity<LeagueTable> leagueTable(
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      @Parameter(description = "Only this region, by code (E12000005) or name (West Midlands)")
          @RequestParam(required = false)
          String region,
      @Parameter(
              description =
                  "Only this authority type: county, unitary, metropolitan_district or london_borough")
          @RequestParam(required = false)
          String type,
      NativeWebRequest request,
      Viewer viewer) {
    Phase checkedPhase = PeriodParameters.phase(phase);
    LocalDate end = PeriodParameters.quarterIn(checkedPhase, period).end();
    return reads.respond(
        request,
        viewer,
        access.figures(viewer),
        snapshot ->
            leagueTables.leagueTable(snapshot, checkedPhase, Quarter.endingOn(end), region, type));
  }
}
