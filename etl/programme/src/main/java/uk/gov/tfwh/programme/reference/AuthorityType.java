package uk.gov.tfwh.programme.reference;

/** The four kinds of upper-tier authority, as written in {@code authorities.csv}. */
public enum AuthorityType {
  COUNTY("county", "County"),
  METROPOLITAN_DISTRICT("metropolitan_district", "Metropolitan district"),
  LONDON_BOROUGH("london_borough", "London borough"),
  UNITARY("unitary", "Unitary authority");

  private final String code;
  private final String displayName;

  AuthorityType(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  /** The value used in reference files, the warehouse and the API. */
  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  public static AuthorityType ofCode(String code) {
    for (AuthorityType type : values()) {
      if (type.code.equals(code)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown authority type '" + code + "'");
  }

  /**
   * The display name of a type code, or the code itself when a newer reference set has a type this
   * build does not know (reference data is input: it must load without a code change).
   */
  public static String nameOf(String code) {
    for (AuthorityType type : values()) {
      if (type.code.equals(code)) {
        return type.displayName;
      }
    }
    return code;
  }
}
