package uk.gov.tfwh.etl.table;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Builds one row of a warehouse table by column name, so values cannot land in the wrong column
 * when the contract's column order changes, and checks each value's Java type and nullability
 * against the contract before Spark sees it.
 */
public final class ContractRow {
  // Column positions by name, per table, worked out once: rows are built for every return and
  // quarter of the programme on each load, a dozen columns a row.
  private static final Map<WarehouseTable, Map<String, Integer>> POSITIONS = positions();

  private final WarehouseTable table;
  private final List<Column> columns;
  private final Object[] values;
  private final boolean[] set;

  private ContractRow(WarehouseTable table) {
    this.table = table;
    this.columns = table.columns();
    this.values = new Object[columns.size()];
    this.set = new boolean[columns.size()];
  }

  public static ContractRow of(WarehouseTable table) {
    return new ContractRow(requireNonNull(table, "table"));
  }

  public ContractRow set(String name, Object value) {
    int index = indexOf(name);
    Column column = columns.get(index);
    values[index] = value == null ? null : conform(column, value);
    set[index] = true;
    return this;
  }

  public Row build() {
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      if (!set[i]) {
        throw new IllegalStateException(table.tableName() + "." + column.name() + " was not set");
      }
      if (values[i] == null && !column.nullable()) {
        throw new IllegalStateException(table.tableName() + "." + column.name() + " is required");
      }
    }
    return RowFactory.create(values.clone());
  }

  private int indexOf(String name) {
    Integer index = POSITIONS.get(table).get(name);
    if (index == null) {
      throw new IllegalArgumentException(table.tableName() + " has no column " + name);
    }
    return index;
  }

  private static Map<WarehouseTable, Map<String, Integer>> positions() {
    Map<WarehouseTable, Map<String, Integer>> positions = new EnumMap<>(WarehouseTable.class);
    for (WarehouseTable table : WarehouseTable.values()) {
      Map<String, Integer> byName = new HashMap<>();
      List<Column> columns = table.columns();
      for (int i = 0; i < columns.size(); i++) {
        byName.put(columns.get(i).name(), i);
      }
      positions.put(table, Map.copyOf(byName));
    }
    return positions;
  }

  private Object conform(Column column, Object value) {
    Object conformed =
        switch (column.type()) {
          case STRING -> value instanceof String ? value : null;
          case INT -> value instanceof Integer ? value : null;
          case BIGINT -> value instanceof Long ? value : null;
          case BOOLEAN -> value instanceof Boolean ? value : null;
          case DATE -> value instanceof LocalDate ? value : null;
          case TIMESTAMP -> value instanceof Instant ? value : null;
          case MONEY ->
              value instanceof BigDecimal d ? d.setScale(2, RoundingMode.UNNECESSARY) : null;
          case PERCENT ->
              value instanceof BigDecimal d ? d.setScale(1, RoundingMode.UNNECESSARY) : null;
          case DOUBLE -> value instanceof Double ? value : null;
        };
    if (conformed == null) {
      throw new IllegalArgumentException(
          table.tableName()
              + "."
              + column.name()
              + " is "
              + column.type()
              + ", not "
              + value.getClass().getSimpleName());
    }
    return conformed;
  }
}
