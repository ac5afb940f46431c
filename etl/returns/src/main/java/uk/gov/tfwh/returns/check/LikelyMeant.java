package uk.gov.tfwh.returns.check;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.gov.tfwh.programme.period.PhaseWrittenLoosely;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.period.QuarterWrittenLoosely;
import uk.gov.tfwh.returns.rules.OneSlip;
import uk.gov.tfwh.returns.rules.Rule;
import uk.gov.tfwh.returns.sheet.CellValue;

/**
 * What a refused value most likely meant, said after the refusal so that a sender can correct it at
 * once: a date written day first or with other separators, a spreadsheet's day number, a code in
 * other letters. Never used to accept a value: the contract's formats are exact, and a hint only
 * helps the sender meet them.
 */
final class LikelyMeant {
  private static final Pattern ISO_SHAPED = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final Pattern YEAR_FIRST =
      Pattern.compile("([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})");
  private static final Pattern DAY_FIRST =
      Pattern.compile("([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})");
  private static final Pattern DAY_MONTH_NAMED =
      Pattern.compile("([0-9]{1,2})[-/. ]+([A-Za-z]{3,9})[-/. ]+([0-9]{4})");
  private static final Pattern DAY_NUMBER = Pattern.compile("[0-9]{5}");

  /** A date with a two-digit year, as a spreadsheet shows one: 30/06/15, 30-Jun-15. */
  private static final Pattern DAY_FIRST_SHORT_YEAR =
      Pattern.compile("([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{2})");

  private static final Pattern DAY_MONTH_NAMED_SHORT_YEAR =
      Pattern.compile("([0-9]{1,2})[-/. ]+([A-Za-z]{3,9})[-/. ]+([0-9]{2})");

  /** A month of a year without its day: 2013-09, 09/2013, Sep 2013, September-2013, Sep-13. */
  private static final Pattern YEAR_THEN_MONTH = Pattern.compile("([0-9]{4})[-/.]([0-9]{1,2})");

  private static final Pattern MONTH_THEN_YEAR = Pattern.compile("([0-9]{1,2})[-/.]([0-9]{4})");

  private static final Pattern MONTH_NAMED_THEN_YEAR =
      Pattern.compile("([A-Za-z]{3,9})[-/. ]+([0-9]{4}|[0-9]{2})");

  /**
   * Two-digit years taken as 20YY only within the programme's years and a little around them, as
   * the day numbers are: outside them a hint would guess the century.
   */
  private static final int FIRST_SHORT_YEAR = 10;

  private static final int LAST_SHORT_YEAR = 29;

  /** A date followed by midnight, as a date cell is exported with its time: 00:00, 00:00:00.000. */
  private static final Pattern AT_MIDNIGHT =
      Pattern.compile("(.+?)(?:T| +)00:00(?::00(?:\\.0+)?)?");

  /** A date and a time of day without an offset, in any of the date forms above. */
  private static final Pattern LOCAL_DATE_TIME =
      Pattern.compile("(.+?)(?:T| +)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?");

  /** A date and time with an offset written another way: 2015-06-30 16:30:00+0100, ... BST. */
  private static final Pattern OFFSET_OTHERWISE =
      Pattern.compile(
          "([0-9]{4}-[0-9]{2}-[0-9]{2})(?:T|T? +)([0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)"
              + " *(Z|[+-][0-9]{2}:?[0-9]{2}|BST|GMT|UTC)",
          Pattern.CASE_INSENSITIVE);

  /** The programme's clocks: a time written without its offset is most likely UK time. */
  private static final ZoneId UK = ZoneId.of("Europe/London");

  /** As the contract's examples write a moment: seconds, and the offset as +01:00 (never Z). */
  private static final DateTimeFormatter WITH_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /** A count grouped in thousands as a spreadsheet formats it for reading. */
  private static final Pattern GROUPED_BY_COMMAS = Pattern.compile("[0-9]{1,3}(?:,[0-9]{3})+");

