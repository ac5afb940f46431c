package uk.gov.tfwh.api.period;

import uk.gov.tfwh.api.problem.BadParameterException;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.returns.rules.Rule;

/** Reads the {@code phase} and {@code period} parameters, with errors that say what is allowed. */
public final class PeriodParameters {
  /** How the parameters are described in the OpenAPI document. */
  public static final String PHASE_DOC =
      "Programme phase: 1 (2012Q2 to 2015Q2) or 2 (2014Q3 to 2020Q1)";

  public static final String PERIOD_DOC =
      "A quarter within the phase, written 2015Q1 or as its last day 2015-03-31";

  private PeriodParameters() {}

  public static Phase phase(int number) {
    try {
      return Phase.ofNumber(number);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("phase", "phase must be 1 or 2, not " + number);
    }
  }

  /** A quarter written {@code 2013Q3} or as its last day {@code 2013-09-30}. */
  public static Quarter quarter(String period) {
    try {
      return Quarter.parse(period);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(
          "period",
          "period must be a quarter such as 2013Q3 or its last day such as 2013-09-30, not "
              + Rule.quote(period)
              + LikelyQuarter.hint(period).map(hint -> " (" + hint + ")").orElse(""));
    }
  }

  /** The quarter, which must fall within the phase: parsed and checked here, once. */
  public static Quarter quarterIn(Phase phase, String period) {
    Quarter quarter = quarter(period);
    if (!phase.covers(quarter)) {
      throw new BadParameterException(
          "period",
          quarter.label()
              + " is outside phase "
              + phase.number()
              + " ("
              + phase.firstQuarter().label()
              + " to "
              + phase.lastQuarter().label()
              + ")");
    }
    return quarter;
  }

  /**
   * The phase of a quarter when the caller did not say: the one phase covering it. The phases
   * overlap from 2014Q3 to 2015Q2, where the caller must say which.
   */
  public static Phase phaseOf(Quarter quarter, Integer phase) {
    if (phase != null) {
      return phase(phase);
    }
    Phase found = null;
    for (Phase candidate : Phase.values()) {
      if (candidate.covers(quarter)) {
        if (found != null) {
          throw new BadParameterException(
              "phase", quarter.label() + " is in both phases: add phase=1 or phase=2");
        }
        found = candidate;
      }
    }
    if (found == null) {
      throw new BadParameterException("period", quarter.label() + " is in neither phase");
    }
    return found;
  }
}
