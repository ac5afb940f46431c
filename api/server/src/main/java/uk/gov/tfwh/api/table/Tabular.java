package uk.gov.tfwh.api.table;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A response with a tabular part: JSON gives the whole response with the table as {@code rows}; CSV
 * ({@code .csv} or {@code Accept: text/csv}) gives just the table.
 */
public interface Tabular {
  @JsonIgnore
  Table table();

  @JsonProperty("rows")
  default List<Map<String, Object>> rows() {
    return table().rows();
  }
}
