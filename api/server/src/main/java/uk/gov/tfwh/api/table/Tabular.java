package uk.gov.tfwh.api.table;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response with a tabular part: JSON gives the whole response with the table as {@code rows}; CSV
 * ({@code .csv} or {@code Accept: text/csv}) gives just the table. Either way every row says what
 * it covers ({@link #covers()}: the phase and quarter), so a CSV read on its own, such as England's
 * one row of totals, still says which quarter it is.
 */
public interface Tabular {
  @JsonIgnore
  Table table();

  /**
   * The columns every row carries to say what the table covers, first in each row unless the table
   * has them already; none by default.
   */
  @JsonIgnore
  default Map<String, Object> covers() {
    return Map.of();
  }

  /** The table with what it covers in every row: what JSON's {@code rows} and the CSV hold. */
  @JsonIgnore
  default Table coveredTable() {
    Table table = table();
    Map<String, Object> covers = new LinkedHashMap<>(covers());
    covers.keySet().removeAll(table.columns());
    if (covers.isEmpty()) {
      return table;
    }
    List<String> columns = new ArrayList<>(covers.keySet());
    columns.addAll(table.columns());
    List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
    for (Map<String, Object> row : table.rows()) {
      Map<String, Object> covered = new LinkedHashMap<>(covers);
      covered.putAll(row);
      rows.add(covered);
    }
    return new Table(columns, rows);
  }

  @JsonProperty("rows")
  default List<Map<String, Object>> rows() {
    return coveredTable().rows();
  }

  /** What a table of one phase's quarter covers. */
  static Map<String, Object> quarterOf(int phase, LocalDate period) {
    Map<String, Object> covers = new LinkedHashMap<>();
    covers.put("phase", phase);
    covers.put("period_end", period);
    return covers;
  }

  /** What a table of a whole phase covers. */
  static Map<String, Object> phaseOf(int phase) {
    return Map.of("phase", phase);
  }
}
