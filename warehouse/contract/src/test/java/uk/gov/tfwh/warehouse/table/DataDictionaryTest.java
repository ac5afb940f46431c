package uk.gov.tfwh.warehouse.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/data-dictionary.md's table half says what the table contract in code says: every table of
 * {@link WarehouseTable} has a section, in it every column in the contract's order with its type
 * and whether it may be null, and nothing else. A column added in code and not in the dictionary
 * (or the other way round) fails here.
 */
class DataDictionaryTest {
  private static final Path DICTIONARY =
      Path.of(System.getProperty("tfwh.root.dir", "..")).resolve("docs/data-dictionary.md");

  @Test
  void everyTableAndColumnOfTheContractIsDocumentedAsItIs() throws IOException {
    Map<String, List<List<String>>> documented = tables(Files.readAllLines(DICTIONARY));
    assertThat(documented.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(WarehouseTable.values()).map(WarehouseTable::tableName).toList());
    for (WarehouseTable table : WarehouseTable.values()) {
      List<List<String>> expected = new ArrayList<>();
      for (Column column : table.columns()) {
        expected.add(
            List.of(column.name(), column.type().sqlType(), column.nullable() ? "yes" : "no"));
      }
      assertThat(documented.get(table.tableName()))
          .as("docs/data-dictionary.md, table %s: column, type, null?", table.tableName())
          .containsExactlyElementsOf(expected);
    }
  }

  /** Each "### `table`" section's rows as column, type, null? (the meaning is prose). */
  private static Map<String, List<List<String>>> tables(List<String> lines) {
    Map<String, List<List<String>>> tables = new LinkedHashMap<>();
    boolean inTables = false;
    String table = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inTables = line.equals("## Warehouse tables");
        table = null;
      } else if (inTables && line.startsWith("### `")) {
        table = line.substring(5, line.indexOf('`', 5));
        tables.put(table, new ArrayList<>());
      } else if (table != null && line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        tables
            .get(table)
            .add(List.of(cells[1].strip().replace("`", ""), cells[2].strip(), cells[3].strip()));
      }
    }
    return tables;
  }
}
