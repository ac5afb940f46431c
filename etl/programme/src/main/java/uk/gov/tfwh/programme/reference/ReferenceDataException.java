package uk.gov.tfwh.programme.reference;

import java.nio.file.Path;
import java.util.List;

/** A reference set that cannot be used, with every problem found (file, line and what is wrong). */
public final class ReferenceDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ReferenceDataException(Path directory, List<String> problems) {
    super(
        "reference set in "
            + directory
            + " has "
            + problems.size()
            + " problem(s):\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
