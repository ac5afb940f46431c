package uk.gov.tfwh.api.authority;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A filter's choices (regions, authority types) as people and programs name them: by code ({@code
 * E12000008}, {@code metropolitan_district}) or by name ({@code South East}, {@code Metropolitan
 * district}), in any case. One rule for the API and the pages, so a link that works on one works on
 * the other; an unknown value is refused with every valid one listed.
 *
 * @param parameter the query parameter the value came from, named in the refusal
 * @param nameByCode each choice's code and display name, in the order to list them
 */
public record NamedChoices(String parameter, Map<String, String> nameByCode) {
  public NamedChoices {
    requireNonNull(parameter, "parameter");
    nameByCode = Collections.unmodifiableMap(new LinkedHashMap<>(nameByCode));
  }

  /**
   * The code the value names, or null for a blank value (no filter).
   *
   * @throws IllegalArgumentException naming the parameter and listing the valid values
   */
  public String codeOf(String asked) {
    if (asked == null || asked.isBlank()) {
      return null;
    }
    String wanted = normalised(asked);
    for (Map.Entry<String, String> choice : nameByCode.entrySet()) {
      if (normalised(choice.getKey()).equals(wanted)
          || normalised(choice.getValue()).equals(wanted)) {
        return choice.getKey();
      }
    }
    StringJoiner valid = new StringJoiner(", ");
    nameByCode.forEach(
        (code, name) -> valid.add(code.equals(name) ? code : code + " (" + name + ")"));
    throw new IllegalArgumentException(
        parameter
            + ": there is no "
            + parameter
            + " '"
            + asked.strip()
            + "'; choose one of "
            + valid);
  }

  /**
   * Case, surrounding blanks and the underscore of a code against a space in a name don't count.
   */
  private static String normalised(String text) {
    return text.strip().replace('_', ' ').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
