package uk.gov.tfwh.warehouse.iceberg.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * What the contract says about one Iceberg table: its name, columns and the columns it is
 * partitioned by (each by identity). {@link IcebergSchemas#contract(WarehouseTable)} gives it for a
 * warehouse table; tests build others (an older or newer contract) to exercise schema evolution.
 */
public record TableContract(String name, List<Column> columns, List<String> partitionColumns) {
  public TableContract {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    partitionColumns = List.copyOf(partitionColumns);
    List<String> names = columns.stream().map(Column::name).toList();
    if (names.stream().distinct().count() < names.size()) {
      throw new IllegalArgumentException("table " + name + " names a column twice: " + names);
    }
    for (String partition : partitionColumns) {
      if (!names.contains(partition)) {
        throw new IllegalArgumentException(
            "table " + name + " is partitioned by " + partition + ", which is not a column");
      }
    }
  }

  /** The same table with other columns (the partitioning kept). */
  public TableContract withColumns(List<Column> newColumns) {
    return new TableContract(name, newColumns, partitionColumns);
  }
}
