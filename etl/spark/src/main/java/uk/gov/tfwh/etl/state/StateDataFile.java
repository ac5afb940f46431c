package uk.gov.tfwh.etl.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.parquet.Parquet;

/**
 * Writes state rows built on the driver as one Parquet data file of a state table, with Iceberg's
 * generic writer (no Spark job); the caller commits it on the load's branch.
 */
public final class StateDataFile {
  private StateDataFile() {}

  /** The records, all of one partition (any for an unpartitioned table), as a new data file. */
  public static DataFile write(Table table, List<Record> records) {
    Schema schema = table.schema();
    PartitionSpec spec = table.spec();
    PartitionKey key = new PartitionKey(spec, schema);
    if (spec.isPartitioned()) {
      key.partition(new InternalRecordWrapper(schema.asStruct()).wrap(records.get(0)));
    }
    String name = "state-" + UUID.randomUUID() + ".parquet";
    String location =
        spec.isPartitioned()
            ? table.locationProvider().newDataLocation(spec, key, name)
            : table.locationProvider().newDataLocation(name);
    try {
      Parquet.DataWriteBuilder builder =
          Parquet.writeData(table.io().newOutputFile(location))
              .forTable(table)
              .createWriterFunc(GenericParquetWriter::create);
      if (spec.isPartitioned()) {
        builder.withPartition(key);
      }
      DataWriter<Record> writer = builder.build();
      try (writer) {
        records.forEach(writer::write);
      }
      return writer.toDataFile();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the load state to " + location, e);
    }
  }
}
