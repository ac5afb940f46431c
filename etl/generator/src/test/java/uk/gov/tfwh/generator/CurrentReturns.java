package uk.gov.tfwh.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.model.ReturnOutcome;

/**
 * The accepted returns of a landing grouped as the contract's resubmission rule sees them: per
 * authority and phase, per quarter, the versions in submitted_at order (the last is current).
 */
final class CurrentReturns {
  private final Map<String, TreeMap<Quarter, List<ReturnOutcome>>> series = new TreeMap<>();

  CurrentReturns(List<ReturnOutcome> outcomes) {
    for (ReturnOutcome outcome : outcomes) {
      outcome
          .summary()
          .ifPresent(
              s ->
                  series
                      .computeIfAbsent(
                          s.authorityCode() + "/" + s.phase().number(), k -> new TreeMap<>())
                      .computeIfAbsent(s.quarter(), q -> new ArrayList<>())
                      .add(outcome));
    }
    for (TreeMap<Quarter, List<ReturnOutcome>> byQuarter : series.values()) {
      for (List<ReturnOutcome> versions : byQuarter.values()) {
        versions.sort(
            Comparator.comparing(o -> o.summary().orElseThrow().submittedAt().toInstant()));
      }
    }
  }

  /** Authority/phase keys, such as {@code E08000025/2}. */
  Map<String, TreeMap<Quarter, List<ReturnOutcome>>> series() {
    return series;
  }

  static ReturnOutcome current(List<ReturnOutcome> versions) {
    return versions.get(versions.size() - 1);
  }

  /** National sums of the current returns: phase -> quarter -> [identified, attached, ...]. */
  Map<Phase, TreeMap<Quarter, long[]>> nationalTotals() {
    Map<Phase, TreeMap<Quarter, long[]>> totals = new HashMap<>();
    for (TreeMap<Quarter, List<ReturnOutcome>> byQuarter : series.values()) {
      for (List<ReturnOutcome> versions : byQuarter.values()) {
        var s = current(versions).summary().orElseThrow();
        long[] sum =
            totals
                .computeIfAbsent(s.phase(), p -> new TreeMap<>())
                .computeIfAbsent(s.quarter(), q -> new long[6]);
        sum[0] += s.familiesIdentified();
        sum[1] += s.familiesAttached();
        sum[2] += s.resultsCrimeAsbEducation() == null ? 0 : s.resultsCrimeAsbEducation();
        sum[3] += s.resultsContinuousEmployment();
        sum[4] += s.resultsProgressToWork() == null ? 0 : s.resultsProgressToWork();
        sum[5] += s.resultsSustainedProgress() == null ? 0 : s.resultsSustainedProgress();
      }
    }
    return totals;
  }
}
