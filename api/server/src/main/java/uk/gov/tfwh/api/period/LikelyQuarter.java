package uk.gov.tfwh.api.period;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.period.QuarterWrittenLoosely;

/**
 * What a refused {@code period} most likely meant, said after the refusal: a quarter named another
 * way ({@code Q1 2015}, {@code 2015-Q1}), its last day written another way ({@code 2015-3-31},
 * {@code 31/03/2015}), or a day that is not a quarter's last. Never used to answer for a guess: the
 * caller is told the form to write.
 */
final class LikelyQuarter {
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
  private static final Pattern YEAR_LAST =
      Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");

  private LikelyQuarter() {}

  /** The hint for {@code period}, which {@link Quarter#parse} refused, as a bracket's clause. */
  static Optional<String> hint(String period) {
    String text = period.strip();
    Optional<Quarter> named = QuarterWrittenLoosely.read(text);
    if (named.isPresent()) {
      return Optional.of("written " + named.get().label());
    }
    Set<LocalDate> days = new LinkedHashSet<>();
    Matcher date = YEAR_FIRST.matcher(text);
    if (date.matches()) {
      day(date.group(1), date.group(2), date.group(3)).ifPresent(days::add);
    }
    date = YEAR_LAST.matcher(text);
    if (date.matches()) {
      // Day first as in the UK, or month first: a quarter's last day is one of them at most.
      day(date.group(3), date.group(2), date.group(1)).ifPresent(days::add);
      day(date.group(3), date.group(1), date.group(2)).ifPresent(days::add);
    }
    Optional<LocalDate> quarterEnd = days.stream().filter(Quarter::isQuarterEnd).findFirst();
    if (quarterEnd.isPresent()) {
      LocalDate end = quarterEnd.get();
      return Optional.of("written " + end + " it is " + Quarter.endingOn(end).label());
    }
    // One reading only (an ISO date is one): the quarter it falls in. Two are left unsaid.
    if (days.size() == 1) {
      LocalDate day = days.iterator().next();
      Quarter within = Quarter.containing(day);
      return Optional.of(
          day
              + " is not the last day of a quarter: it is in "
              + within.label()
              + ", which ends "
              + within.end());
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> day(String year, String month, String day) {
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
