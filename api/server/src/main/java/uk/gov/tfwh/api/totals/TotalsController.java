package uk.gov.tfwh.api.totals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import uk.gov.tfwh.api.access.AccessPolicy;
import uk.gov.tfwh.api.access.Viewer;
import uk.gov.tfwh.api.period.PeriodParameters;
import uk.gov.tfwh.api.problem.NotFoundException;
import uk.gov.tfwh.api.query.Arguments;
import uk.gov.tfwh.api.serving.SnapshotReads;
import uk.gov.tfwh.api.table.Table;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.WarehouseQueries;

@RestController
class TotalsController {
  private final WarehouseQueries queries;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  TotalsController(WarehouseQueries queries, SnapshotReads reads, AccessPolicy access) {
    this.queries = queries;
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
        request, viewer, access.figures(viewer), snapshot -> national(snapshot, checked, quarter));
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
        snapshot -> {
          national(snapshot, checked, quarter); // a quarter with no figures is a 404 here too
          return new RegionTotals(
              checked.number(),
              quarter.end(),
              quarter.label(),
              snapshot.id(),
              snapshot.release(),
              Table.from(
                  run(snapshot, Query.REGION_TOTALS, checked, quarter), RegionTotals.ROW.picks()));
        });
  }

  private NationalTotals national(PinnedSnapshot snapshot, Phase phase, Quarter quarter) {
    Table table =
        Table.from(
            run(snapshot, Query.NATIONAL_TOTALS, phase, quarter), NationalTotals.ROW.picks());
    Map<String, Object> row = table.rows().get(0);
    long reporting = (Long) row.get("authorities_reporting");
    if (reporting == 0) {
      throw new NotFoundException(
          "no authority has figures for phase " + phase.number() + ", " + quarter.label());
    }
    return new NationalTotals(
        phase.number(),
        quarter.end(),
        quarter.label(),
        snapshot.id(),
        snapshot.release(),
        reporting,
        (Long) row.get("authorities_total"),
        (Long) row.get("families_identified"),
        (Long) row.get("families_attached"),
        (Long) row.get("turned_around"),
        (Long) row.get("target"),
        (BigDecimal) row.get("percent_of_target"),
        table);
  }

  private QueryResult run(PinnedSnapshot snapshot, Query query, Phase phase, Quarter quarter) {
    return queries.run(
        snapshot, query, Arguments.of("phase", phase.number(), "period", quarter.end()));
  }
}
