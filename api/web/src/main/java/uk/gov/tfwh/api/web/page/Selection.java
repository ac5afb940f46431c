package uk.gov.tfwh.api.web.page;

import java.time.LocalDate;
import uk.gov.tfwh.api.period.PeriodParameters;
import uk.gov.tfwh.api.problem.BadParameterException;
import uk.gov.tfwh.programme.period.PhaseWrittenLoosely;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * The phase and quarter a page shows, from its optional {@code phase} and {@code period} query
 * parameters: the latest quarter with figures (of the phase, when only the phase is given) unless
 * both say otherwise. A quarter with figures in another phase only (the filter form changed the
 * phase and kept the quarter) gives the phase's latest quarter, and the page says so; a quarter the
 * snapshot has no figures for at all is a bad request naming it.
 */
public final class Selection {
  private Selection() {}

  public static Period period(Choices choices, String phaseParam, String periodParam) {
    Integer phase = phase(phaseParam);
    if (periodParam != null && !periodParam.isBlank()) {
      LocalDate end = date(periodParam);
      if (phase == null) {
        return choices.periods().stream()
            .filter(p -> p.end().equals(end))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new BadPageRequest("period: there are no figures for " + end));
      }
      if (choices.periods().stream().noneMatch(p -> p.end().equals(end))) {
        throw new BadPageRequest("period: there are no figures for " + end);
      }
      return choices
          .find(phase, end)
          .or(() -> choices.latestOf(phase))
          .orElseThrow(() -> new BadPageRequest("phase: there are no figures for phase " + phase));
    }
    return (phase == null ? choices.latest() : choices.latestOf(phase))
        .orElseThrow(
            () ->
                new BadPageRequest(
                    phase == null
                        ? "there are no figures in this snapshot"
                        : "phase: there are no figures for phase " + phase));
  }

  public static Integer phase(String phaseParam) {
    if (phaseParam == null || phaseParam.isBlank()) {
      return null;
    }
    return switch (phaseParam.trim()) {
      case "1" -> 1;
      case "2" -> 2;
      default ->
          throw new BadPageRequest(
              "phase must be 1 or 2, not "
                  + Rule.quote(phaseParam)
                  + PhaseWrittenLoosely.read(phaseParam)
                      .map(phase -> " (write phase=" + phase.number() + ")")
                      .orElse(""));
    };
  }

  /**
   * A quarter as the API takes it, by the API's rule and with its hints: {@code 2015Q1} or its last
   * day {@code 2015-03-31}.
   */
  private static LocalDate date(String periodParam) {
    try {
      return PeriodParameters.quarter(periodParam).end();
    } catch (BadParameterException e) {
      throw new BadPageRequest(e.getMessage());
    }
  }
}
