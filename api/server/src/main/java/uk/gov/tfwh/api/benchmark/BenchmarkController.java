package uk.gov.tfwh.api.benchmark;

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
class BenchmarkController {
  private final Benchmarks benchmarks;
  private final SnapshotReads reads;
  private final AccessPolicy access;

  BenchmarkController(Benchmarks benchmarks, SnapshotReads reads, AccessPolicy access) {
    this.benchmarks = benchmarks;
    this.reads = reads;
    this.access = access;
  }

  /**
   * The authority against its statistical neighbours, region, authority type or all of England: its
   * percent of target, the group's median and quartiles, and its rank in the group.
   */
  @Operation(
      summary =
          "An authority against its neighbours, region, type or England: group median, quartiles and rank")
  @GetMapping("/api/v1/authorities/{code}/benchmark")
  ResponseEntity<Benchmark> benchmark(
      @Parameter(description = Authorities.CODE_DOC) @PathVariable String code,
      @Parameter(description = PeriodParameters.PHASE_DOC) @RequestParam int phase,
      @Parameter(description = PeriodParameters.PERIOD_DOC) @RequestParam String period,
      @Parameter(description = "neighbours (default), region, type or england")
          @RequestParam(defaultValue = "neighbours")
          String group,
      NativeWebRequest request,
      Viewer viewer) {
    String authority = Authorities.wellFormed("code", code);
    Phase checked = PeriodParameters.phase(phase);
    Quarter quarter = PeriodParameters.quarterIn(checked, period);
    ComparisonGroup comparison = ComparisonGroup.of(group);
    return reads.respond(
        request,
        viewer,
        access.figures(viewer),
        snapshot -> benchmarks.benchmark(snapshot, authority, checked, quarter, comparison));
  }
}
