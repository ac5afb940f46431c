package uk.gov.tfwh.warehouse.query.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import uk.gov.tfwh.warehouse.iceberg.files.ReleaseFiles.PlannedTable;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.TableFiles;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The DuckDB statement that makes one contract table of a snapshot queryable under its logical
 * name: a table copied into memory when its Parquet is small, otherwise a view reading the Parquet
 * per query. Columns are selected in contract order and cast to the contract's types, so a file
 * whose writer chose a wider physical type still reads the same.
 */
final class ParquetTableSql {
  private ParquetTableSql() {}

  static String create(WarehouseTable table, Path snapshotDir, long inMemoryLimitBytes) {
    Path dir = snapshotDir.resolve(table.relativePath()).toAbsolutePath();
    List<Path> files = TableFiles.dataFiles(dir);
    if (files.isEmpty()) {
      // A partitioned table without rows has no files at all; keep it queryable and typed.
      return emptyView(table.tableName(), table.columns());
    }
    long bytes = files.stream().mapToLong(ParquetTableSql::size).sum();
    String kind = bytes <= inMemoryLimitBytes ? "TABLE" : "VIEW";
    return "CREATE " + kind + " " + table.tableName() + " AS " + select(table, dir);
  }

  /**
   * The statement for a table of an Iceberg release: its planned files read by field id with the
   * snapshot's schema (docs/design/iceberg.md, section 5.10), so a column renamed since a file was
   * written reads under its new name, and one added since reads as null. The partition column is in
   * the files, so folder names mean nothing. A table without files is the typed empty view.
   */
  static String create(WarehouseTable table, PlannedTable planned, long inMemoryLimitBytes) {
    return create(table.tableName(), table.columns(), planned, inMemoryLimitBytes);
  }

  /**
   * As {@link #create(WarehouseTable, PlannedTable, long)}, for these columns: each is read from
   * the snapshot's field of its name or of one of its former names (a snapshot from before a
   * rename), and is null where the snapshot has no such field (one from before the column was
   * added).
   */
  static String create(
      String tableName, List<Column> columns, PlannedTable planned, long inMemoryLimitBytes) {
    if (planned.files().isEmpty()) {
      return emptyView(tableName, columns);
    }
    Map<Integer, Column> byFieldId = new LinkedHashMap<>();
    List<String> selected = new ArrayList<>();
    for (Column column : columns) {
      Optional<NestedField> field = field(planned.schema(), column);
      if (field.isPresent()) {
        byFieldId.put(field.get().fieldId(), column);
        selected.add(castColumn(column));
      } else {
        selected.add(nullColumn(column));
      }
    }
    if (byFieldId.isEmpty()) {
      throw new IllegalArgumentException(
          "table " + tableName + ": its snapshot's schema has none of its columns: " + columns);
    }
    String schema =
        byFieldId.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + ": {name: "
                        + literal(e.getValue().name())
                        + ", type: "
                        + literal(duckdbType(planned.schema().findType(e.getKey())))
                        + ", default_value: NULL}")
            .collect(Collectors.joining(", ", "MAP {", "}"));
    String files =
        planned.files().stream()
            .map(file -> literal(file.path().toAbsolutePath().toString()))
            .collect(Collectors.joining(", ", "[", "]"));
    String kind = planned.bytes() <= inMemoryLimitBytes ? "TABLE" : "VIEW";
    return "CREATE "
        + kind
        + " "
        + tableName
        + " AS SELECT "
        + String.join(", ", selected)
        + " FROM read_parquet("
        + files
        + ", hive_partitioning = false, schema = "
        + schema
        + ")";
  }

  /** The snapshot's top-level field a column reads: by its name, else by a former name. */
  private static Optional<NestedField> field(Schema schema, Column column) {
    NestedField field = schema.asStruct().field(column.name());
    if (field != null) {
      return Optional.of(field);
    }
    List<String> former = new ArrayList<>(column.formerNames());
    Collections.reverse(former);
    for (String name : former) {
      NestedField old = schema.asStruct().field(name);
      if (old != null) {
        return Optional.of(old);
      }
    }
    return Optional.empty();
  }

  /** DuckDB's spelling of a (primitive) Iceberg type, as the files hold it. */
  static String duckdbType(Type type) {
    return switch (type.typeId()) {
      case STRING -> "VARCHAR";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case DOUBLE -> "DOUBLE";
      case FLOAT -> "FLOAT";
      case TIMESTAMP ->
          ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case DECIMAL -> {
        Types.DecimalType decimal = (Types.DecimalType) type;
        yield "DECIMAL(" + decimal.precision() + "," + decimal.scale() + ")";
      }
      default ->
          throw new IllegalArgumentException("the warehouse's tables hold no " + type + " columns");
    };
  }

  private static String emptyView(String tableName, List<Column> columns) {
    String nulls =
        columns.stream().map(ParquetTableSql::nullColumn).collect(Collectors.joining(", "));
    return "CREATE VIEW " + tableName + " AS SELECT " + nulls + " WHERE 1 = 0";
  }

  private static String nullColumn(Column c) {
    return "CAST(NULL AS " + duckdbType(c.type()) + ") AS " + c.name();
  }

  private static String select(WarehouseTable table, Path dir) {
    String columns =
        table.columns().stream().map(ParquetTableSql::castColumn).collect(Collectors.joining(", "));
    String glob = literal(dir + "/**/*.parquet");
    String options;
    if (table.partitionColumns().isEmpty()) {
      options = "hive_partitioning = false";
    } else {
      String types =
          table.partitionColumns().stream()
              .map(name -> table.column(name).orElseThrow())
              .map(c -> literal(c.name()) + ": " + literal(duckdbType(c.type())))
              .collect(Collectors.joining(", "));
      options = "hive_partitioning = true, hive_types = {" + types + "}";
    }
    return "SELECT " + columns + " FROM read_parquet(" + glob + ", " + options + ")";
  }

  private static String castColumn(Column column) {
    return "CAST(" + column.name() + " AS " + duckdbType(column.type()) + ") AS " + column.name();
  }

  /** DuckDB's spelling of a contract type (it has no precision on TIMESTAMP WITH TIME ZONE). */
  static String duckdbType(ColumnType type) {
    return type == ColumnType.TIMESTAMP ? "TIMESTAMPTZ" : type.sqlType();
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
