package uk.gov.tfwh.programme.reference;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * An upper-tier local authority taking part in the programme.
 *
 * @param emailDomains the domains its officers' e-mail addresses are at (lower case), where the
 *     reference set knows them; empty means no check of a return's submitted_by
 */
public record Authority(
    String code,
    String name,
    Region region,
    AuthorityType type,
    List<String> formerCodes,
    List<String> emailDomains)
    implements Serializable {
  public Authority {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    requireNonNull(region, "region");
    requireNonNull(type, "type");
    formerCodes = List.copyOf(formerCodes);
    emailDomains = List.copyOf(emailDomains);
  }

  /** An authority whose e-mail domains the reference set does not give. */
  public Authority(
      String code, String name, Region region, AuthorityType type, List<String> formerCodes) {
    this(code, name, region, type, formerCodes, List.of());
  }

  /**
   * Whether an e-mail address is at one of the authority's domains (or a subdomain of one), case
   * aside; true when no domain is known, since absence means no check.
   */
  public boolean sendsFrom(String emailAddress) {
    if (emailDomains.isEmpty()) {
      return true;
    }
    int at = emailAddress.lastIndexOf('@');
    String domain = emailAddress.substring(at + 1).strip().toLowerCase(java.util.Locale.ROOT);
    return emailDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
  }
}
