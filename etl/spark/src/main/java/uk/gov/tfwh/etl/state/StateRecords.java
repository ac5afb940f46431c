package uk.gov.tfwh.etl.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import uk.gov.tfwh.etl.read.ClaimKeys;
import uk.gov.tfwh.etl.read.ReadReturn;
import uk.gov.tfwh.etl.table.ClaimPartitions;
import uk.gov.tfwh.returns.read.FileChecksums;

/**
 * The load state's values as rows of its Iceberg tables and back (docs/load-state.md). Reading
 * checks every row's {@code state_format} and throws {@link StateUnreadableException} for anything
 * it cannot take as this build wrote it.
 */
public final class StateRecords {
  private StateRecords() {}

  public static Record returnRead(Schema schema, String referenceDigest, ReadReturn read) {
    Record record = GenericRecord.create(schema);
    record.setField("state_format", StateFormat.VERSION);
    record.setField("reference_digest", referenceDigest);
    record.setField("batch", read.batch());
    record.setField("return_id", read.returnId());
    record.setField("received_at", read.receivedAt().toString());
    record.setField("loaded_release_id", read.loadedSnapshotId());
    record.setField("fingerprint", read.fingerprint());
    record.setField("claim_rows_read", read.claimRowsRead());
    record.setField("claim_rows_rejected", read.claimRowsRejected());
    record.setField("provenance_json", StateFormat.provenanceJson(read.provenance()));
    record.setField("source_json", StateFormat.sourceJson(read.source()));
    record.setField("summary_json", StateFormat.summaryJson(read.acceptedSummary()));
    record.setField("identity_json", StateFormat.identityJson(read.identity()));
    record.setField("findings_json", StateFormat.findingsJson(read.findings()));
    ClaimKeys keys = read.claimKeys();
    record.setField("family_refs", keys.familyRefs());
    int[] rows = keys.rows();
    ByteBuffer packed = ByteBuffer.allocate(rows.length * Integer.BYTES);
    packed.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(rows);
    record.setField("claim_rows", packed);
    record.setField("claim_results", ByteBuffer.wrap(keys.results()));
    return record;
  }

  /** The reference digest a return read row was made with. */
  public static String referenceDigest(Record record) {
    checkFormat(record);
    return text(record, "reference_digest");
  }

  public static ReadReturn returnRead(Record record) {
    checkFormat(record);
    try {
      ByteBuffer rowBytes = bytes(record, "claim_rows").order(ByteOrder.LITTLE_ENDIAN);
      if (rowBytes.remaining() % Integer.BYTES != 0) {
        throw new StateUnreadableException("claim_rows is not a run of int32 values", null);
      }
      int[] rows = new int[rowBytes.remaining() / Integer.BYTES];
      rowBytes.asIntBuffer().get(rows);
      ByteBuffer resultBytes = bytes(record, "claim_results");
      byte[] results = new byte[resultBytes.remaining()];
      resultBytes.get(results);
      return new ReadReturn(
          text(record, "return_id"),
          StateFormat.source(text(record, "source_json")),
          (Long) record.getField("batch"),
          TimeText.parseInstant(text(record, "received_at")),
          text(record, "loaded_release_id"),
          StateFormat.summary(text(record, "summary_json")),
          text(record, "fingerprint"),
          (Integer) record.getField("claim_rows_read"),
          (Integer) record.getField("claim_rows_rejected"),
          ClaimKeys.packed(text(record, "family_refs"), rows, results),
          StateFormat.findings(text(record, "findings_json")),
          StateFormat.identity(text(record, "identity_json")),
          StateFormat.provenance(text(record, "provenance_json")));
    } catch (StateUnreadableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StateUnreadableException(
          "return " + record.getField("return_id") + ": " + e.getMessage(), e);
    }
  }

  public static Record landingFile(Schema schema, FileChecksums.Stamp stamp) {
    Record record = GenericRecord.create(schema);
    record.setField("state_format", StateFormat.VERSION);
    record.setField("name", stamp.name());
    record.setField("inode", stamp.inode());
    record.setField("size", stamp.size());
    record.setField("modified_nanos", stamp.modifiedNanos());
    record.setField("changed_nanos", stamp.changedNanos());
    record.setField("sha256", stamp.sha256());
    return record;
  }

  public static FileChecksums.Stamp landingFile(Record record) {
    checkFormat(record);
    return new FileChecksums.Stamp(
        text(record, "name"),
        (Long) record.getField("inode"),
        (Long) record.getField("size"),
        (Long) record.getField("modified_nanos"),
        (Long) record.getField("changed_nanos"),
        text(record, "sha256"));
  }

  /** A partition's digest; rows and files only for {@code fact_claim}'s. */
  public static Record partitionDigest(
      Schema schema, String table, String partition, String digest, Long rows, Integer files) {
    Record record = GenericRecord.create(schema);
    record.setField("state_format", StateFormat.VERSION);
    record.setField("table_name", table);
    record.setField("partition_key", partition);
    record.setField("digest", digest);
    record.setField("row_count", rows);
    record.setField("file_count", files);
    return record;
  }

  public static void addDigest(Record record, Map<String, Map<String, String>> digests) {
    checkFormat(record);
    digests
        .computeIfAbsent(text(record, "table_name"), t -> new java.util.TreeMap<>())
        .put(text(record, "partition_key"), text(record, "digest"));
  }

  public static void addClaimPartition(
      Record record, Map<LocalDate, ClaimPartitions.Partition> partitions) {
    Long rows = (Long) record.getField("row_count");
    Integer files = (Integer) record.getField("file_count");
    if (rows == null || files == null) {
      throw new StateUnreadableException("fact_claim's digests need rows and files", null);
    }
    partitions.put(
        LocalDate.parse(text(record, "partition_key")),
        new ClaimPartitions.Partition(text(record, "digest"), rows, files));
  }

  public static void checkFormat(Record record) {
    Object format = record.getField("state_format");
    if (!Integer.valueOf(StateFormat.VERSION).equals(format)) {
      throw new StateUnreadableException(
          "state format " + format + ", this build reads " + StateFormat.VERSION, null);
    }
  }

  private static String text(Record record, String field) {
    Object value = record.getField(field);
    return value == null ? null : value.toString();
  }

  private static ByteBuffer bytes(Record record, String field) {
    Object value = record.getField(field);
    if (value instanceof ByteBuffer buffer) {
      return buffer.duplicate();
    }
    if (value instanceof byte[] array) {
      return ByteBuffer.wrap(array);
    }
    throw new StateUnreadableException(field + " is not binary: " + value, null);
  }
}
