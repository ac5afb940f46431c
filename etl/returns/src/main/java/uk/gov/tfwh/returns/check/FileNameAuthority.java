package uk.gov.tfwh.returns.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Authority;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * What a return's file name says about whose return it is. The contract leaves the stem free, so
 * nothing is required of it; but a stem that names a known authority (by a current or former GSS
 * code, as a whole token, such as {@code E08000025-2014Q3-p1}) and a summary whose authority_code
 * is another authority is a return speaking for someone else, refused (TFQR-S16). The same reading
 * places a return that cannot be read at all in its authority and quarter, where the name says.
 */
public final class FileNameAuthority {
  private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9])[Ee]\\d{8}(?![0-9])");
  private static final Pattern QUARTER = Pattern.compile("(?<![0-9])(\\d{4})[Qq]([1-4])(?![0-9])");

  private FileNameAuthority() {}

  /** The authorities a stem names, in order, each once. */
  public static List<Authority> named(String stem, ReferenceData reference) {
    List<Authority> named = new ArrayList<>();
    Matcher code = CODE.matcher(stem);
    while (code.find()) {
      reference
          .resolve(code.group().toUpperCase(Locale.ROOT))
          .map(ReferenceData.AuthorityCodeMatch::authority)
          .filter(a -> !named.contains(a))
          .ifPresent(named::add);
    }
    return named;
  }

  private static final Pattern PHASE =
      Pattern.compile("(?<![A-Za-z0-9])(?:[Pp]|[Pp]hase)([12])(?![0-9])");

  /**
   * Whose return a stem says it is, for when: the authority when it names exactly one, the quarter
   * ({@code 2014Q3}) and the phase ({@code p1}, {@code phase2}) when it names one each.
   */
  public static ReturnIdentity identity(String stem, ReferenceData reference) {
    List<Authority> named = named(stem, reference);
    Matcher phase = PHASE.matcher(stem);
    Integer phaseNumber = null;
    if (phase.find()) {
      int first = Integer.parseInt(phase.group(1));
      phaseNumber = phase.find() && Integer.parseInt(phase.group(1)) != first ? null : first;
    }
    return new ReturnIdentity(
        named.size() == 1 ? named.get(0).code() : null,
        phaseNumber,
        quarter(stem).map(Quarter::end).orElse(null));
  }

  /** The quarter a stem names ({@code 2014Q3}), when it names exactly one. */
  public static Optional<Quarter> quarter(String stem) {
    Matcher quarter = QUARTER.matcher(stem);
    List<Quarter> found = new ArrayList<>();
    while (quarter.find()) {
      Quarter q =
          Quarter.of(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
      if (!found.contains(q)) {
        found.add(q);
      }
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /**
   * Whether the stem names no authority or only the summary's; otherwise adds the TFQR-S16 finding
   * and answers false.
   */
  public static boolean agrees(
      ReturnSource source, ReturnSummary summary, ReferenceData reference, List<Finding> findings) {
    List<Authority> named = named(source.stem(), reference);
    List<Authority> others =
        named.stream().filter(a -> !a.code().equals(summary.authorityCode())).toList();
    if (others.isEmpty()) {
      return true;
    }
    Authority other = others.get(0);
    String own =
        reference.authority(summary.authorityCode()).map(Authority::name).orElse("another");
    findings.add(
        Rule.S16.at(
            Location.ofCell(source.id(), Location.SUMMARY, summary.row(), Template.AUTHORITY_CODE),
            "the file name "
                + Rule.quote(source.stem())
                + " names "
                + other.name()
                + " ("
                + other.code()
                + ") but authority_code is "
                + summary.submittedAuthorityCode()
                + " ("
                + own
                + ")"));
    return false;
  }
}
