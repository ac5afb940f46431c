package uk.gov.tfwh.api.web.page;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/** A quarter of a phase that has figures, as the filters offer it. */
public record Period(int phase, LocalDate end, String label, String financialYear) {
  public Period {
    requireNonNull(end, "end");
    requireNonNull(label, "label");
    requireNonNull(financialYear, "financialYear");
  }

  /** The phase as the programme names it, for the services' queries. */
  public Phase programmePhase() {
    return Phase.ofNumber(phase);
  }

  /** The quarter, for the services' queries. */
  public Quarter quarter() {
    return Quarter.endingOn(end);
  }

  /** The heading of the phase's result figure ("Turned around", "Successful family outcomes"). */
  public String outcomeHeading() {
    return Phase.ofNumber(phase).outcomeHeading();
  }

  /** The phase's result figure in running text ("families turned around"). */
  public String outcomeCount() {
    return Phase.ofNumber(phase).outcomeCount();
  }
}
