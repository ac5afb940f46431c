package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.tfwh.programme.period.Phase;
import uk.gov.tfwh.programme.period.Quarter;

/**
 * The arguments of one catalogue query, set by what they are (a {@link Phase}, a {@link Quarter},
 * an authority's code) rather than as a map of names to objects: each is checked against the
 * parameters the query declares as it is set, so a caller's mistake names the query and the
 * parameter where it is made, not when the query runs. A null value leaves an optional parameter
 * unset ("no filter"); a required one left unset is refused when the query is bound.
 */
public record QueryArguments(Query query, Map<String, Object> values) {
  public QueryArguments {
    requireNonNull(query, "query");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** No arguments yet for {@code query}. */
  public static QueryArguments of(Query query) {
    return new QueryArguments(query, Map.of());
  }

  /** The {@code phase} parameter. */
  public QueryArguments phase(Phase phase) {
    return with("phase", phase == null ? null : phase.number());
  }

  /** The {@code period} parameter: the quarter's last day. */
  public QueryArguments quarter(Quarter quarter) {
    return with("period", quarter == null ? null : quarter.end());
  }

  /** The {@code authority} parameter: a GSS code. */
  public QueryArguments authority(String code) {
    return with("authority", code);
  }

  /** The {@code region} parameter: a region's code. */
  public QueryArguments region(String code) {
    return with("region", code);
  }

  /** The {@code authority_type} parameter: a type's code. */
  public QueryArguments authorityType(String code) {
    return with("authority_type", code);
  }

  /** The {@code financial_year} parameter, such as {@code 2015-16}. */
  public QueryArguments financialYear(String year) {
    return with("financial_year", year);
  }

  /** The {@code comparison_group} parameter: neighbours, region, type or england. */
  public QueryArguments comparisonGroup(String group) {
    return with("comparison_group", group);
  }

  /**
   * The same arguments for another query that declares them all, such as a quarter's data quality
   * and its findings.
   */
  public QueryArguments forQuery(Query other) {
    QueryArguments moved = of(other);
    for (Map.Entry<String, Object> value : values.entrySet()) {
      moved = moved.with(value.getKey(), value.getValue());
    }
    return moved;
  }

  private QueryArguments with(String name, Object value) {
    QueryParameter parameter =
        query.parameters().stream()
            .filter(p -> p.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        query.fileName() + " has no parameter '" + name + "'"));
    Map<String, Object> next = new LinkedHashMap<>(values);
    if (value == null) {
      next.remove(name);
    } else if (!JdbcValues.javaType(parameter.type()).isInstance(value)) {
      throw new IllegalArgumentException(
          query.fileName() + " parameter '" + name + "' is a " + parameter.type());
    } else {
      next.put(name, value);
    }
    return new QueryArguments(query, next);
  }
}
