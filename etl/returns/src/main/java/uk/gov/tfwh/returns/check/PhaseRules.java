package uk.gov.tfwh.returns.check;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.tfwh.programme.outcome.ByResult;
import uk.gov.tfwh.programme.outcome.ClaimResult;
import uk.gov.tfwh.programme.outcome.ProblemsAtEntry;
import uk.gov.tfwh.programme.outcome.TurnedAround;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * What differs between the phases in a TFQR-1 return: which result columns and claim results apply
 * and which problems at entry qualify a family.
 */
public final class PhaseRules {
  /** A family must have at least this many problems at entry to qualify. */
  public static final int MIN_PROBLEMS_AT_ENTRY = ProblemsAtEntry.AT_LEAST;

  // Made once: the readers ask for them on every claim row and the history on every return.
  private static final Map<Phase, Set<ClaimResult>> RESULTS = new EnumMap<>(Phase.class);
  private static final Map<Phase, List<String>> RESULT_COLUMNS = new EnumMap<>(Phase.class);
  private static final Map<Phase, Set<String>> PROBLEMS = new EnumMap<>(Phase.class);

  static {
    for (Phase phase : Phase.values()) {
      Set<ClaimResult> results = Collections.unmodifiableSet(EnumSet.copyOf(ClaimResult.of(phase)));
      RESULTS.put(phase, results);
      RESULT_COLUMNS.put(phase, results.stream().map(PhaseRules::column).toList());
      PROBLEMS.put(phase, Set.copyOf(ProblemsAtEntry.of(phase)));
    }
  }

  private PhaseRules() {}

  /** The results that can be claimed in a phase, in the results' declared order; unmodifiable. */
  public static Set<ClaimResult> results(Phase phase) {
    return RESULTS.get(phase);
  }

  /** The summary column holding the cumulative figure of a result. */
  public static String column(ClaimResult result) {
    return switch (result) {
      case CRIME_ASB_EDUCATION -> Template.RESULTS_CRIME_ASB_EDUCATION;
      case CONTINUOUS_EMPLOYMENT -> Template.RESULTS_CONTINUOUS_EMPLOYMENT;
      case PROGRESS_TO_WORK -> Template.RESULTS_PROGRESS_TO_WORK;
      case SUSTAINED_PROGRESS -> Template.RESULTS_SUSTAINED_PROGRESS;
    };
  }

  /** The result columns that must be filled in for a phase; the others must be empty. */
  public static List<String> resultColumns(Phase phase) {
    return RESULT_COLUMNS.get(phase);
  }

  /** The problems at entry recognised in a phase. */
  public static Set<String> problems(Phase phase) {
    return PROBLEMS.get(phase);
  }

  /**
   * Families turned around (phase 1) or successful family outcomes (phase 2) from a phase's result
   * figures, by the programme's one definition ({@link TurnedAround}).
   */
  public static long familyOutcomes(Phase phase, ByResult<Long> figures) {
    return TurnedAround.of(phase, figures);
  }

  /** {@link #familyOutcomes(Phase, ByResult)} of an accepted summary. */
  public static long familyOutcomes(ReturnSummary summary) {
    return familyOutcomes(summary.phase(), summary.results());
  }
}
