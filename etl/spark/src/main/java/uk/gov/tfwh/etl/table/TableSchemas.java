package uk.gov.tfwh.etl.table;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/** The Spark schema of each warehouse table, derived from the table contract and nothing else. */
public final class TableSchemas {
  private TableSchemas() {}

  public static StructType of(WarehouseTable table) {
    StructType schema = new StructType();
    for (Column column : table.columns()) {
      schema = schema.add(column.name(), sparkType(column.type()), column.nullable());
    }
    return schema;
  }

  public static DataType sparkType(ColumnType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case BIGINT -> DataTypes.LongType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case MONEY -> DataTypes.createDecimalType(14, 2);
      case PERCENT -> DataTypes.createDecimalType(7, 1);
      case DOUBLE -> DataTypes.DoubleType;
    };
  }
}
