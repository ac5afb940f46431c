package uk.gov.tfwh.returns.check;

import java.util.EnumSet;
import java.util.List;
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

  private PhaseRules() {}

  /** The results that can be claimed in a phase, in the contract's order. */
  public static Set<ClaimResult> results(Phase phase) {
    return EnumSet.copyOf(ClaimResult.of(phase));
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
    return results(phase).stream().map(PhaseRules::column).toList();
  }

  /** The problems at entry recognised in a phase. */
  public static Set<String> problems(Phase phase) {
    return Set.copyOf(ProblemsAtEntry.of(phase));
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
