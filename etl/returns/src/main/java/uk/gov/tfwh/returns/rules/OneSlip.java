package uk.gov.tfwh.returns.rules;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether one name is another with one slip of the keyboard: one letter added, left out or changed,
 * or two neighbours swapped. The one rule for "did you mean" in a return's column names, sheet
 * names and file stems and in the API's parameter names; and the rule that a hint never chooses
 * between two names alike ({@link #theOnly}).
 */
public final class OneSlip {
  private OneSlip() {}

  /** True when one slip makes {@code a} into {@code b}; a name is no slip of itself. */
  public static boolean between(String a, String b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
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

  /** The one name of {@code names} that is likely; none when none is, or two are alike. */
  public static Optional<String> theOnly(Collection<String> names, Predicate<String> likely) {
    List<String> found = names.stream().filter(likely).limit(2).toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }
}
