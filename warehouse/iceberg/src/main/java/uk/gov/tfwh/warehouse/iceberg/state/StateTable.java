package uk.gov.tfwh.warehouse.iceberg.state;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Types;

/**
 * The load state's tables in namespace {@code tfwh_state} (docs/load-state.md): what a load
 * remembers so the next one reads only what changed. A release names their snapshots as it names
 * the warehouse tables', so the state is committed with the figures and retained with them. Every
 * row carries {@code state_format}, the version of the columns' meaning and of the JSON shapes; a
 * reader that finds another version uses no state (a full read), never a guess.
 */
public enum StateTable {
  /** One row per return version a load read (the returns a later load reuses), by batch. */
  RETURN_READ(
      "return_read",
      new Schema(
          required(1, "state_format", Types.IntegerType.get()),
          required(2, "reference_digest", Types.StringType.get()),
          required(3, "batch", Types.LongType.get()),
          required(4, "return_id", Types.StringType.get()),
          required(5, "received_at", Types.StringType.get()),
          required(6, "loaded_release_id", Types.StringType.get()),
          optional(7, "fingerprint", Types.StringType.get()),
          required(8, "claim_rows_read", Types.IntegerType.get()),
          required(9, "claim_rows_rejected", Types.IntegerType.get()),
          required(10, "provenance_json", Types.StringType.get()),
          required(11, "source_json", Types.StringType.get()),
          optional(12, "summary_json", Types.StringType.get()),
          required(13, "identity_json", Types.StringType.get()),
          required(14, "findings_json", Types.StringType.get()),
          required(15, "family_refs", Types.StringType.get()),
          required(16, "claim_rows", Types.BinaryType.get()),
          required(17, "claim_results", Types.BinaryType.get())),
      "batch"),
  /**
   * The claim rows that passed their own return's rules, by the batch that read them: what a load
   * rewrites a {@code fact_claim} quarter from without reading the returns again. Written by Spark
   * on the executors, so every column but the two the load adds may be null to Spark's eyes.
   */
  CLAIM_ROW(
      "claim_row",
      new Schema(
          required(1, "state_format", Types.IntegerType.get()),
          required(2, "batch", Types.LongType.get()),
          optional(3, "return_id", Types.StringType.get()),
          optional(4, "row_number", Types.IntegerType.get()),
          optional(5, "family_ref", Types.StringType.get()),
          optional(6, "attached_on", Types.DateType.get()),
          optional(7, "result", Types.StringType.get()),
          optional(8, "achieved_on", Types.DateType.get()),
          optional(9, "problems_at_entry", Types.StringType.get())),
      "batch"),
  /** The landing files' stamps and checksums: the next scan hashes only files that changed. */
  LANDING_FILE(
      "landing_file",
      new Schema(
          required(1, "state_format", Types.IntegerType.get()),
          required(2, "name", Types.StringType.get()),
          required(3, "inode", Types.LongType.get()),
          required(4, "size", Types.LongType.get()),
          required(5, "modified_nanos", Types.LongType.get()),
          required(6, "changed_nanos", Types.LongType.get()),
          required(7, "sha256", Types.StringType.get())),
      null),
  /**
   * A digest of each partition of each table the load writes by partition, so the next load
   * rewrites only partitions whose rows changed; {@code fact_claim}'s also has its rows and files.
   */
  PARTITION_DIGEST(
      "partition_digest",
      new Schema(
          required(1, "state_format", Types.IntegerType.get()),
          required(2, "table_name", Types.StringType.get()),
          required(3, "partition_key", Types.StringType.get()),
          required(4, "digest", Types.StringType.get()),
          optional(5, "row_count", Types.LongType.get()),
          optional(6, "file_count", Types.IntegerType.get())),
      null);

  private final String tableName;
  private final Schema schema;
  private final String partitionColumn;

  StateTable(String tableName, Schema schema, String partitionColumn) {
    this.tableName = tableName;
    this.schema = schema;
    this.partitionColumn = partitionColumn;
  }

  public String tableName() {
    return tableName;
  }

  /** The schema as created (field ids 1, 2, ...; the catalog keeps them for a new table). */
  public Schema schema() {
    return schema;
  }

  /** Identity partitioning by batch, or none. */
  public PartitionSpec partitionSpec(Schema tableSchema) {
    return partitionColumn == null
        ? PartitionSpec.unpartitioned()
        : PartitionSpec.builderFor(tableSchema).identity(partitionColumn).build();
  }

  public boolean partitioned() {
    return partitionColumn != null;
  }

  /**
   * As the warehouse tables': format version 2, snappy, and no expiry by age or count (releases
   * hold their snapshots; retention expires by id).
   */
  public static Map<String, String> tableProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(TableProperties.FORMAT_VERSION, "2");
    properties.put(TableProperties.PARQUET_COMPRESSION, "snappy");
    properties.put(TableProperties.WRITE_DISTRIBUTION_MODE, "hash");
    properties.put(TableProperties.MAX_SNAPSHOT_AGE_MS, "3153600000000");
    properties.put(TableProperties.MIN_SNAPSHOTS_TO_KEEP, "1000000");
    properties.put(TableProperties.COMMIT_NUM_RETRIES, "10");
    return properties;
  }
}
