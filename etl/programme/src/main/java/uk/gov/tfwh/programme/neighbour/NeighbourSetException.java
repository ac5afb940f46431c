package uk.gov.tfwh.programme.neighbour;

import java.util.List;

/** A neighbour file breaks the rules; every problem is listed, each with its file and line. */
public class NeighbourSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public NeighbourSetException(List<String> problems) {
    super(
        problems.size() + " problem(s) in the neighbour set:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
