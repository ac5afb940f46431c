package uk.gov.tfwh.etl.table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import org.apache.spark.sql.Row;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * Writes rows built on the driver as one Parquet data file of an Iceberg table, with Iceberg's
 * generic Parquet writer (in the Spark runtime), so the file carries the field ids and the
 * partition column as Spark's files do, and no Spark job runs for a few thousand rows. The caller
 * commits the file (on the load's branch).
 *
 * <p>Rows are as {@link ContractRow} builds them, in contract order; each value goes to the field
 * of its column's name in the table's current schema (the load reconciled it with the contract).
 */
public final class DriverIcebergFile {
  private DriverIcebergFile() {}

  /** Writes the rows, all of one partition (any for an unpartitioned table), as a new data file. */
  public static DataFile write(Table table, WarehouseTable contract, List<Row> rows) {
    Schema schema = table.schema();
    List<Record> records = new ArrayList<>(rows.size());
    for (Row row : rows) {
      records.add(record(schema, contract, row));
    }
    return IcebergRecordFile.write(table, "driver", records);
  }

  private static Record record(Schema schema, WarehouseTable contract, Row row) {
    Record record = GenericRecord.create(schema);
    List<Column> columns = contract.columns();
    for (int i = 0; i < columns.size(); i++) {
      NestedField field = schema.findField(columns.get(i).name());
      if (field == null) {
        throw new IllegalStateException(
            contract.tableName() + " in the catalog has no column " + columns.get(i).name());
      }
      record.setField(field.name(), value(field, row.isNullAt(i) ? null : row.get(i)));
    }
    return record;
  }

  /** The Java value Iceberg's generic writer takes for a contract column's value. */
  private static Object value(NestedField field, Object value) {
    if (value == null) {
      return null;
    }
    return switch (field.type().typeId()) {
      case TIMESTAMP -> ((Instant) value).atOffset(ZoneOffset.UTC);
      // Exact, as Spark's cast to the contract's decimal: a value needing rounding fails the load.
      case DECIMAL -> ((BigDecimal) value).setScale(((Types.DecimalType) field.type()).scale());
      case LONG -> ((Number) value).longValue(); // an int widened to bigint by schema evolution
      default -> value;
    };
  }
}
