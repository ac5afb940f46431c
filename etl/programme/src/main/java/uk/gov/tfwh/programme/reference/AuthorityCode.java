package uk.gov.tfwh.programme.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one home of what an authority code looks like, used by the reference data, the load, the API,
 * the pages and the exports alike.
 *
 * <ul>
 *   <li><b>Well formed</b> ({@link #isWellFormed}): an ONS GSS code, E and eight digits. Checked
 *       before anything is looked up, so a malformed code is a bad request, a well-formed one that
 *       names no authority is "not found".
 *   <li><b>An authority's entity</b> ({@link #isAuthorityEntity}): the GSS entity codes an English
 *       local authority has, E06 unitary, E07 non-metropolitan district (former codes), E08
 *       metropolitan district, E09 London borough, E10 county, E11 metropolitan county. The
 *       reference data holds no other.
 * </ul>
 */
public final class AuthorityCode {
  private static final Pattern WELL_FORMED = Pattern.compile("E[0-9]{8}");
  private static final Pattern AUTHORITY_ENTITY = Pattern.compile("E(06|07|08|09|10|11)[0-9]{6}");

  private AuthorityCode() {}

  public static boolean isWellFormed(String code) {
    return code != null && WELL_FORMED.matcher(code).matches();
  }

  public static boolean isAuthorityEntity(String code) {
    return code != null && AUTHORITY_ENTITY.matcher(code).matches();
  }

  /**
   * For a code refused as malformed: what it says when written as codes are (in capitals, without
   * spaces around it), so the refusal can tell the caller; empty when that is no code either.
   */
  public static Optional<String> asCodesAreWritten(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String written = code.strip().toUpperCase(Locale.ROOT);
    return isWellFormed(written) && !written.equals(code) ? Optional.of(written) : Optional.empty();
  }

  /** The refusal of a malformed code, with how it is written when only its letters were wrong. */
  public static String malformed(String parameter, String code) {
    return parameter
        + " must be an authority code such as E06000001, not '"
        + code
        + "'"
        + asCodesAreWritten(code)
            .map(c -> " (codes are written in capitals: " + c + ")")
            .orElse("");
  }
}
