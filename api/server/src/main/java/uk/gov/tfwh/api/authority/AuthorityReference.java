package uk.gov.tfwh.api.authority;

import static java.util.Objects.requireNonNull;

import uk.gov.tfwh.programme.reference.AuthorityType;
import uk.gov.tfwh.warehouse.query.ResultRow;

/** An authority as a snapshot's reference data names and places it. */
public record AuthorityReference(
    String code, String name, String regionCode, String regionName, String authorityType) {
  public AuthorityReference {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
  }

  /** The programme's name for the authority's type, or its code when it is not one it knows. */
  public String typeName() {
    return AuthorityType.nameOf(authorityType);
  }

  static AuthorityReference of(ResultRow row) {
    return new AuthorityReference(
        row.text("authority_code"),
        row.text("authority_name"),
        row.text("region_code"),
        row.text("region_name"),
        row.text("authority_type"));
  }
}
