package uk.gov.tfwh.returns.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * A file name read as one part of a return (contract TFQR-1, "Files"): {@code <stem>.summary.csv},
 * {@code <stem>.claims.csv} or {@code <stem>.xlsx}. This is the one place that rule is written: the
 * landing folder, the reader and the submission service all ask here, so a name one of them takes
 * as a return's the others cannot refuse, or the other way round.
 *
 * <p>The suffix is compared without case, since authorities' systems save {@code .XLSX} as often as
 * {@code .xlsx}; the stem keeps its case, as the authority chose it. The stem must not be empty: a
 * name that is only a suffix ({@code .xlsx}) names no return (in a folder it is a hidden file).
 * Whether a summary has its claims, or the name is safe to reuse, is not a question of one name and
 * is answered elsewhere.
 *
 * @param stem what comes before the part's suffix, as it was written
 * @param part which part of a return the name is
 */
public record ReturnFileName(String stem, Part part) {

  /** The parts a return is made of, each with its suffix. */
  public enum Part {
    SUMMARY(".summary.csv", "summary", ReturnFormat.CSV),
    CLAIMS(".claims.csv", "claims", ReturnFormat.CSV),
    WORKBOOK(".xlsx", "workbook", ReturnFormat.XLSX);

    private final String suffix;
    private final String key;
    private final ReturnFormat format;

    Part(String suffix, String key, ReturnFormat format) {
      this.suffix = suffix;
      this.key = key;
      this.format = format;
    }

    /** The suffix as the contract writes it, in lower case. */
    public String suffix() {
      return suffix;
    }

    /**
     * The part's name in submission records ({@code summary}, {@code claims}, {@code workbook}):
     * kept in sidecars on disk, so it must not change with the enum's names.
     */
    public String key() {
      return key;
    }

    public ReturnFormat format() {
      return format;
    }

    /** This part's file name for {@code stem}, such as {@code kent.summary.csv}. */
    public String nameFor(String stem) {
      requireNonNull(stem, "stem");
      if (stem.isEmpty()) {
        throw new IllegalArgumentException("a return's stem cannot be empty");
      }
      return stem + suffix;
    }

    /** Whether a submission record's part {@code key} is this part. */
    public boolean is(String key) {
      return this.key.equals(key);
    }
  }

  public ReturnFileName {
    requireNonNull(stem, "stem");
    requireNonNull(part, "part");
    if (stem.isEmpty()) {
      throw new IllegalArgumentException("a return's stem cannot be empty");
    }
  }

  /**
   * The stem and part of {@code name}, or empty when it is no part of a return. {@code name} is a
   * bare file name: a folder before it is taken as part of the stem.
   */
  public static Optional<ReturnFileName> parse(String name) {
    requireNonNull(name, "name");
    String lower = name.toLowerCase(Locale.ROOT);
    // The suffixes cannot both end one name, so the order they are tried in does not matter.
    for (Part part : Part.values()) {
      if (lower.endsWith(part.suffix) && name.length() > part.suffix.length()) {
        return Optional.of(
            new ReturnFileName(name.substring(0, name.length() - part.suffix.length()), part));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is the summary, claims or workbook of some return. */
  public static boolean isPartOfReturn(String name) {
    return parse(name).isPresent();
  }

  /** The name of this part with its suffix as the contract writes it (lower case). */
  public String canonicalName() {
    return part.nameFor(stem);
  }
}
