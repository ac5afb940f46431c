package uk.gov.tfwh.api.benchmark;

import java.util.Locale;
import uk.gov.tfwh.api.problem.BadParameterException;

/**
 * The group an authority is benchmarked against (docs/methodology.md, "Statistical neighbours").
 */
public enum ComparisonGroup {
  NEIGHBOURS,
  REGION,
  TYPE,
  ENGLAND;

  /** The name the catalogue's benchmark query and the API use, such as {@code neighbours}. */
  public String parameterValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ComparisonGroup of(String value) {
    for (ComparisonGroup group : values()) {
      if (group.parameterValue().equals(value)) {
        return group;
      }
    }
    throw new BadParameterException(
        "group", "group must be neighbours, region, type or england, not '" + value + "'");
  }
}
