package uk.gov.tfwh.programme.neighbour;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One row of a statistical neighbour set: {@code neighbourCode} is {@code authorityCode}'s n-th
 * nearest.
 */
public record Neighbour(
    String authorityCode,
    String neighbourCode,
    int neighbourRank,
    String setVersion,
    LocalDate effectiveFrom) {
  public Neighbour {
    requireNonNull(authorityCode, "authorityCode");
    requireNonNull(neighbourCode, "neighbourCode");
    requireNonNull(setVersion, "setVersion");
    requireNonNull(effectiveFrom, "effectiveFrom");
  }
}
