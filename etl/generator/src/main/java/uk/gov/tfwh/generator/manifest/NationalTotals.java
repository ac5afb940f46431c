package uk.gov.tfwh.generator.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.tfwh.generator.plan.PlannedFigures;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * National totals of what the loader should accept: for each phase and quarter, the sum over
 * authorities of the figures of their current (latest valid) return. Broken returns and superseded
 * versions never count.
 */
public final class NationalTotals {
  private final Map<Phase, TreeMap<Quarter, long[]>> sums = new LinkedHashMap<>();

  private static final int AUTHORITIES = 0;
  private static final int IDENTIFIED = 1;
  private static final int ATTACHED = 2;
  private static final int CRIME = 3;
  private static final int EMPLOYMENT = 4;
  private static final int PROGRESS_TO_WORK = 5;
  private static final int SUSTAINED = 6;

  /** Adds one authority's current figures for a quarter. */
  public void add(Phase phase, PlannedFigures figures) {
    long[] sum =
        sums.computeIfAbsent(phase, p -> new TreeMap<>())
            .computeIfAbsent(figures.quarter(), q -> new long[7]);
    sum[AUTHORITIES]++;
    sum[IDENTIFIED] += figures.identified();
    sum[ATTACHED] += figures.attached();
    sum[CRIME] += figures.crimeAsbEducation();
    sum[EMPLOYMENT] += figures.continuousEmployment();
    sum[PROGRESS_TO_WORK] += figures.progressToWork();
    sum[SUSTAINED] += figures.sustainedProgress();
  }

  /** The totals as manifest rows, by phase then period_end. */
  public List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      TreeMap<Quarter, long[]> byQuarter = sums.get(phase);
      if (byQuarter == null) {
        continue;
      }
      for (Map.Entry<Quarter, long[]> entry : byQuarter.entrySet()) {
        long[] s = entry.getValue();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("phase", phase.number());
        row.put("period_end", entry.getKey().end().toString());
        row.put("authorities", s[AUTHORITIES]);
        row.put("families_identified", s[IDENTIFIED]);
        row.put("families_attached", s[ATTACHED]);
        if (phase == Phase.ONE) {
          row.put("results_crime_asb_education", s[CRIME]);
          row.put("results_continuous_employment", s[EMPLOYMENT]);
          row.put("results_progress_to_work", s[PROGRESS_TO_WORK]);
          row.put("families_turned_around", s[CRIME] + s[EMPLOYMENT]);
        } else {
          row.put("results_continuous_employment", s[EMPLOYMENT]);
          row.put("results_sustained_progress", s[SUSTAINED]);
          row.put("successful_family_outcomes", s[SUSTAINED] + s[EMPLOYMENT]);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
