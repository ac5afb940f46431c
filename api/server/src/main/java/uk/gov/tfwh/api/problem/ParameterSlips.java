package uk.gov.tfwh.api.problem;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import uk.gov.tfwh.returns.rules.OneSlip;

/**
 * A caller's slips with the query's parameters that a refusal should name: a parameter given more
 * than once ({@link SingleValuedParameters}), and a required one left out while a name like it was
 * given ({@code Phase}, {@code perod}).
 */
final class ParameterSlips {
  /** Longer names are never a slip of one of ours, and are not repeated back. */
  private static final int LONGEST_NAME = 40;

  private ParameterSlips() {}

  /** The refusal of a parameter given {@code times} times. */
  static String repeated(String name, int times) {
    return "the parameter " + name + " is given " + times + " times: give it once";
  }

  /** For a required parameter left out: the given name most like it, as a bracket's clause. */
  static Optional<String> likeTheMissing(String missing, Collection<String> given) {
    for (String name : given) {
      if (name.length() > LONGEST_NAME || name.equals(missing)) {
        continue;
      }
      if (name.toLowerCase(Locale.ROOT).equals(missing)) {
        return Optional.of(
            "the request has " + name + ": parameter names are written in small letters");
      }
      if (name.length() >= 4 && OneSlip.between(name.toLowerCase(Locale.ROOT), missing)) {
        return Optional.of("the request has " + name + ": did you mean " + missing + "?");
      }
    }
    return Optional.empty();
  }
}
