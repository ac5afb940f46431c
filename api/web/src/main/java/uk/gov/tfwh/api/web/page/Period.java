package uk.gov.tfwh.api.web.page;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** A quarter of a phase that has figures, as the filters offer it. */
public record Period(int phase, LocalDate end, String label, String financialYear) {
  public Period {
    requireNonNull(end, "end");
    requireNonNull(label, "label");
    requireNonNull(financialYear, "financialYear");
  }
}
