package uk.gov.tfwh.api.web.page;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uk.gov.tfwh.api.authority.AuthorityReference;
import uk.gov.tfwh.programme.reference.AuthorityType;

/**
 * What the filters offer, read from the snapshot the page shows: the quarters with figures, the
 * regions and the authority types.
 *
 * @param regions region code to name, by name
 * @param types authority type code to its display name, as the programme names them
 */
public record Choices(
    List<Period> periods, Map<String, String> regions, Map<String, String> types) {
  public Choices {
    periods = List.copyOf(periods);
    regions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regions));
    types = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(types));
  }

  /** The quarters given and the regions and types of the authorities given, in name order. */
  static Choices of(List<Period> periods, List<AuthorityReference> authorities) {
    TreeMap<String, String> regionsByName = new TreeMap<>();
    TreeMap<String, String> typesByName = new TreeMap<>();
    for (AuthorityReference authority : authorities) {
      regionsByName.put(authority.regionName(), authority.regionCode());
      typesByName.put(authority.typeName(), authority.authorityType());
    }
    Map<String, String> regions = new java.util.LinkedHashMap<>();
    regionsByName.forEach((name, code) -> regions.put(code, name));
    Map<String, String> types = new java.util.LinkedHashMap<>();
    typesByName.forEach((name, code) -> types.put(code, name));
    return new Choices(periods, regions, types);
  }

  /** The programme's name for an authority type code, or the code when it is not one it knows. */
  public static String typeName(String code) {
    return AuthorityType.nameOf(code);
  }

  public List<Period> periodsOf(int phase) {
    return periods.stream().filter(p -> p.phase() == phase).toList();
  }

  public Optional<Period> latest() {
    return periods.isEmpty() ? Optional.empty() : Optional.of(periods.get(periods.size() - 1));
  }

  public Optional<Period> latestOf(int phase) {
    List<Period> ofPhase = periodsOf(phase);
    return ofPhase.isEmpty() ? Optional.empty() : Optional.of(ofPhase.get(ofPhase.size() - 1));
  }

  public Optional<Period> find(int phase, LocalDate end) {
    return periods.stream().filter(p -> p.phase() == phase && p.end().equals(end)).findFirst();
  }

  public List<Integer> phases() {
    return periods.stream().map(Period::phase).distinct().sorted().toList();
  }
}
