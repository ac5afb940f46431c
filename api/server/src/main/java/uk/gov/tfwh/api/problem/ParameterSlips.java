package uk.gov.tfwh.api.problem;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

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
      if (name.length() >= 4 && oneEditApart(name.toLowerCase(Locale.ROOT), missing)) {
        return Optional.of("the request has " + name + ": did you mean " + missing + "?");
      }
    }
    return Optional.empty();
  }

  /** Whether one letter added, left out, changed or two swapped make {@code a} into {@code b}. */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int start = 0;
    while (start < Math.min(a.length(), b.length()) && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    if (a.length() != b.length()) {
      String longer = a.length() > b.length() ? a : b;
      String shorter = longer == a ? b : a;
      return longer.substring(start + 1).equals(shorter.substring(start));
    }
    if (a.substring(start + 1).equals(b.substring(start + 1))) {
      return true; // one letter changed
    }
    return start + 1 < a.length()
        && a.charAt(start) == b.charAt(start + 1)
        && a.charAt(start + 1) == b.charAt(start)
        && a.substring(start + 2).equals(b.substring(start + 2)); // two letters swapped
  }
}
