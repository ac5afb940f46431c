package uk.gov.tfwh.warehouse.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.gov.tfwh.warehouse.table.ColumnType;

/**
 * A catalogue SQL file made ready for JDBC: comments removed and each {@code :name} replaced by a
 * typed positional marker {@code CAST(? AS type)}, remembering which parameter goes where. The cast
 * gives both engines the parameter's type up front (DuckDB cannot infer it from {@code ? IS NULL})
 * and user input only ever reaches the engine as a bound value.
 *
 * @param sql the SQL with positional markers
 * @param parameterOrder the parameter name of each marker, in order (a name may repeat)
 */
public record CatalogueSql(String sql, List<String> parameterOrder) {
  public CatalogueSql {
    requireNonNull(sql, "sql");
    parameterOrder = List.copyOf(parameterOrder);
  }

  /**
   * Parses {@code source}; every {@code :name} must be one of {@code types}' keys. Text inside
   * single-quoted literals and double-quoted identifiers is left alone.
   */
  public static CatalogueSql parse(String source, Map<String, ColumnType> types) {
    StringBuilder out = new StringBuilder(source.length());
    List<String> order = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\'' || c == '"') {
        int end = source.indexOf(c, i + 1);
        while (end >= 0 && end + 1 < source.length() && source.charAt(end + 1) == c) {
          end = source.indexOf(c, end + 2);
        }
        if (end < 0) {
          throw new IllegalArgumentException("unterminated " + c + " in SQL at offset " + i);
        }
        out.append(source, i, end + 1);
        i = end + 1;
      } else if (c == '-' && i + 1 < source.length() && source.charAt(i + 1) == '-') {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (c == '?') {
        throw new IllegalArgumentException("catalogue SQL names its parameters (:name), not ?");
      } else if (c == ':'
          && i + 1 < source.length()
          && Character.isLetter(source.charAt(i + 1))
          && (i == 0 || source.charAt(i - 1) != ':')) {
        int end = i + 1;
        while (end < source.length()
            && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_')) {
          end++;
        }
        String name = source.substring(i + 1, end);
        ColumnType type = types.get(name);
        if (type == null) {
          throw new IllegalArgumentException("SQL uses :" + name + ", which is not a parameter");
        }
        out.append("CAST(? AS ").append(type.sqlType()).append(')');
        order.add(name);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new CatalogueSql(out.toString().strip(), order);
  }
}
