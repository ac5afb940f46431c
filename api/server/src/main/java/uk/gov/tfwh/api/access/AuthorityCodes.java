package uk.gov.tfwh.api.access;

import java.util.regex.Pattern;

/** The shape of an ONS authority code (E + 8 digits), checked before anything is looked up. */
public final class AuthorityCodes {
  private static final Pattern CODE = Pattern.compile("E[0-9]{8}");

  private AuthorityCodes() {}

  public static boolean isWellFormed(String code) {
    return code != null && CODE.matcher(code).matches();
  }
}
