package uk.gov.tfwh.programme.reference;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/** An upper-tier local authority taking part in the programme. */
public record Authority(
    String code, String name, Region region, AuthorityType type, List<String> formerCodes)
    implements Serializable {
  public Authority {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    requireNonNull(region, "region");
    requireNonNull(type, "type");
    formerCodes = List.copyOf(formerCodes);
  }
}
