package uk.gov.tfwh.programme.period;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter named as people write it rather than as the warehouse does: {@code Q3 2013}, {@code
 * 2013-Q3}, {@code 2013 q3}. Read only to tell a sender or caller the form to write ({@link
 * Quarter#label()}, or the quarter's last day where a date is asked for); never to accept the
 * value.
 *
 * <p>The quarters are calendar quarters, as everywhere in the programme: {@code 2013Q3} is July to
 * September 2013. A financial year's quarter ({@code 2013/14 Q3}) is not read: its quarter number
 * means other months, and a hint that guessed would mislead.
 */
public final class QuarterWrittenLoosely {
  private static final Pattern YEAR_THEN_QUARTER = Pattern.compile("(\\d{4})[\\s_/-]*[Qq]([1-4])");
  private static final Pattern QUARTER_THEN_YEAR = Pattern.compile("[Qq]([1-4])[\\s_/-]*(\\d{4})");

  private QuarterWrittenLoosely() {}

  /** The quarter {@code text} names in one of the loose forms, or its own label form. */
  public static Optional<Quarter> read(String text) {
    requireNonNull(text, "text");
    String stripped = text.strip();
    Matcher named = YEAR_THEN_QUARTER.matcher(stripped);
    if (named.matches()) {
      return Optional.of(quarter(named.group(1), named.group(2)));
    }
    named = QUARTER_THEN_YEAR.matcher(stripped);
    if (named.matches()) {
      return Optional.of(quarter(named.group(2), named.group(1)));
    }
    return Optional.empty();
  }

  private static Quarter quarter(String year, String quarterOfYear) {
    return Quarter.of(Integer.parseInt(year), Integer.parseInt(quarterOfYear));
  }
}
