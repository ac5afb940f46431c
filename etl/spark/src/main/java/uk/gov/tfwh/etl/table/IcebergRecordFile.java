package uk.gov.tfwh.etl.table;

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
 * Writes records built on the driver as one Parquet data file of an Iceberg table, with Iceberg's
 * generic writer (no Spark job, no Spark types): the small warehouse tables ({@link
 * DriverIcebergFile}) and the load state's tables. The caller commits the file on the load's
 * branch.
 */
public final class IcebergRecordFile {
  private IcebergRecordFile() {}

  /**
   * The records, all of one partition (any for an unpartitioned table), as a new data file.
   *
   * @param prefix the start of the file's name, saying who wrote it
   */
  public static DataFile write(Table table, String prefix, List<Record> records) {
    Schema schema = table.schema();
    PartitionSpec spec = table.spec();
    PartitionKey key = new PartitionKey(spec, schema);
    if (spec.isPartitioned()) {
      key.partition(new InternalRecordWrapper(schema.asStruct()).wrap(records.get(0)));
    }
    String name = prefix + "-" + UUID.randomUUID() + ".parquet";
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
      throw new UncheckedIOException("cannot write " + table.name() + " to " + location, e);
    }
  }
}
