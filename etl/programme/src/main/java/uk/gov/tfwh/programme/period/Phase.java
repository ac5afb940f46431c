package uk.gov.tfwh.programme.period;

import java.time.LocalDate;

/** The two phases of the programme, with the quarters in which a phase's returns may fall. */
public enum Phase {
  ONE(
      1,
      Quarter.endingOn(LocalDate.of(2012, 6, 30)),
      Quarter.endingOn(LocalDate.of(2015, 6, 30)),
      "Turned around",
      "families turned around"),
  // Early starters began phase 2 while phase 1 was still running.
  TWO(
      2,
      Quarter.endingOn(LocalDate.of(2014, 9, 30)),
      Quarter.endingOn(LocalDate.of(2020, 3, 31)),
      "Successful family outcomes",
      "successful family outcomes");

  private final int number;
  private final Quarter firstQuarter;
  private final Quarter lastQuarter;
  private final String outcomeHeading;
  private final String outcomeCount;

  Phase(
      int number,
      Quarter firstQuarter,
      Quarter lastQuarter,
      String outcomeHeading,
      String outcomeCount) {
    this.number = number;
    this.firstQuarter = firstQuarter;
    this.lastQuarter = lastQuarter;
    this.outcomeHeading = outcomeHeading;
    this.outcomeCount = outcomeCount;
  }

  /**
   * What the phase's result figure is called as a column heading: phase 1 turned families around;
   * phase 2 counts successful family outcomes, and is never said to "turn around" (methodology).
   */
  public String outcomeHeading() {
    return outcomeHeading;
  }

  /** The same in running text, after a number: "738 families turned around". */
  public String outcomeCount() {
    return outcomeCount;
  }

  public int number() {
    return number;
  }

  public Quarter firstQuarter() {
    return firstQuarter;
  }

  public Quarter lastQuarter() {
    return lastQuarter;
  }

  public boolean covers(Quarter quarter) {
    return !quarter.isBefore(firstQuarter) && !quarter.isAfter(lastQuarter);
  }

  public static Phase ofNumber(int number) {
    for (Phase phase : values()) {
      if (phase.number == number) {
        return phase;
      }
    }
    throw new IllegalArgumentException("phase must be 1 or 2, not " + number);
  }
}
