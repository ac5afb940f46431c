package uk.gov.tfwh.generator.sample;

import java.util.List;
import java.util.Map;
import uk.gov.tfwh.generator.fault.FaultRecord;

/**
 * What a generation wrote: the counts and national totals of {@code generation-manifest.json} and
 * the faults of {@code fault-manifest.json}.
 */
public record GenerationResult(
    Map<String, Object> counts,
    List<Map<String, Object>> nationalTotals,
    List<FaultRecord> faults) {
  public GenerationResult {
    counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    nationalTotals = List.copyOf(nationalTotals);
    faults = List.copyOf(faults);
  }
}