  private static final Pattern GROUPED_BY_SPACES = Pattern.compile("[0-9]{1,3}(?: [0-9]{3})+");

  /** A whole number with a fraction of zeros, as a number cell exported with decimals. */
  private static final Pattern ZERO_FRACTION = Pattern.compile("([0-9]+)\\.0+");

  private static final Pattern WORD_BREAKS = Pattern.compile("[\\s-]+");

  /** Between a code's words a sender also writes "&" or "/": "Crime & ASB", "crime/asb". */
  private static final Pattern CODE_WORD_BREAKS = Pattern.compile("[\\s/&-]+");

  /** A number as a spreadsheet writes it when it is long: 1.23457E+15. */
  private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](?:\\.[0-9]+)?[Ee]\\+?[0-9]+");

  /** Spreadsheets count days from 1899-12-30 (day 1 is 1900-01-01, after Lotus's leap year). */
  private static final LocalDate DAY_ZERO = LocalDate.of(1899, 12, 30);

  /** Day numbers of the programme's years and a little around them, 2010 to 2029. */
  private static final long FIRST_DAY_NUMBER = 40179;

  private static final long LAST_DAY_NUMBER = 47483;

  private LikelyMeant() {}

  /**
   * A hint for a cell that is not a date, in brackets with a leading space, or "" when nothing is
   * likely: an impossible day of the calendar, a date written day first or year first with other
   * separators, or a spreadsheet's day number (a date column saved as numbers).
   */
  static String date(CellValue cell) {
    if (cell instanceof CellValue.Numeric numeric) {
      return dayNumber(numeric.value());
    }
    if (!(cell instanceof CellValue.Text text)) {
      return "";
    }
    String value = text.value().strip();
    Matcher midnight = AT_MIDNIGHT.matcher(value);
    if (midnight.matches()) {
      // Only midnight: a date with another time of day is no clear date.
      return dateText(midnight.group(1).strip(), "written with a time")
          .map(Written::hint)
          .orElse("");
    }
    Matcher iso = ISO_SHAPED.matcher(value);
    if (iso.matches()) {
      return noSuchDay(iso.group(1), iso.group(2), iso.group(3));
    }
    Optional<Written> written = dateText(value, "");
    if (written.isPresent()) {
      return written.get().hint();
    }
    if (DAY_NUMBER.matcher(value).matches()) {
      return dayNumber(new BigDecimal(value));
    }
    return "";
  }

  /**
   * A hint for a submission time refused for having no offset (or another form): when it is a
   * spreadsheet's date-time, or a date and a time of day in one of the forms {@link #date} knows,
   * the same moment in UK time written as the contract asks, such as {@code
   * 2015-06-30T16:30:00+01:00}, as a clause for the refusal's brackets; empty otherwise, and for a
   * time that UK clocks skipped.
   */
  static Optional<String> timestamp(CellValue cell) {
    if (cell instanceof CellValue.DateTime dateTime) {
      return inUkTime(dateTime.value());
    }
    if (!(cell instanceof CellValue.Text text)) {
      return Optional.empty();
    }
    String value = text.value().strip();
    Optional<String> offsetOtherwise = offsetWrittenOtherwise(value);
    if (offsetOtherwise.isPresent()) {
      return offsetOtherwise;
    }
    Matcher local = LOCAL_DATE_TIME.matcher(value);
    if (!local.matches()) {
      return dateAlone(value);
    }
    Optional<LocalDate> date =
        ISO_SHAPED.matcher(local.group(1)).matches()
            ? parse(local.group(1))
            : dateText(local.group(1), "").map(Written::date);
    if (date.isEmpty()) {
      return Optional.empty();
    }
    try {
      return inUkTime(
          date.get()
              .atTime(
                  Integer.parseInt(local.group(2)),
                  Integer.parseInt(local.group(3)),
                  local.group(4) == null ? 0 : Integer.parseInt(local.group(4))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A moment with its offset, written another way than ISO 8601: a space for the T, an offset
   * without its colon (+0100), or the clock's name (BST, GMT, UTC), which says the offset itself.
   */
  private static Optional<String> offsetWrittenOtherwise(String value) {
    Matcher written = OFFSET_OTHERWISE.matcher(value);
    if (!written.matches()) {
      return Optional.empty();
    }
    String offset =
        switch (written.group(3).toUpperCase(Locale.ROOT)) {
          case "BST" -> "+01:00";
          case "GMT", "UTC" -> "+00:00";
          case "Z" -> "Z";
          default ->
              written.group(3).length() == 5
                  ? written.group(3).substring(0, 3) + ":" + written.group(3).substring(3)
                  : written.group(3);
        };
    String time = written.group(2).indexOf(':') == 1 ? "0" + written.group(2) : written.group(2);
    String iso = written.group(1) + "T" + time + offset;
    try {
      OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return Optional.empty(); // no such day or time: nothing to suggest
    }
    return iso.equals(value) ? Optional.empty() : Optional.of("as ISO 8601 it is written " + iso);
  }

  /** A date given for a moment: the day is known, the time of day is the sender's to say. */
  private static Optional<String> dateAlone(String value) {
    Optional<LocalDate> date =
        ISO_SHAPED.matcher(value).matches() ? parse(value) : dateText(value, "").map(Written::date);
    return date.flatMap(d -> ukMoment(d.atTime(16, 30)))
        .map(
            example ->
                "a date without its time of day: give the moment it was signed off, such as "
                    + example);
  }

  private static Optional<String> inUkTime(LocalDateTime at) {
    return ukMoment(at).map(moment -> "if that is UK time, write " + moment);
  }

  /**
   * The moment as the contract writes it, at the UK's offset of the day; none in a skipped hour.
   */
  private static Optional<String> ukMoment(LocalDateTime at) {
    LocalDateTime seconds = at.withNano(0);
    ZonedDateTime uk = seconds.atZone(UK);
    if (!uk.toLocalDateTime().equals(seconds)) {
      return Optional.empty(); // in the hour the clocks went forward: no such UK time
    }
    return Optional.of(uk.toOffsetDateTime().format(WITH_OFFSET));
  }

  /** A date as some other form writes it, and how it was written ("" for year first). */
  private record Written(LocalDate date, String how) {
    String hint() {
      return " (" + (how.isEmpty() ? "" : how + ": ") + "as YYYY-MM-DD it is " + date + ")";
    }
  }

  /**
   * The date {@code value} writes in a form other than YYYY-MM-DD (year first with other
   * separators, day first, with a month's name), or YYYY-MM-DD itself when {@code how} says why it
   * was refused; {@code how} leads the description.
   */
  private static Optional<Written> dateText(String value, String how) {
    if (ISO_SHAPED.matcher(value).matches()) {
      return how.isEmpty() ? Optional.empty() : parse(value).map(d -> new Written(d, how));
    }
    Matcher yearFirst = YEAR_FIRST.matcher(value);
    if (yearFirst.matches()) {
      return of(yearFirst.group(1), yearFirst.group(2), yearFirst.group(3))
          .map(d -> new Written(d, how));
    }
    Matcher dayFirst = DAY_FIRST.matcher(value);
    if (dayFirst.matches()) {
      return dayOrMonthFirst(dayFirst.group(1), dayFirst.group(2), dayFirst.group(3), "", how);
    }
    Matcher named = DAY_MONTH_NAMED.matcher(value);
    if (named.matches()) {
      return month(named.group(2))
          .flatMap(m -> of(named.group(3), Integer.toString(m), named.group(1)))
          .map(d -> new Written(d, how));
    }
    Matcher shortDayFirst = DAY_FIRST_SHORT_YEAR.matcher(value);
    if (shortDayFirst.matches()) {
      return fullYear(shortDayFirst.group(3))
          .flatMap(
              year ->
                  dayOrMonthFirst(
                      shortDayFirst.group(1),
                      shortDayFirst.group(2),
                      year,
                      " with a two-digit year",
                      how));
    }
    Matcher shortNamed = DAY_MONTH_NAMED_SHORT_YEAR.matcher(value);
    if (shortNamed.matches()) {
      return fullYear(shortNamed.group(3))
          .flatMap(
              year ->
                  month(shortNamed.group(2))
                      .flatMap(m -> of(year, Integer.toString(m), shortNamed.group(1))))
          .map(d -> new Written(d, joined(how, "with a two-digit year")));
    }
    return Optional.empty();
  }

  /**
   * A date written with the year last: day first as in the UK, or month first when no day-first
   * reading exists (06/30/2015 has no month 30), so that no reading is ever chosen between two.
   */
  private static Optional<Written> dayOrMonthFirst(
      String first, String second, String year, String yearNote, String how) {
    Optional<LocalDate> dayFirst = of(year, second, first);
    if (dayFirst.isPresent()) {
      return dayFirst.map(d -> new Written(d, joined(how, "day first" + yearNote)));
    }
    return of(year, first, second).map(d -> new Written(d, joined(how, "month first" + yearNote)));
  }

  /** How a date was written, after what else was said of it: "written day first". */
  private static String joined(String how, String more) {
    return how.isEmpty() ? "written " + more : how + ", " + more;
  }

  /** The year 20YY of a two-digit year within the programme's years. */
  private static Optional<String> fullYear(String twoDigits) {
    int year = Integer.parseInt(twoDigits);
    return year >= FIRST_SHORT_YEAR && year <= LAST_SHORT_YEAR
        ? Optional.of(Integer.toString(2000 + year))
        : Optional.empty();
  }

  /**
   * A hint for a {@code period_end} that is not a date, in brackets with a leading space, or "":
   * what {@link #date} says, else the last day to write for a quarter named as people write it
   * ({@code 2013Q3}, {@code Q3 2013}; calendar quarters, as the contract's file names use) or for a
   * month without its day ({@code Sep 2013}, {@code 2013-09}, a spreadsheet's {@code Sep-13}).
   */
  static String periodEnd(CellValue cell) {
    String hint = date(cell);
    if (!hint.isEmpty() || !(cell instanceof CellValue.Text text)) {
      return hint;
    }
    String value = text.value().strip();
    Optional<Quarter> named = QuarterWrittenLoosely.read(value);
    if (named.isPresent()) {
      Quarter quarter = named.get();
      return " (a quarter is written as its last day: "
          + quarter.label()
          + ", "
          + quarter.months()
          + ", ends "
          + quarter.end()
          + ")";
    }
    return monthOf(value)
        .map(
            month -> {
              Quarter quarter = Quarter.containing(month.atEndOfMonth());
              return " (a month, "
                  + month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK)
                  + " "
                  + month.getYear()
                  + ": the quarter that holds it, "
                  + quarter.months()
                  + ", ends "
                  + quarter.end()
                  + ")";
            })
        .orElse("");
  }

  /** The month of a year {@code value} names without a day, in one of the forms people write. */
  private static Optional<YearMonth> monthOf(String value) {
    Matcher yearFirst = YEAR_THEN_MONTH.matcher(value);
    if (yearFirst.matches()) {
      return yearMonth(yearFirst.group(1), Integer.parseInt(yearFirst.group(2)));
    }
    Matcher yearLast = MONTH_THEN_YEAR.matcher(value);
    if (yearLast.matches()) {
      return yearMonth(yearLast.group(2), Integer.parseInt(yearLast.group(1)));
    }
    Matcher named = MONTH_NAMED_THEN_YEAR.matcher(value);
    if (named.matches()) {
      Optional<String> year =
          named.group(2).length() == 2 ? fullYear(named.group(2)) : Optional.of(named.group(2));
      return year.flatMap(y -> month(named.group(1)).flatMap(m -> yearMonth(y, m)));
    }
    return Optional.empty();
  }

  private static Optional<YearMonth> yearMonth(String year, int month) {
    return month >= 1 && month <= 12
        ? Optional.of(YearMonth.of(Integer.parseInt(year), month))
        : Optional.empty();
  }

  /**
   * For a count refused as text: the whole number it was written as, when only its grouping (3,150;
   * 1 240) or a zero fraction (3150.0) was in the way. Nothing for a fraction, a sign or a word: a
   * count is never rounded or guessed.
   */
  static Optional<String> count(CellValue cell) {
    if (!(cell instanceof CellValue.Text text)) {
      return Optional.empty();
    }
    String value = text.value().strip();
    if (GROUPED_BY_COMMAS.matcher(value).matches()) {
      return Optional.of("without the thousands separators: " + value.replace(",", ""));
    }
    if (GROUPED_BY_SPACES.matcher(value).matches()) {
      return Optional.of("without the spaces: " + value.replace(" ", ""));
    }
    Matcher zeroFraction = ZERO_FRACTION.matcher(value);
    if (zeroFraction.matches()) {
      return Optional.of("as a whole number: " + zeroFraction.group(1));
    }
    return Optional.empty();
  }

  /**
   * For a refused text that holds characters nobody can see (a no-break space or a zero-width space
   * pasted from a web page or a document, a byte-order mark), which {@link Rule#quote} shows by
   * their codes: what they are, and the text without them.
   */
  static Optional<String> unseen(String text) {
    Set<Integer> unseen = new LinkedHashSet<>();
    StringBuilder seen = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Rule.unseen(c)) {
                unseen.add(c);
              } else {
                seen.appendCodePoint(c);
              }
            });
    if (unseen.isEmpty()) {
      return Optional.empty();
    }
    String rest = seen.toString().strip();
    return Optional.of(
        "it holds "
            + unseen.stream()
                .map(
                    c ->
                        Rule.codeOf(c) + " " + Optional.ofNullable(Character.getName(c)).orElse(""))
                .map(String::strip)
                .collect(Collectors.joining(" and "))
            + ", which cannot be seen"
            + (rest.isEmpty()
                ? ", and nothing else"
                : "; without " + (unseen.size() == 1 ? "it" : "them") + ": " + Rule.quote(rest)));
  }

  private static Optional<LocalDate> parse(String iso) {
    Matcher shaped = ISO_SHAPED.matcher(iso);
    return shaped.matches()
        ? of(shaped.group(1), shaped.group(2), shaped.group(3))
        : Optional.empty();
  }

  private static Optional<LocalDate> of(String year, String month, String day) {
    try {
      return Optional.of(
          LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The name a refused code was likely meant to be, when it is one of {@code names} written in
   * other letters or with spaces or hyphens for underscores ({@code sustained progress} for {@code
   * SUSTAINED_PROGRESS}).
   */
  static Optional<String> name(String text, Collection<String> names) {
    String spelled =
        CODE_WORD_BREAKS.matcher(text.strip()).replaceAll("_").toUpperCase(Locale.ROOT);
    return names.stream().filter(spelled::equals).findFirst();
  }

  /**
   * For a family_ref refused by its pattern: what is wrong with it. A spreadsheet's scientific
   * notation (the reference's digits are gone), its length, or the first character it may not hold.
   */
  static Optional<String> familyRef(String ref) {
    if (SCIENTIFIC.matcher(ref).matches()) {
      return Optional.of(
          "a number in a spreadsheet's scientific notation: the reference's digits were lost when"
              + " the file was saved from a spreadsheet; export the references again with the"
              + " column formatted as Text");
    }
    int length = ref.codePointCount(0, ref.length());
    if (length < 16 || length > 64) {
      return Optional.of("it has " + length + (length == 1 ? " character" : " characters"));
    }
    return ref
        .codePoints()
        .filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '-')))
        .findFirst()
        .stream()
        .mapToObj(
            c ->
                "it holds "
                    + (c == ' ' ? "a space" : Rule.quote(Character.toString(c)))
                    + ", which a reference may not")
        .findFirst();
  }

  /** For a phase that is not 1 or 2: the number to write, when the text names one of them. */
  static Optional<String> phase(CellValue cell) {
    return cell instanceof CellValue.Text text
        ? PhaseWrittenLoosely.read(text.value())
            .map(phase -> "write the number alone: " + phase.number())
        : Optional.empty();
  }

  /**
   * For a template that is not TFQR-1: the template's name as it is written, when the text is that
   * name in other letters or without its hyphen (tfqr1, TFQR 1, TFQR_1).
   */
  static Optional<String> template(CellValue cell) {
    if (!(cell instanceof CellValue.Text text)) {
      return Optional.empty();
    }
    String letters = text.value().strip().replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT);
    return letters.equals(Template.NAME.replace("-", ""))
        ? Optional.of("written " + Template.NAME + ", in capitals with its hyphen")
        : Optional.empty();
  }

  /**
   * A template column a header name was likely meant to be, and what to tell the sender (a clause
   * for brackets).
   */
  record LikelyColumn(String column, String hint) {}

  /**
   * For a header name not in the template: the one column the header lacks that it was likely meant
   * to be, written with spaces or hyphens for underscores ({@code Families Identified}) or one slip
   * of the keyboard from it ({@code familes_identified}).
   *
   * @param name the name as matched: stripped and in small letters
   * @param lacking the template's columns the header does not give
   */
  static Optional<LikelyColumn> column(String name, Collection<String> lacking) {
    String underscored = WORD_BREAKS.matcher(name).replaceAll("_");
    if (!underscored.equals(name) && lacking.contains(underscored)) {
      return Optional.of(
          new LikelyColumn(
              underscored, "name it " + underscored + ", with underscores between its words"));
    }
    return OneSlip.theOnly(lacking, column -> OneSlip.between(underscored, column))
        .map(column -> new LikelyColumn(column, "did you mean " + column + "?"));
  }

  /** The month an English name or its first three letters names (Sept too), 1 to 12. */
  private static Optional<Integer> month(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
      if (full.equals(lower)
          || full.startsWith(lower) && lower.length() >= 3 && lower.length() <= 4) {
        return Optional.of(month.getValue());
      }
    }
    return Optional.empty();
  }

  private static String noSuchDay(String year, String month, String day) {
    int y = Integer.parseInt(year);
    int m = Integer.parseInt(month);
    if (m < 1 || m > 12) {
      return " (there is no month " + m + ")";
    }
    YearMonth yearMonth = YearMonth.of(y, m);
    int d = Integer.parseInt(day);
    if (d >= 1 && d <= yearMonth.lengthOfMonth()) {
      return ""; // a day that exists: refused for another reason than its calendar
    }
    return " (no such day: "
        + yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.UK)
        + " "
        + y
        + " has "
        + yearMonth.lengthOfMonth()
        + " days)";
  }

  private static String dayNumber(BigDecimal number) {
    BigDecimal whole = number.stripTrailingZeros();
    if (whole.scale() > 0
        || whole.compareTo(BigDecimal.valueOf(FIRST_DAY_NUMBER)) < 0
        || whole.compareTo(BigDecimal.valueOf(LAST_DAY_NUMBER)) > 0) {
      return "";
    }
    LocalDate date = DAY_ZERO.plusDays(whole.longValueExact());
    return " (a spreadsheet's day number, which is "
        + date
        + ": format the column as dates, or type the date as YYYY-MM-DD)";
  }
}
