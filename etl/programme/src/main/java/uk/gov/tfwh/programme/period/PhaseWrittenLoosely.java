package uk.gov.tfwh.programme.period;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phase named as people write it rather than by its number alone: {@code Phase 1}, {@code P2},
 * {@code phase two}. Read only to tell a sender or caller the number to write; never to accept the
 * value.
 */
public final class PhaseWrittenLoosely {
  private static final Pattern NAMED =
      Pattern.compile("(?:phase|p)?[\\s_-]*(1|2|one|two)", Pattern.CASE_INSENSITIVE);

  private PhaseWrittenLoosely() {}

  /** The phase {@code text} names in one of the loose forms, or as its number. */
  public static Optional<Phase> read(String text) {
    requireNonNull(text, "text");
    Matcher named = NAMED.matcher(text.strip());
    if (!named.matches()) {
      return Optional.empty();
    }
    String number = named.group(1).toLowerCase(Locale.ROOT);
    return Optional.of(Phase.ofNumber(number.equals("1") || number.equals("one") ? 1 : 2));
  }
}
