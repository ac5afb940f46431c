package uk.gov.tfwh.api.web.page;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uk.gov.tfwh.programme.reference.AuthorityType;
import uk.gov.tfwh.warehouse.query.PinnedSnapshot;
import uk.gov.tfwh.warehouse.query.Query;
import uk.gov.tfwh.warehouse.query.QueryArguments;
import uk.gov.tfwh.warehouse.query.QueryResult;
import uk.gov.tfwh.warehouse.query.ResultRow;

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

  public static Choices read(PageReads figures, PinnedSnapshot snapshot) {
    requireNonNull(figures, "figures");
    QueryResult periodRows = figures.run(snapshot, QueryArguments.of(Query.PERIODS));
    List<Period> periods = new ArrayList<>();
    for (ResultRow row : periodRows) {
      if (row.longValue("authorities_reporting") > 0) {
        periods.add(
            new Period(
                row.integer("phase"),
                row.date("period_end"),
                row.text("quarter_label"),
                row.text("financial_year")));
      }
    }
    QueryResult authorities = figures.run(snapshot, QueryArguments.of(Query.AUTHORITIES));
    TreeMap<String, String> regionsByName = new TreeMap<>();
    TreeMap<String, String> typesByName = new TreeMap<>();
    for (ResultRow row : authorities) {
      regionsByName.put(row.text("region_name"), row.text("region_code"));
      String type = row.text("authority_type");
      typesByName.put(typeName(type), type);
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
