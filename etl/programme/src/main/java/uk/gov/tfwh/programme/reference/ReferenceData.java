package uk.gov.tfwh.programme.reference;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.programme.period.Phase;

/**
 * A versioned set of reference data: the authorities and their targets. Built by {@link
 * ReferenceDataLoader}, which checks it; this class only indexes it.
 */
public final class ReferenceData implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String version;
  private final LocalDate effectiveFrom;
  private final Map<String, Authority> authoritiesByCode;
  private final Map<String, Authority> authoritiesByFormerCode;
  private final Map<String, Target> targetsByKey;
  private final List<Authority> orderedAuthorities;
  private final List<Target> orderedTargets;

  public ReferenceData(
      String version,
      LocalDate effectiveFrom,
      Collection<Authority> authorities,
      Collection<Target> targets) {
    this.version = requireNonNull(version, "version");
    this.effectiveFrom = requireNonNull(effectiveFrom, "effectiveFrom");
    Map<String, Authority> byCode = new LinkedHashMap<>();
    Map<String, Authority> byFormerCode = new LinkedHashMap<>();
    for (Authority authority : authorities) {
      byCode.put(authority.code(), authority);
      for (String former : authority.formerCodes()) {
        byFormerCode.put(former, authority);
      }
    }
    Map<String, Target> byKey = new LinkedHashMap<>();
    for (Target target : targets) {
      byKey.put(key(target.authorityCode(), target.phase()), target);
    }
    this.authoritiesByCode = Map.copyOf(byCode);
    this.authoritiesByFormerCode = Map.copyOf(byFormerCode);
    this.targetsByKey = Map.copyOf(byKey);
    this.orderedAuthorities = List.copyOf(byCode.values());
    this.orderedTargets = List.copyOf(byKey.values());
  }

  public String version() {
    return version;
  }

  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** Authorities in file order. */
  public List<Authority> authorities() {
    return orderedAuthorities;
  }

  /** Targets in file order. */
  public List<Target> targets() {
    return orderedTargets;
  }

  /** The authority with this current GSS code. */
  public Optional<Authority> authority(String currentCode) {
    return Optional.ofNullable(authoritiesByCode.get(currentCode));
  }

  /**
   * The authority a submitted code stands for: its current code, or a former code that was mapped
   * to it when authorities were recoded.
   */
  public Optional<AuthorityCodeMatch> resolve(String submittedCode) {
    Authority current = authoritiesByCode.get(submittedCode);
    if (current != null) {
      return Optional.of(new AuthorityCodeMatch(current, false));
    }
    return Optional.ofNullable(authoritiesByFormerCode.get(submittedCode))
        .map(authority -> new AuthorityCodeMatch(authority, true));
  }

  public Optional<Target> target(String authorityCode, Phase phase) {
    return Optional.ofNullable(targetsByKey.get(key(authorityCode, phase)));
  }

  private static String key(String authorityCode, Phase phase) {
    return authorityCode + "/" + phase.number();
  }

  /** How a submitted authority code matched: directly, or through a former code. */
  public record AuthorityCodeMatch(Authority authority, boolean viaFormerCode)
      implements Serializable {
    public AuthorityCodeMatch {
      requireNonNull(authority, "authority");
    }
  }
}
