package uk.gov.tfwh.api.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named arguments of a catalogue query; a null value is left out (an optional filter unset). */
public final class Arguments {
  private Arguments() {}

  public static Map<String, Object> of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in name, value pairs");
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return arguments;
  }
}
