package uk.gov.tfwh.returns.read;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.tfwh.returns.model.ReturnFileName;

/**
 * What a file that is no part of a return was most likely meant to be, said after the refusal: the
 * names that browsers, file managers and spreadsheets make of a return's files ({@code kent.summary
 * (1).csv}, {@code kent.summary - Copy.csv}, {@code kent.summary.csv.txt}, {@code kent_claims.csv},
 * {@code summary.csv}) and the workbooks saved in another format ({@code .xls}, {@code .ods}).
 * Never used to take a file as a return's part: the contract's names are exact, since a name is all
 * that pairs a summary with its claims, and a hint only helps the sender meet them.
 */
final class LikelyFileName {
  /**
   * What copies add before the extension: a browser's " (1)", Windows' " - Copy" and " - Copy (2)",
   * macOS's " copy", " copy 2" and " 2".
   */
  private static final Pattern COPY_MARK =
      Pattern.compile(
          "(?:\\s*\\(\\d{1,3}\\)|\\s+-\\s+copy(?:\\s*\\(\\d{1,3}\\))?|\\s+copy(?:\\s+\\d{1,3})?"
              + "|\\s+\\d{1,3})$",
          Pattern.CASE_INSENSITIVE);

  /** A part written with another separator or in another number: kent_summary, kent claim. */
  private static final Pattern PART_WORD =
      Pattern.compile(
          "^(.*?)[\\s_.\\-]*(summary|summaries|claims|claim)$", Pattern.CASE_INSENSITIVE);

  /** Extensions a system adds after the real one: kent.summary.csv.txt. */
  private static final Set<String> ADDED_EXTENSIONS = Set.of(".txt", ".csv", ".xlsx");

  /** Spreadsheet formats other than the one the contract reads. */
  private static final Set<String> OTHER_WORKBOOKS =
      Set.of(".xls", ".xlsm", ".xlsb", ".xltx", ".xltm", ".ods", ".numbers");

  /** Text that is not comma separated, or not named as CSV. */
  private static final Set<String> OTHER_TEXT = Set.of(".txt", ".tsv", ".tab");

  private static final String EXAMPLE_STEM = "E08000025-2015Q1-p1";

  private LikelyFileName() {}

  /**
   * The hint for {@code name}, a bare file name that {@link ReturnFileName} does not take, as a
   * clause to follow the refusal; empty when nothing about it says what it was meant to be.
   */
  static Optional<String> hint(String name) {
    return hint(name, other -> false);
  }

  /**
   * As {@link #hint(String)}, in a folder where {@code taken} says which names other files have: a
   * copy beside the file it copies is not told to take that file's name, which would replace it.
   */
  static Optional<String> hint(String name, Predicate<String> taken) {
    requireNonNull(taken, "taken");
    if (ReturnFileName.isPartOfReturn(name)) {
      return Optional.empty();
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String base = name.substring(0, dot);
    String extension = name.substring(dot).toLowerCase(Locale.ROOT);
    if (extension.equals(".zip")) {
      return Optional.of(
          "a zipped file is not opened: send the return's own files, taken out of it");
    }
    if (OTHER_WORKBOOKS.contains(extension)) {
      return Optional.of(
          "a return workbook is read only as an Excel Workbook: save it as .xlsx, named "
              + base
              + ".xlsx, and send that");
    }
    Optional<String> renamed = renamed(base, extension, taken);
    if (renamed.isPresent()) {
      return renamed;
    }
    if (OTHER_TEXT.contains(extension)) {
      return partOf(base)
          .map(
              meant ->
                  "if it is a return's "
                      + meant.part().key()
                      + ", save it as CSV UTF-8 (comma separated) named "
                      + meant.canonicalName());
    }
    if (extension.equals(".csv")) {
      String stem = COPY_MARK.matcher(base).replaceFirst("");
      stem = stem.isEmpty() ? EXAMPLE_STEM : stem;
      return Optional.of(
          "a CSV return is two files named after it: "
              + ReturnFileName.Part.SUMMARY.nameFor(stem)
              + " and "
              + ReturnFileName.Part.CLAIMS.nameFor(stem));
    }
    return Optional.empty();
  }

  /** The contract's name for a part whose name a copy, a system or a sender changed. */
  private static Optional<String> renamed(String base, String extension, Predicate<String> taken) {
    String uncopied = COPY_MARK.matcher(base).replaceFirst("");
    // kent.summary (1).csv, kent.summary.csv.txt, kent.summary.csv (1).csv
    for (String candidate :
        new String[] {uncopied + extension, ADDED_EXTENSIONS.contains(extension) ? uncopied : ""}) {
      Optional<ReturnFileName> meant = ReturnFileName.parse(candidate);
      if (meant.isPresent()
          && (meant.get().part() != ReturnFileName.Part.WORKBOOK || extension.equals(".xlsx"))) {
        return Optional.of(renameTo(meant.get(), taken));
      }
    }
    if (!extension.equals(".csv")) {
      return Optional.empty();
    }
    // kent_summary.csv, kent claims.csv, kent.claim.csv, summary.csv
    return partOf(uncopied).map(meant -> renameTo(meant, taken)).or(() -> onlyAPart(uncopied));
  }

  /** The part a base ending in its word names, with the stem before it. */
  private static Optional<ReturnFileName> partOf(String base) {
    Matcher matcher = PART_WORD.matcher(base);
    if (!matcher.matches() || matcher.group(1).isEmpty()) {
      return Optional.empty();
    }
    ReturnFileName.Part part =
        matcher.group(2).toLowerCase(Locale.ROOT).startsWith("summar")
            ? ReturnFileName.Part.SUMMARY
            : ReturnFileName.Part.CLAIMS;
    return Optional.of(new ReturnFileName(matcher.group(1), part));
  }

  /** summary.csv, claims.csv: the part without the stem that pairs them. */
  private static Optional<String> onlyAPart(String base) {
    Matcher matcher = PART_WORD.matcher(base);
    if (!matcher.matches() || !matcher.group(1).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "a return's files begin with a name of the sender's choosing, the same for its summary and"
            + " its claims, such as "
            + ReturnFileName.Part.SUMMARY.nameFor(EXAMPLE_STEM)
            + " and "
            + ReturnFileName.Part.CLAIMS.nameFor(EXAMPLE_STEM));
  }

  private static String renameTo(ReturnFileName meant, Predicate<String> taken) {
    String name = meant.canonicalName();
    if (taken.test(name)) {
      return "if it is a return's "
          + meant.part().key()
          + ", it needs a name of its own ending "
          + meant.part().suffix()
          + ": "
          + name
          + " is another file";
    }
    return "if it is a return's " + meant.part().key() + ", name it " + name;
  }
}
