package uk.gov.tfwh.warehouse.iceberg.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;
import uk.gov.tfwh.warehouse.table.Column;
import uk.gov.tfwh.warehouse.table.ColumnType;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The Iceberg form of the table contract: each {@link WarehouseTable}'s schema, partitioning and
 * table properties (docs/design/iceberg.md, section 4). Only Iceberg's API types are used here, so
 * the Spark job, whose Iceberg runtime shades Iceberg's libraries, can share this class.
 */
public final class IcebergSchemas {

  /** The table property naming the contract a table was created or last reconciled with. */
  public static final String CONTRACT_VERSION = "tfwh.contract-version";

  /** The column every per-quarter fact is partitioned by. */
  public static final String QUARTER_COLUMN = "period_end";

  /**
   * The per-quarter facts, partitioned by quarter so that a new quarter or a resubmission replaces
   * only its own partition. {@code fact_finding} (whose quarter may be unknown) and the dimensions
   * are not partitioned.
   */
  private static final Set<WarehouseTable> BY_QUARTER =
      EnumSet.of(
          WarehouseTable.FACT_CLAIM,
          WarehouseTable.FACT_RETURN,
          WarehouseTable.FACT_PAYMENT,
          WarehouseTable.AGG_AUTHORITY_QUARTER);

  /** About 100 years: no expiry by age or count removes what a release holds (tags hold it too). */
  static final String NEVER_EXPIRE_MS = "3153600000000";

  static final String KEEP_SNAPSHOTS = "1000000";

  private IcebergSchemas() {}

  /** A warehouse table's contract, with its Iceberg partitioning. */
  public static TableContract contract(WarehouseTable table) {
    return new TableContract(table.tableName(), table.columns(), partitionColumns(table));
  }

  /**
   * The table's schema: its columns in contract order, required as the contract says, each with its
   * description as the field's doc. Field ids are 1, 2, ... here; the catalog assigns its own when
   * the table is created and never reuses them.
   */
  public static Schema schema(TableContract table) {
    List<NestedField> fields = new ArrayList<>();
    int id = 1;
    for (Column column : table.columns()) {
      fields.add(field(id++, column));
    }
    return new Schema(fields);
  }

  /** One contract column as an Iceberg field with this id. */
  public static NestedField field(int id, Column column) {
    return NestedField.builder()
        .withId(id)
        .isOptional(column.nullable())
        .withName(column.name())
        .ofType(type(column.type()))
        .withDoc(column.description())
        .build();
  }

  /** The Iceberg type of a contract type (the mapping in docs/design/iceberg.md, section 4). */
  public static Type.PrimitiveType type(ColumnType type) {
    return switch (type) {
      case STRING -> Types.StringType.get();
      case INT -> Types.IntegerType.get();
      case BIGINT -> Types.LongType.get();
      case BOOLEAN -> Types.BooleanType.get();
      case DATE -> Types.DateType.get();
      case TIMESTAMP -> Types.TimestampType.withZone();
      case MONEY -> Types.DecimalType.of(14, 2);
      case PERCENT -> Types.DecimalType.of(7, 1);
      case DOUBLE -> Types.DoubleType.get();
    };
  }

  /** The columns a warehouse table is partitioned by in Iceberg, each by identity. */
  public static List<String> partitionColumns(WarehouseTable table) {
    return BY_QUARTER.contains(table) ? List.of(QUARTER_COLUMN) : List.of();
  }

  /** The table's partitioning over a schema of it (the contract's, or a live table's). */
  public static PartitionSpec partitionSpec(TableContract table, Schema schema) {
    PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
    table.partitionColumns().forEach(spec::identity);
    return spec.build();
  }

  /** The properties every warehouse table is created with. */
  public static Map<String, String> tableProperties(TableContract table) {
    Map<String, String> properties = new LinkedHashMap<>();
    // Version 2, set explicitly: Trino 476 reads no version 3 features.
    properties.put(TableProperties.FORMAT_VERSION, "2");
    // Iceberg's default is zstd; snappy keeps today's scan cost in DuckDB.
    properties.put(TableProperties.PARQUET_COMPRESSION, "snappy");
    // One file per quarter per write.
    properties.put(TableProperties.WRITE_DISTRIBUTION_MODE, "hash");
    // A stray expire_snapshots with default settings cannot remove what a release needs.
    properties.put(TableProperties.MAX_SNAPSHOT_AGE_MS, NEVER_EXPIRE_MS);
    properties.put(TableProperties.MIN_SNAPSHOTS_TO_KEEP, KEEP_SNAPSHOTS);
    properties.put(TableProperties.COMMIT_NUM_RETRIES, "10");
    properties.put(CONTRACT_VERSION, contractVersion(table));
    return properties;
  }

  /**
   * A digest of what the contract says about a table's shape (names, former names, types,
   * nullability, partitioning; not the descriptions): it changes exactly when the table needs
   * reconciling ({@link SchemaEvolution}).
   */
  public static String contractVersion(TableContract table) {
    StringBuilder shape = new StringBuilder(table.name());
    for (Column column : table.columns()) {
      shape
          .append('\n')
          .append(column.name())
          .append(' ')
          .append(type(column.type()))
          .append(column.nullable() ? " optional" : " required")
          .append(" was ")
          .append(column.formerNames());
    }
    shape.append("\npartitioned by ").append(table.partitionColumns());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(shape.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
