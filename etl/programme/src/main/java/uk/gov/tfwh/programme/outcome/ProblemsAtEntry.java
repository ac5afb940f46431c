package uk.gov.tfwh.programme.outcome;

import java.util.List;
import uk.gov.tfwh.programme.period.Phase;

/**
 * The problems a family can have at entry, as a claim names them, by phase: phase 1's four criteria
 * and phase 2's six headline problems. A family qualifies with {@link #AT_LEAST} of them.
 */
public final class ProblemsAtEntry {
  /** A family must have at least this many problems at entry to qualify. */
  public static final int AT_LEAST = 2;

  private ProblemsAtEntry() {}

  /** The problems recognised in a phase, in the contract's order. */
  public static List<String> of(Phase phase) {
    return switch (phase) {
      case ONE -> List.of("CRIME_ASB", "EDUCATION", "WORK", "LOCAL_DISCRETION");
      case TWO ->
          List.of(
              "CRIME_ASB",
              "SCHOOL_ATTENDANCE",
              "CHILDREN_NEED_HELP",
              "WORKLESSNESS",
              "DOMESTIC_ABUSE",
              "HEALTH");
    };
  }
}
