package uk.gov.tfwh.dashboards.superset;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One YAML file of the bundle: its path relative to the bundle root and its parsed content. */
public record BundleFile(String path, Map<String, Object> content) {
  public BundleFile {
    requireNonNull(path, "path");
    // YAML nulls are meaningful (Superset's "allow_none" keys), and Map.copyOf refuses them.
    content =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(content, "content of " + path)));
  }

  /** The file name without folder and extension, such as {@code league_table}. */
  public String stem() {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.substring(0, name.lastIndexOf('.'));
  }

  public String string(String key) {
    Object value = content.get(key);
    if (!(value instanceof String text)) {
      throw new IllegalStateException(path + ": '" + key + "' is not a string but " + value);
    }
    return text;
  }

  public UUID uuid(String key) {
    return UUID.fromString(string(key));
  }

  public UUID uuid() {
    return uuid("uuid");
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String key) {
    Object value = content.get(key);
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalStateException(path + ": '" + key + "' is not a mapping but " + value);
    }
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> list(String key) {
    Object value = content.get(key);
    if (!(value instanceof List<?> list)) {
      throw new IllegalStateException(path + ": '" + key + "' is not a list but " + value);
    }
    return (List<Map<String, Object>>) list;
  }
}
